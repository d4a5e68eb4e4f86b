import { and, gt, inArray, sql } from "drizzle-orm";
import { authThrottle } from "../../../db/schema";
import type { Queryable } from "../../../db/client";

export type ThrottleRule = { key: string; limit: number; windowMinutes: number };

/** Seconds until the first blocked key opens again, or 0 when none is blocked. */
export async function throttleRetryAfter(db: Queryable, keys: string[]): Promise<number> {
  if (keys.length === 0) return 0;
  const rows = await db
    .select({ blockedUntil: authThrottle.blockedUntil })
    .from(authThrottle)
    .where(and(inArray(authThrottle.key, keys), gt(authThrottle.blockedUntil, sql`now()`)));
  const latest = Math.max(0, ...rows.map((r) => r.blockedUntil!.getTime()));
  return latest === 0 ? 0 : Math.max(1, Math.ceil((latest - Date.now()) / 1000));
}

/** Counts one failure against each rule (a fixed window per key); a key that reaches its limit is blocked. */
export async function recordThrottledFailure(db: Queryable, rules: ThrottleRule[]): Promise<void> {
  for (const rule of rules) {
    const window = sql.raw(`interval '${Math.floor(rule.windowMinutes)} minutes'`);
    const expired = sql`${authThrottle.windowStartedAt} < now() - ${window}`;
    await db
      .insert(authThrottle)
      .values({ key: rule.key, failures: 1, windowStartedAt: sql`now()` })
      .onConflictDoUpdate({
        target: authThrottle.key,
        set: {
          failures: sql`case when ${expired} then 1 else ${authThrottle.failures} + 1 end`,
          windowStartedAt: sql`case when ${expired} then now() else ${authThrottle.windowStartedAt} end`,
          blockedUntil: sql`case when (case when ${expired} then 1 else ${authThrottle.failures} + 1 end) >= ${rule.limit}
            then now() + ${window} else ${authThrottle.blockedUntil} end`,
        },
      });
  }
}

export async function clearThrottle(db: Queryable, keys: string[]): Promise<void> {
  if (keys.length) await db.delete(authThrottle).where(inArray(authThrottle.key, keys));
}
