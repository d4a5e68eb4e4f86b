import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { appSecrets } from "../../../db/schema";

/** Secrets do not change once made, so each process reads one at most once per database. */
const cache = new WeakMap<object, Map<string, string>>();

/**
 * The app's own secret called `name` (e.g. the key that signs unsubscribe links), made on first use. Two
 * instances asking at once agree: the first insert wins and both read it back. Call it outside a transaction
 * (the value is cached for the process, so it must be committed).
 */
export async function getOrCreateSecret(db: Database, name: string): Promise<string> {
  let known = cache.get(db);
  const hit = known?.get(name);
  if (hit) return hit;
  const read = async () => (await db.select({ value: appSecrets.value }).from(appSecrets).where(eq(appSecrets.name, name)))[0];
  let row = await read();
  if (!row) {
    await db
      .insert(appSecrets)
      .values({ name, value: randomBytes(32).toString("base64url") })
      .onConflictDoNothing();
    row = await read();
  }
  if (!row) throw new Error(`secret ${name} could not be created`);
  if (!known) cache.set(db, (known = new Map()));
  known.set(name, row.value);
  return row.value;
}
