/**
 * `npm start`: builds the web app when the build is missing or older than the sources, then serves it.
 */
import { spawnSync } from "node:child_process";
import cluster from "node:cluster";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const buildEntry = path.join(root, "build/server/index.js");

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const sources = ["app", "public", "vite.config.ts"].map((p) => path.join(root, p));
const sourceTime = Math.max(...sources.filter((p) => fs.existsSync(p)).map((p) => (fs.statSync(p).isDirectory() ? newestSourceTime(p) : fs.statSync(p).mtimeMs)));
// Cluster workers run this file again: the primary has built already.
if (cluster.isPrimary && (!fs.existsSync(buildEntry) || fs.statSync(buildEntry).mtimeMs < sourceTime)) {
  console.log("Building the web app (first start or changed sources)…");
  const started = Date.now();
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/@remix-run/dev/dist/cli.js"), "vite:build"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (result.status !== 0) {
    console.error("The build failed; see the errors above.");
    process.exit(result.status ?? 1);
  }
  const { precompressAssets } = await import("./precompress");
  precompressAssets();
  console.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
process.env.NODE_ENV ??= "production";
if (cluster.isPrimary) console.log("Starting the server (migrations, then the demo network on an empty database)…");
const { main } = await import("./index");
await main();
