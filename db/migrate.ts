import { loadConfig } from "../server/config";
import { migrateDatabase, openDatabase } from "./client";
import path from "node:path";

const config = loadConfig();
const handle = await openDatabase({
  databaseUrl: config.databaseUrl,
  pgliteDataDir: path.join(config.dataDir, "pglite"),
  maxConnections: 1,
});
await migrateDatabase(handle, config.databaseUrl);
await handle.close();
console.log(`Migrations applied (${handle.driver}).`);
