/**
 * `npm run bench [-- --scale N]`: seeds a PostgreSQL database with bench-scale data, starts the built server and
 * measures each scenario with autocannon against its budget. Exits 1 when a budget is missed.
 */
import { spawn, spawnSync } from "node:child_process";
import net from "node:net";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import postgres from "postgres";
import { hashPassword } from "../../app/modules/accounts/passwords.server";
import { migrateDatabase, openDatabase } from "../../db/client";
import { seedDemo, seedScale } from "../../db/seed/demo";
import { benchTitle1000, benchTitle20, seedDemoDiscussions, seedScaleDiscussions } from "../../db/seed/discussions";

const args = process.argv.slice(2);
const scale = Number(args[args.indexOf("--scale") + 1] ?? 1) || 1;
const duration = Number(process.env.BENCH_SECONDS ?? 10);
const adminUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
/** `--only <text>`: run only the scenarios whose name contains it (e.g. `npm run bench -- --only case`). */
const only = args.includes("--only") ? (args[args.indexOf("--only") + 1] ?? "").toLowerCase() : null;
const selected = (scenario: string) => only === null || scenario.toLowerCase().includes(only);
const database = process.env.BENCH_DATABASE ?? `dc_bench_s${scale}`;
const url = new URL(adminUrl);
url.pathname = `/${database}`;

type Row = { scenario: string; connections: number; rps: number; p50: number; p95: number; p99: number; budget: string; ok: boolean; missing?: string };
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
  // Both run once and skip when their data exists (seedDemo and seedScale may already have called them).
  await seedDemoDiscussions(handle.db);
  await seedScaleDiscussions(handle.db, scale, console.log);
  // Measure a database in its steady state, as autovacuum keeps a running one: statistics fresh, GIN pending lists
  // merged, visibility maps set (the case facets' index-only scans need them).
  await handle.db.execute("vacuum analyze");
  await handle.close();
  console.log(`database ${database} ready (scale ${scale}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

type MeasureOptions = {
  connections: number;
  headers?: Record<string, string>;
  p99Budget?: number;
  p95Budget?: number;
  minRps?: number;
  /** Paths (on the target's origin) each connection cycles through, e.g. several topics of the same size. */
  paths?: string[];
};

const budgetOf = (options: MeasureOptions) =>
  [options.p99Budget ? `p99<${options.p99Budget}ms` : "", options.p95Budget ? `p95<${options.p95Budget}ms` : "", options.minRps ? `≥${options.minRps} rps` : ""].filter(Boolean).join(", ");

/**
 * Checks that an endpoint answers 200 before measuring it (and warms it up). An endpoint that is not there
 * (yet) is reported as missing and counts as a missed budget, instead of a table full of 404 timings.
 */
async function measureIfPresent(scenario: string, target: string, options: MeasureOptions) {
  const origin = new URL(target).origin;
  if (!selected(scenario)) return;
  const paths = options.paths ?? [new URL(target).pathname + new URL(target).search];
  let problem: string | null = null;
  for (let i = 0; i < 30 && !problem; i++) {
    const res = await fetch(origin + paths[i % paths.length], { headers: options.headers, redirect: "manual" }).catch((err: Error) => err);
    if (res instanceof Error) problem = res.message;
    else {
      await res.arrayBuffer();
      if (res.status !== 200) problem = `HTTP ${res.status}`;
    }
  }
  if (problem) {
    rows.push({ scenario, connections: options.connections, rps: 0, p50: 0, p95: 0, p99: 0, budget: budgetOf(options), ok: false, missing: problem });
    return;
  }
  await measure(scenario, target, options);
}

async function measure(scenario: string, target: string, options: MeasureOptions) {
  if (!selected(scenario)) return;
  const run = (seconds: number) =>
    autocannon({
      url: target,
      connections: options.connections,
      duration: seconds,
      headers: options.headers,
      ...(options.paths ? { requests: options.paths.map((path) => ({ method: "GET" as const, path })) } : {}),
    });
  // A short unmeasured warm-up, so that the figures describe a running server rather than its JIT compiler.
  await run(2);
  const result = await run(duration);
  const latency = result.latency as unknown as Record<string, number>;
  const p95 = latency.p97_5 !== undefined && latency.p95 === undefined ? latency.p97_5 : (latency.p95 ?? latency.p97_5);
  const row: Row = {
    scenario,
    connections: options.connections,
    rps: Math.round(result.requests.average),
    p50: latency.p50,
    p95,
    p99: latency.p99,
    budget: budgetOf(options),
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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

async function waitForHealth(base: string, server: ReturnType<typeof spawn>) {
  for (let i = 0; i < 200; i++) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    const ok = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the server did not answer /healthz within 50 s");
}

async function main() {
  if (!fs.existsSync("build/server/index.js")) {
    console.log("building the web app…");
    const r = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
    if (r.status !== 0) process.exit(1);
  }
  await prepareDatabase();
  // The server runs as its own process, as in production: the load generator must not share its event loop.
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: publicUrl,
      DATABASE_URL: url.toString(),
      DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "dc-bench-")),
      LOG_LEVEL: "warn",
      RATE_LIMIT_SCALE: "10000",
    },
  });
  const stopServer = () => new Promise((resolve) => (server.exitCode !== null ? resolve(null) : (server.once("exit", resolve), server.kill("SIGTERM"))));
  process.on("exit", () => server.kill("SIGKILL"));
  const base = publicUrl;
  await waitForHealth(base, server);
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "trainer.paris@demo.compass", password: "compass-demo-2026" }),
  });
  const cookie = login.headers.getSetCookie()[0].split(";")[0];
  const tokenRes = await fetch(`${base}/api/v1/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: publicUrl },
    body: JSON.stringify({ name: "bench" }),
  });
  const { token } = (await tokenRes.json()) as { token: string };

  await measure("sign-in page (GET /login)", `${base}/login`, { connections: 10, p99Budget: 30 });
  await measure("GET /api/v1/me (session cookie)", `${base}/api/v1/me`, { connections: 10, headers: { cookie }, p99Budget: 30 });
  await measure("GET /api/v1/me (bearer token)", `${base}/api/v1/me`, { connections: 10, headers: { authorization: `Bearer ${token}` }, p99Budget: 30 });
  await measure("GET /api/v1/centres", `${base}/api/v1/centres`, { connections: 10, p99Budget: 30 });

  // Discussions (issue 3): topics the scale seed marked by title.
  const reader = postgres(url.toString(), { max: 1, onnotice: () => {} });
  const small = (await reader<{ id: string }[]>`select id::text from topics where title like ${`${benchTitle20}%`} order by id limit 50`).map((r) => r.id);
  const [big] = await reader<{ id: string }[]>`select id::text from topics where title like ${`${benchTitle1000}%`} order by id limit 1`;
  await reader.end();
  if (!small.length || !big) throw new Error("no bench topics: the scale seed did not run");
  const signedIn = { cookie };
  await measureIfPresent("topic page, 20 posts, signed in (GET /discussions/t/:id)", `${base}/discussions/t/${small[0]}`, {
    connections: 10, headers: signedIn, p99Budget: 50, minRps: 300, paths: small.map((id) => `/discussions/t/${id}`),
  });
  await measureIfPresent("topic page, 1,000 posts, first page", `${base}/discussions/t/${big.id}`, { connections: 10, headers: signedIn, p99Budget: 100 });
  // The same requests one at a time, without a budget: the time a request itself takes, apart from the queue that
  // ten connections on one server process build (on a slow machine that queue is most of the latency).
  const alone = (scenario: string, target: string, options: MeasureOptions) =>
    measureIfPresent(`${scenario}, 1 connection (no budget)`, target, { headers: options.headers, paths: options.paths, connections: 1 });
  await measureIfPresent("topic list (GET /discussions)", `${base}/discussions`, { connections: 10, headers: signedIn, p99Budget: 50 });
  await alone("topic page, 20 posts", `${base}/discussions/t/${small[0]}`, { connections: 1, headers: signedIn, paths: small.map((id) => `/discussions/t/${id}`) });
  await alone("topic list", `${base}/discussions`, { connections: 1, headers: signedIn });
  await measureIfPresent("GET /api/v1/topics/:id (20 posts)", `${base}/api/v1/topics/${small[0]}`, {
    connections: 10, headers: signedIn, p99Budget: 50, paths: small.map((id) => `/api/v1/topics/${id}`),
  });
  await measureIfPresent("search, rare word (GET /api/v1/search?q=xylophone)", `${base}/api/v1/search?q=xylophone`, { connections: 10, headers: signedIn, p95Budget: 50 });
  await measureIfPresent("search, common word (GET /api/v1/search?q=apprenant)", `${base}/api/v1/search?q=apprenant`, { connections: 10, headers: signedIn, p95Budget: 100 });
  await alone("search, rare word", `${base}/api/v1/search?q=xylophone`, { connections: 1, headers: signedIn });
  await alone("search, common word", `${base}/api/v1/search?q=apprenant`, { connections: 1, headers: signedIn });
  // Case studies (issue 4): the library over 10,000 cases per unit of scale, filtered by tags of two groups and a
  // language, with the counts per facet (one list query and one facet query).
  const faceted = [
    "/api/v1/cases?facets=true&tag=dropout-risk&tag=mid-programme&language=fr",
    "/api/v1/cases?facets=true&tag=group-conflict&sort=helpful",
    "/api/v1/cases?facets=true&language=es&hasFollowUp=true&sort=discussed",
    "/api/v1/cases?facets=true",
    "/api/v1/cases?facets=true&tag=harassment&tag=final-project&country=FR",
  ];
  await measureIfPresent("case library, faceted (GET /api/v1/cases?…&facets=true)", `${base}${faceted[0]}`, { connections: 10, headers: signedIn, p95Budget: 50, paths: faceted });
  await alone("case library, faceted", `${base}${faceted[0]}`, { connections: 1, headers: signedIn, paths: faceted });
  // The same listing as a page, for comparison and without a budget: a server-rendered page costs the React render on
  // top, and on a slow machine even the sign-in page (no query at all) answers p99 over 50 ms at ten connections.
  await measureIfPresent("case library page, faceted (GET /cases?tag=…), no budget", `${base}/cases?tag=dropout-risk&language=fr`, { connections: 10, headers: signedIn });
  for (const [label, id] of (only === null ? [["20 posts", small[0]], ["1,000 posts, first page", big.id]] : []) as [string, string][]) {
    const res = await fetch(`${base}/discussions/t/${id}`, { headers: signedIn, redirect: "manual" });
    const size = (await res.arrayBuffer()).byteLength;
    const scenario = `topic page HTML size, ${label}`;
    if (res.status !== 200) rows.push({ scenario, connections: 1, rps: 0, p50: 0, p95: 0, p99: 0, budget: "<100 KB", ok: false, missing: `HTTP ${res.status}` });
    else rows.push({ scenario: `${scenario}: ${(size / 1024).toFixed(1)} KB`, connections: 1, rps: 0, p50: 0, p95: 0, p99: 0, budget: "<100 KB", ok: size < 100 * 1024 });
  }

  const times: number[] = [];
  for (let i = 0; i < (selected("password hash") ? 20 : 0); i++) {
    const t0 = performance.now();
    await hashPassword(`bench password number ${i}`);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const hashP99 = times[times.length - 1];
  if (times.length) rows.push({ scenario: "password hash (argon2id, 20 runs)", connections: 1, rps: Math.round(1000 / times[10]), p50: Math.round(times[10]), p95: Math.round(times[18]), p99: Math.round(hashP99), budget: "max<150ms", ok: hashP99 < 150 });

  await stopServer();
  console.log(`\nscale ${scale}, ${duration} s per scenario, ${os.cpus().length} cores\n`);
  console.table(rows.map((r) => ({ scenario: r.scenario, conns: r.connections, "req/s": r.rps, "p50 ms": r.p50, "p95 ms": r.p95, "p99 ms": r.p99, budget: r.budget, result: r.missing ? `MISSING (${r.missing})` : r.ok ? "PASS" : "FAIL" })));
  const failed = rows.filter((r) => !r.ok);
  if (failed.length) {
    console.error(`${failed.length} budget(s) missed`);
    process.exit(1);
  }
}

await main();
