/**
 * `npm run bench [-- --scale N] [-- --only TEXT]`: seeds a PostgreSQL database with bench-scale data, starts the
 * built app (one process; `npm start`'s worker per core is measured apart) and, beside it, a reference: a bare Remix app
 * (`tests/bench/reference/`) that renders the same 20-post topics from five queries with no middleware. Pages are
 * measured against the reference in the same run, alternating, and judged by their ratio to it, so that a slow or
 * busy machine slows both sides; the API keeps its absolute budgets. Every request carries a browser's headers.
 * Exits 1 when a budget is missed.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import net from "node:net";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import autocannon from "autocannon";
import postgres from "postgres";
import { hashPassword } from "../../app/modules/accounts/passwords.server";
import { migrateDatabase, openDatabase } from "../../db/client";
import { seedDemo, seedScale } from "../../db/seed/demo";
import { benchTitle1000, benchTitle20, seedDemoDiscussions, seedScaleDiscussions } from "../../db/seed/discussions";

const args = process.argv.slice(2);
const scale = Number(args[args.indexOf("--scale") + 1] ?? 1) || 1;
/** Seconds each measurement lasts (after a one-second warm-up). */
const duration = Number(process.env.BENCH_SECONDS ?? 5);
/** Rounds of the page comparison; each round measures the reference, then each page. */
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const connections = 10;
const adminUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
/** `--only <text>`: run only the scenarios whose name contains it (e.g. `npm run bench -- --only case`). */
const only = args.includes("--only") ? (args[args.indexOf("--only") + 1] ?? "").toLowerCase() : null;
const selected = (scenario: string) => only === null || scenario.toLowerCase().includes(only);
const database = process.env.BENCH_DATABASE ?? `dc_bench_s${scale}`;
const url = new URL(adminUrl);
url.pathname = `/${database}`;
/**
 * The app is compared with the reference on equal terms: one process each (WEB_CONCURRENCY to change). `npm start`'s
 * default, one worker per core, is measured apart: on a small machine that also runs the load generator and
 * PostgreSQL, workers compete with them for the same cores.
 */
const appWorkers = Number(process.env.WEB_CONCURRENCY ?? 1);
const clusterWorkers = os.availableParallelism();

/** What Chromium sends with a page request: every request of the bench carries them. */
const browserHeaders = {
  accept: "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8",
  "accept-encoding": "gzip, deflate, br",
  "accept-language": "fr-FR,fr;q=0.9,en;q=0.8",
  "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
};
const apiHeaders = { ...browserHeaders, accept: "application/json" };

type Result = { rps: number; p50: number; p95: number; p99: number; errors: number; requests: number; cpuMs: number };
type Row = { scenario: string; conns: number; rps: number | string; p50: number | string; p95: number | string; p99: number | string; cpu?: string; target: string; result: string };
const rows: Row[] = [];
const misses: string[] = [];

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

/** Builds what is missing or older than its sources: the app, and the reference. */
function build() {
  const newest = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
      const full = path.join(dir, e.name);
      return Math.max(max, e.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
    }, 0);
  const stale = (output: string, sources: string[]) => !fs.existsSync(output) || fs.statSync(output).mtimeMs < Math.max(...sources.map(newest));
  if (stale("build/server/index.js", ["app", "public"])) {
    console.log("building the app…");
    if (spawnSync("npm", ["run", "build"], { stdio: "inherit" }).status !== 0) process.exit(1);
  }
  if (stale("tests/bench/reference/build/server/index.js", ["tests/bench/reference/app"])) {
    console.log("building the reference…");
    const cli = path.join("node_modules/@remix-run/dev/dist/cli.js");
    if (spawnSync(process.execPath, [cli, "vite:build", "--config", "tests/bench/reference/vite.config.ts"], { stdio: ["ignore", "ignore", "inherit"] }).status !== 0) process.exit(1);
  }
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

async function waitFor(check: string, child: ChildProcess) {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`${check}: the server exited with code ${child.exitCode}`);
    if (await fetch(check).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${check} did not answer within 60 s`);
}

/** Starts a server in its own process: the load generator must not share its event loop. */
async function startProcess(script: string, env: Record<string, string>, check: string) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", PUBLIC_URL: base, DATABASE_URL: url.toString(), ...env },
  });
  process.on("exit", () => child.kill("SIGKILL"));
  await waitFor(base + check, child);
  const stop = () => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : (child.once("exit", resolve), child.kill("SIGTERM"))));
  return { base, stop, cpuMs: () => cpuMsOf(child.pid!) };
}

/** CPU time a server has used so far, in ms: the process and its workers (Linux /proc). */
function cpuMsOf(pid: number): number {
  const ticks = (p: number) => {
    try {
      const fields = fs.readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1].split(" ");
      return Number(fields[11]) + Number(fields[12]);
    } catch {
      return 0;
    }
  };
  const children = (p: number) => {
    try {
      return fs.readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  const all = [pid, ...children(pid)];
  return (all.reduce((sum, p) => sum + ticks(p), 0) * 1000) / 100;
}
const servers = new Map<string, () => number>();

async function load(base: string, paths: string[], headers: Record<string, string>, seconds: number, conns = connections): Promise<Result> {
  const cpu = servers.get(base);
  const cpuBefore = cpu?.() ?? 0;
  const result = await autocannon({
    url: base + paths[0],
    connections: conns,
    duration: seconds,
    headers,
    requests: paths.map((p) => ({ method: "GET" as const, path: p })),
  });
  const latency = result.latency as unknown as Record<string, number>;
  return {
    rps: result.requests.average,
    p50: latency.p50,
    p95: latency.p95 ?? latency.p97_5,
    p99: latency.p99,
    errors: result.non2xx + result.errors,
    requests: result.requests.total,
    cpuMs: (cpu?.() ?? 0) - cpuBefore,
  };
}

/** Answers 200 to every path (and warms them up), or says why not. */
async function problemWith(base: string, paths: string[], headers: Record<string, string>): Promise<string | null> {
  for (let i = 0; i < Math.max(30, paths.length); i++) {
    const res = await fetch(base + paths[i % paths.length], { headers, redirect: "manual" }).catch((err: Error) => err);
    if (res instanceof Error) return res.message;
    await res.arrayBuffer();
    if (res.status !== 200) return `HTTP ${res.status} for ${paths[i % paths.length]}`;
  }
  return null;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fixed = (n: number, digits = 2) => n.toFixed(digits);

type Target = { base: string; paths: string[]; headers: Record<string, string> };
type PageScenario = { name: string; page: Target; reference: Target; minRatio: number; maxP99Ratio?: number };

/**
 * Each round measures the reference then each of its pages for the same time, so that both see the same machine;
 * a page's figure is the median over the rounds of its ratio to the reference measured just before it.
 */
async function comparePages(referenceName: string, scenarios: PageScenario[]) {
  const active = scenarios.filter((s) => selected(s.name));
  if (!active.length) return;
  const reference = active[0].reference;
  const refProblem = await problemWith(reference.base, reference.paths, reference.headers);
  if (refProblem) throw new Error(`the reference page does not answer: ${refProblem}`);
  const present: PageScenario[] = [];
  for (const s of active) {
    const problem = await problemWith(s.page.base, s.page.paths, s.page.headers);
    if (problem) {
      rows.push({ scenario: s.name, conns: connections, rps: "-", p50: "-", p95: "-", p99: "-", target: `≥ ${s.minRatio}× reference`, result: `MISSING (${problem})` });
      misses.push(s.name);
    } else present.push(s);
  }
  const refRuns: Result[] = [];
  const pageRuns = new Map<string, { runs: Result[]; ratios: number[]; p99Ratios: number[] }>(present.map((s) => [s.name, { runs: [], ratios: [], p99Ratios: [] }]));
  for (let round = 0; round < rounds; round++) {
    await load(reference.base, reference.paths, reference.headers, 1);
    const ref = await load(reference.base, reference.paths, reference.headers, duration);
    refRuns.push(ref);
    for (const s of present) {
      await load(s.page.base, s.page.paths, s.page.headers, 1);
      const run = await load(s.page.base, s.page.paths, s.page.headers, duration);
      const entry = pageRuns.get(s.name)!;
      entry.runs.push(run);
      entry.ratios.push(run.rps / ref.rps);
      entry.p99Ratios.push(run.p99 / Math.max(ref.p99, 1));
    }
    process.stdout.write(`  round ${round + 1}/${rounds} of "${referenceName}" done\n`);
  }
  const abs = (runs: Result[]) => ({
    rps: Math.round(median(runs.map((r) => r.rps))),
    p50: median(runs.map((r) => r.p50)),
    p95: median(runs.map((r) => r.p95)),
    p99: median(runs.map((r) => r.p99)),
    cpu: fixed(median(runs.map((r) => r.cpuMs / Math.max(r.requests, 1))), 1),
  });
  rows.push({ scenario: `REFERENCE ${referenceName}`, conns: connections, ...abs(refRuns), target: "1.00 (the reference)", result: `${refRuns.map((r) => Math.round(r.rps)).join(" / ")} rps` });
  for (const s of present) {
    const { runs, ratios, p99Ratios } = pageRuns.get(s.name)!;
    const ratio = median(ratios);
    const p99Ratio = median(p99Ratios);
    const errors = runs.reduce((n, r) => n + r.errors, 0);
    const ok = ratio >= s.minRatio && (s.maxP99Ratio === undefined || p99Ratio <= s.maxP99Ratio) && errors === 0;
    const range = `${fixed(Math.min(...ratios))}–${fixed(Math.max(...ratios))}`;
    rows.push({
      scenario: s.name,
      conns: connections,
      ...abs(runs),
      target: `rps ≥ ${s.minRatio}×${s.maxP99Ratio ? `, p99 ≤ ${s.maxP99Ratio}×` : ""}`,
      result: `${ok ? "PASS" : "FAIL"} ${fixed(ratio)}× (${range})${s.maxP99Ratio ? `, p99 ${fixed(p99Ratio)}×` : ""}${errors ? `, ${errors} errors` : ""}`,
    });
    if (!ok) misses.push(s.name);
  }
}

type Budget = { p99?: number; p95?: number; minRps?: number };
/** An absolute budget, for the API (no page render, little to compare with). */
async function measureAbsolute(scenario: string, target: Target, budget: Budget, conns = connections) {
  if (!selected(scenario)) return;
  const label = [budget.p99 ? `p99 < ${budget.p99} ms` : "", budget.p95 ? `p95 < ${budget.p95} ms` : "", budget.minRps ? `≥ ${budget.minRps} rps` : ""].filter(Boolean).join(", ") || "(none)";
  const problem = await problemWith(target.base, target.paths, target.headers);
  if (problem) {
    rows.push({ scenario, conns, rps: "-", p50: "-", p95: "-", p99: "-", target: label, result: `MISSING (${problem})` });
    misses.push(scenario);
    return;
  }
  await load(target.base, target.paths, target.headers, 1, conns);
  const r = await load(target.base, target.paths, target.headers, duration * 2, conns);
  const ok = (!budget.p99 || r.p99 < budget.p99) && (!budget.p95 || r.p95 < budget.p95) && (!budget.minRps || r.rps >= budget.minRps) && r.errors === 0;
  rows.push({ scenario, conns, rps: Math.round(r.rps), p50: r.p50, p95: r.p95, p99: r.p99, cpu: fixed(r.cpuMs / Math.max(r.requests, 1), 1), target: label, result: `${label === "(none)" ? "—" : ok ? "PASS" : "FAIL"}${r.errors ? ` (${r.errors} errors)` : ""}` });
  if (!ok && label !== "(none)") misses.push(scenario);
}

/**
 * What a first visit to a page costs on the wire: the HTML and every stylesheet and script it names (modulepreload
 * included), each as the server sends it to a browser that accepts brotli.
 */
async function firstVisitBytes(base: string, pagePath: string, headers: Record<string, string>) {
  // node:http, not fetch: fetch decompresses bodies, and the bytes on the wire are what counts here.
  const raw = (pathname: string, extra: Record<string, string>) =>
    new Promise<{ body: Buffer; encoding: string | undefined }>((resolve, reject) => {
      http
        .get(base + pathname, { headers: { ...extra, "accept-encoding": "br" } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => resolve({ body: Buffer.concat(chunks), encoding: res.headers["content-encoding"] }));
        })
        .on("error", reject);
    });
  const page = await raw(pagePath, headers);
  const html = page.encoding === "br" ? zlib.brotliDecompressSync(page.body).toString() : page.encoding === "gzip" ? zlib.gunzipSync(page.body).toString() : page.body.toString();
  const assets = new Set<string>();
  for (const m of html.matchAll(/<(?:link|script)\b[^>]*?(?:href|src)="(\/[^"]+\.(?:css|js))"/g)) assets.add(m[1]);
  for (const m of html.matchAll(/import\("(\/assets\/[^"]+\.js)"\)|import "(\/assets\/[^"]+\.js)"/g)) assets.add(m[1] ?? m[2]);
  let total = page.body.byteLength;
  for (const asset of assets) total += (await raw(asset, {})).body.byteLength;
  return { htmlBytes: page.body.byteLength, htmlRaw: Buffer.byteLength(html), total, assets: assets.size };
}

async function main() {
  build();
  await prepareDatabase();
  const app = await startProcess("server/index.ts", {
    DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "dc-bench-")),
    LOG_LEVEL: "warn",
    RATE_LIMIT_SCALE: "10000",
    WEB_CONCURRENCY: String(appWorkers),
  }, "/healthz");
  const reference = await startProcess("tests/bench/reference/server.ts", {}, "/static");
  servers.set(app.base, app.cpuMs);
  servers.set(reference.base, reference.cpuMs);
  const base = app.base;

  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "trainer.paris@demo.compass", password: "compass-demo-2026" }),
  });
  const cookie = login.headers.getSetCookie()[0].split(";")[0];
  const tokenRes = await fetch(`${base}/api/v1/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: base },
    body: JSON.stringify({ name: "bench" }),
  });
  const { token } = (await tokenRes.json()) as { token: string };

  const reader = postgres(url.toString(), { max: 1, onnotice: () => {} });
  const small = (await reader<{ id: string }[]>`select id::text from topics where title like ${`${benchTitle20}%`} order by id limit 50`).map((r) => r.id);
  const [big] = await reader<{ id: string }[]>`select id::text from topics where title like ${`${benchTitle1000}%`} order by id limit 1`;
  await reader.end();
  if (!small.length || !big) throw new Error("no bench topics: the scale seed did not run");

  const signedIn = { ...browserHeaders, cookie };
  const referenceTopic: Target = { base: reference.base, paths: small.map((id) => `/t/${id}`), headers: browserHeaders };
  const page = (paths: string[], headers: Record<string, string> = signedIn): Target => ({ base, paths, headers });

  console.log(`\ncomparing pages with the reference (${rounds} rounds of ${duration} s, app on ${appWorkers} worker(s))…`);
  await comparePages("20-post topic, bare Remix + 5 queries (GET /t/:id)", [
    { name: "topic page, 20 posts, signed in (GET /discussions/t/:id)", page: page(small.map((id) => `/discussions/t/${id}`)), reference: referenceTopic, minRatio: 0.7, maxP99Ratio: 1.5 },
    { name: "topic list (GET /discussions)", page: page(["/discussions"]), reference: referenceTopic, minRatio: 0.8 },
    { name: "case library page (GET /cases)", page: page(["/cases", "/cases?tag=dropout-risk&language=fr"]), reference: referenceTopic, minRatio: 0.8 },
  ]);
  await comparePages("static page, bare Remix (GET /static)", [
    { name: "sign-in page, signed out (GET /login)", page: page(["/login"], browserHeaders), reference: { base: reference.base, paths: ["/static"], headers: browserHeaders }, minRatio: 0.9 },
  ]);
  if (selected("workers") && clusterWorkers > 1) {
    // As `npm start` runs it: one worker per core, without a target (see appWorkers).
    const cluster = await startProcess("server/index.ts", { DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "dc-bench-")), LOG_LEVEL: "warn", RATE_LIMIT_SCALE: "10000", WEB_CONCURRENCY: String(clusterWorkers) }, "/healthz");
    servers.set(cluster.base, cluster.cpuMs);
    await measureAbsolute(`topic page, 20 posts, ${clusterWorkers} workers (npm start's default), no target`, { base: cluster.base, paths: small.map((id) => `/discussions/t/${id}`), headers: signedIn }, {});
    await cluster.stop();
  }

  console.log("measuring the API…");
  const api = (paths: string[], extra: Record<string, string> = { cookie }): Target => ({ base, paths, headers: { ...apiHeaders, ...extra } });
  await measureAbsolute("GET /api/v1/me (session cookie)", api(["/api/v1/me"]), { p99: 30 });
  await measureAbsolute("GET /api/v1/me (bearer token)", api(["/api/v1/me"], { authorization: `Bearer ${token}` }), { p99: 30 });
  await measureAbsolute("GET /api/v1/centres", api(["/api/v1/centres"], {}), { p99: 30 });
  await measureAbsolute("GET /api/v1/topics/:id (20 posts)", api(small.map((id) => `/api/v1/topics/${id}`)), { p99: 50 });
  await measureAbsolute("topic page, 1,000 posts, first page", page([`/discussions/t/${big.id}`]), {});
  await measureAbsolute("search, rare word (GET /api/v1/search?q=xylophone)", api(["/api/v1/search?q=xylophone"]), { p95: 50 });
  await measureAbsolute("search, common word (GET /api/v1/search?q=apprenant)", api(["/api/v1/search?q=apprenant"]), { p95: 100 });
  await measureAbsolute("search, two moderately common words (GET /api/v1/search?q=conflit+groupe)", api(["/api/v1/search?q=conflit%20groupe"]), { p95: 100 });
  // Case studies (issue 4): the library over 10,000 cases per unit of scale, filtered by tags of two groups and a
  // language, with the counts per facet (one list query and one facet query).
  const faceted = [
    "/api/v1/cases?facets=true&tag=dropout-risk&tag=mid-programme&language=fr",
    "/api/v1/cases?facets=true&tag=group-conflict&sort=helpful",
    "/api/v1/cases?facets=true&language=es&hasFollowUp=true&sort=discussed",
    "/api/v1/cases?facets=true",
    "/api/v1/cases?facets=true&tag=harassment&tag=final-project&country=FR",
  ];
  await measureAbsolute("case library, faceted (GET /api/v1/cases?…&facets=true)", api(faceted), { p95: 50 });

  if (selected("first visit")) {
    const visit = await firstVisitBytes(base, `/discussions/t/${small[0]}`, signedIn);
    const ok = visit.total < 150 * 1024;
    rows.push({
      scenario: `first visit to a topic page on the wire: HTML ${fixed(visit.htmlBytes / 1024, 1)} KB (${fixed(visit.htmlRaw / 1024, 1)} KB unpacked) + ${visit.assets} CSS/JS files`,
      conns: 1, rps: "-", p50: "-", p95: "-", p99: "-",
      target: "< 150 KB", result: `${ok ? "PASS" : "FAIL"} ${fixed(visit.total / 1024, 1)} KB`,
    });
    if (!ok) misses.push("first visit weight");
  }

  const times: number[] = [];
  for (let i = 0; i < (selected("password hash") ? 20 : 0); i++) {
    const t0 = performance.now();
    await hashPassword(`bench password number ${i}`);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  if (times.length) {
    const max = times[times.length - 1];
    rows.push({ scenario: "password hash (argon2id, 20 runs)", conns: 1, rps: "-", p50: Math.round(times[10]), p95: Math.round(times[18]), p99: Math.round(max), target: "max < 150 ms", result: max < 150 ? "PASS" : "FAIL" });
    if (max >= 150) misses.push("password hash");
  }

  await app.stop();
  await reference.stop();
  console.log(`\nscale ${scale}; pages: ${rounds} alternating rounds of ${duration} s, ratio = median of (page ÷ reference measured just before); app on ${appWorkers} worker(s), reference on 1; ${os.cpus().length} cores; ${connections} connections\n`);
  console.table(rows.map((r) => ({ scenario: r.scenario, conns: r.conns, "req/s": r.rps, "p50 ms": r.p50, "p95 ms": r.p95, "p99 ms": r.p99, "CPU ms/req": r.cpu ?? "-", target: r.target, result: r.result })));
  if (misses.length) {
    console.error(`${misses.length} budget(s) missed: ${misses.join("; ")}`);
    process.exit(1);
  }
}

await main();
