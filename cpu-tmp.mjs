// CPU ms per request of the app (one worker) and the reference, same run. usage: node cpu.mjs [requests]
import { spawn } from "node:child_process";
import fs from "node:fs";
import autocannon from "/work/main/node_modules/autocannon/autocannon.js";
const N = Number(process.argv[2] ?? 1500);
const cookie = fs.readFileSync("/tmp/prof/cookie", "utf8").trim();
const env = { ...process.env, NODE_ENV: "production", DATABASE_URL: "postgres://postgres@127.0.0.1:5432/dc_bench_s1", LOG_LEVEL: "warn", WEB_CONCURRENCY: "1", RATE_LIMIT_SCALE: "10000" };
const start = (script, port) => { const c = spawn(process.execPath, ["--import", "tsx", script], { cwd: "/work/main", env: { ...env, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` }, stdio: "ignore" }); return c; };
const ticks = (pid) => { const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" "); return (Number(f[11]) + Number(f[12])) * 10; };
const app = start("server/index.ts", 3401), ref = start("tests/bench/reference/server.ts", 3402);
process.on("exit", () => { app.kill(); ref.kill(); });
const wait = async (u) => { for (let i = 0; i < 200; i++) { if (await fetch(u).then(r => r.ok, () => false)) return; await new Promise(r => setTimeout(r, 250)); } throw new Error(u); };
await wait("http://127.0.0.1:3401/healthz"); await wait("http://127.0.0.1:3402/static");
const topics = [36, 116, 196, 276, 356];
const headers = { accept: "text/html", "accept-encoding": "gzip, deflate, br", "accept-language": "fr-FR,fr;q=0.9", "user-agent": "Mozilla/5.0 Chrome/131" };
const cases = [
  ["ref topic", 3402, topics.map(t => `/t/${t}`), headers, ref],
  ["app topic", 3401, topics.map(t => `/discussions/t/${t}`), { ...headers, cookie }, app],
  ["app list", 3401, ["/discussions"], { ...headers, cookie }, app],
  ["app cases", 3401, ["/cases", "/cases?tag=dropout-risk&language=fr"], { ...headers, cookie }, app],
  ["ref static", 3402, ["/static"], headers, ref],
  ["app login", 3401, ["/login"], headers, app],
];
const only = process.argv[3] ? new RegExp(process.argv[3]) : null;
for (const [name, port, paths, h, proc] of cases) {
  if (only && !only.test(name)) continue;
  const run = (amount) => autocannon({ url: `http://127.0.0.1:${port}${paths[0]}`, connections: 4, amount, headers: h, requests: paths.map(p => ({ method: "GET", path: p })) });
  await run(300);
  const c0 = ticks(proc.pid); const r = await run(N); const c1 = ticks(proc.pid);
  console.log(`${name.padEnd(12)} ${((c1 - c0) / N).toFixed(2)} ms CPU/req   ${Math.round(r.requests.average)} rps  non2xx ${r.non2xx}`);
}
app.kill(); ref.kill();
