/**
 * `npm run bench [-- --scale N]`: seeds a PostgreSQL database with bench-scale data, starts the built server and
 * measures each scenario with autocannon against its budget. Exits 1 when a budget is missed.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import postgres from "postgres";
import { hashPassword } from "../../app/modules/accounts/passwords.server";
import { migrateDatabase, openDatabase } from "../../db/client";
import { seedDemo, seedScale } from "../../db/seed/demo";
import { loadConfig } from "../../server/config";
import { startServer } from "../../server/index";

const args = process.argv.slice(2);
const scale = Number(args[args.indexOf("--scale") + 1] ?? 1) || 1;
const duration = Number(process.env.BENCH_SECONDS ?? 10);
const adminUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const database = `dc_bench_s${scale}`;
const url = new URL(adminUrl);
url.pathname = `/${database}`;

type Row = { scenario: string; connections: number; rps: number; p50: number; p95: number; p99: number; budget: string; ok: boolean };
const rows: Row[] = [];

async function prepareDatabase() {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const [exists] = await admin`select 1 from pg_database where datname = ${database}`;
  if (!exists) await admin.unsafe(`create database ${database}`);
  await admin.end();
  const handle = await openDatabase({ databaseUrl: url.toString() });
  await migrateDatabase(handle, url.toString());
  const started = Date.now();
  await seedDemo(handle.db);
  await seedScale(handle.db, scale);
  await handle.db.execute("analyze");
  await handle.close();
  console.log(`database ${database} ready (scale ${scale}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function measure(
  scenario: string,
  target: string,
  options: { connections: number; headers?: Record<string, string>; p99Budget?: number; p95Budget?: number; minRps?: number },
) {
  const result = await autocannon({ url: target, connections: options.connections, duration, headers: options.headers });
  const latency = result.latency as unknown as Record<string, number>;
  const p95 = latency.p97_5 !== undefined && latency.p95 === undefined ? latency.p97_5 : (latency.p95 ?? latency.p97_5);
  const row: Row = {
    scenario,
    connections: options.connections,
    rps: Math.round(result.requests.average),
    p50: latency.p50,
    p95,
    p99: latency.p99,
    budget: [options.p99Budget ? `p99<${options.p99Budget}ms` : "", options.p95Budget ? `p95<${options.p95Budget}ms` : "", options.minRps ? `≥${options.minRps} rps` : ""].filter(Boolean).join(", "),
    ok: true,
  };
  if (options.p99Budget && row.p99 >= options.p99Budget) row.ok = false;
  if (options.p95Budget && row.p95 >= options.p95Budget) row.ok = false;
  if (options.minRps && row.rps < options.minRps) row.ok = false;
  if (result.non2xx > 0 || result.errors > 0) {
    row.ok = false;
    row.budget += ` (${result.non2xx} non-2xx, ${result.errors} errors)`;
  }
  rows.push(row);
}

async function main() {
  if (!fs.existsSync("build/server/index.js")) {
    console.log("building the web app…");
    const r = spawnSync("npx", ["remix", "vite:build"], { stdio: "inherit" });
    if (r.status !== 0) process.exit(1);
  }
  await prepareDatabase();
  const config = loadConfig({
    NODE_ENV: "production",
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: url.toString(),
    DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "dc-bench-")),
    LOG_LEVEL: "warn",
    RATE_LIMIT_SCALE: "10000",
  });
  const server = await startServer(config, { remix: "production" });
  const base = `http://127.0.0.1:${server.port}`;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "trainer.paris@demo.compass", password: "compass-demo-2026" }),
  });
  const cookie = login.headers.getSetCookie()[0].split(";")[0];
  const tokenRes = await fetch(`${base}/api/v1/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: config.publicUrl },
    body: JSON.stringify({ name: "bench" }),
  });
  const { token } = (await tokenRes.json()) as { token: string };

  await measure("sign-in page (GET /login)", `${base}/login`, { connections: 10, p99Budget: 30 });
  await measure("GET /api/v1/me (session cookie)", `${base}/api/v1/me`, { connections: 10, headers: { cookie }, p99Budget: 30 });
  await measure("GET /api/v1/me (bearer token)", `${base}/api/v1/me`, { connections: 10, headers: { authorization: `Bearer ${token}` }, p99Budget: 30 });
  await measure("GET /api/v1/centres", `${base}/api/v1/centres`, { connections: 10, p99Budget: 30 });

  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    await hashPassword(`bench password number ${i}`);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const hashP99 = times[times.length - 1];
  rows.push({ scenario: "password hash (argon2id, 20 runs)", connections: 1, rps: Math.round(1000 / times[10]), p50: Math.round(times[10]), p95: Math.round(times[18]), p99: Math.round(hashP99), budget: "max<150ms", ok: hashP99 < 150 });

  await server.close();
  console.log(`\nscale ${scale}, ${duration} s per scenario, ${os.cpus().length} cores\n`);
  console.table(rows.map((r) => ({ scenario: r.scenario, conns: r.connections, "req/s": r.rps, "p50 ms": r.p50, "p95 ms": r.p95, "p99 ms": r.p99, budget: r.budget, result: r.ok ? "PASS" : "FAIL" })));
  const failed = rows.filter((r) => !r.ok);
  if (failed.length) {
    console.error(`${failed.length} budget(s) missed`);
    process.exit(1);
  }
}

await main();
