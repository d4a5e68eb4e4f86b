import path from "node:path";
import { loadConfig } from "../../server/config";
import { migrateDatabase, openDatabase } from "../client";
import { seedDemo, seedScale } from "./demo";

const args = process.argv.slice(2);
const demo = args.includes("--demo");
const scaleIndex = args.indexOf("--scale");
const scale = scaleIndex >= 0 ? Number(args[scaleIndex + 1] ?? "1") : 0;
if (!demo && !(scale > 0 && Number.isInteger(scale))) {
  console.error("Usage: npm run db:seed -- --demo | --scale N (N a whole number ≥ 1)");
  process.exit(2);
}

const config = loadConfig();
const handle = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDataDir: path.join(config.dataDir, "pglite") });
await migrateDatabase(handle, config.databaseUrl);
const started = Date.now();
if (demo) await seedDemo(handle.db, console.log);
if (scale > 0) await seedScale(handle.db, scale, console.log);
await handle.close();
console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
