import type { Session } from "lucia";
import type { DatabaseHandle } from "../../../db/client";
import type { AuthUser } from "./auth.server";

/**
 * Who a session cookie or a token names, kept for a few seconds: every request starts by asking, and on a busy
 * server that lookup is a database round trip in each request.
 *
 * It never outlives a change. Any statement this instance sends that writes to `users`, `sessions` or `api_tokens`
 * empties it before it runs (except recording a session's or a token's last use), and triggers on those tables
 * (migrations 0015, 0016) NOTIFY every instance of the person concerned once the change is committed. If the
 * listening connection is lost, the cache is emptied when it is back. The expiry of the session itself is honoured
 * as stored.
 */
export type CachedAuth = { user: AuthUser; session: Session | null; via: "cookie" | "token" };

export const authCacheChannel = "dc_auth";
const ttlMs = 30_000;
const maxEntries = 10_000;
const writesAuthData = /^\s*(?:update|delete\s+from)\s+"?(?:users|sessions|api_tokens)"?\s/i;
/** Recording when a session or a token was last used changes nothing about who it names (triggers skip it too). */
const recordsUse = /^\s*update\s+"?(?:sessions|api_tokens)"?\s+set\s+"?(?:last_seen_at|last_used_at)"?\s*=\s*[^,]*?\s+where\s/i;

export type AuthCache = ReturnType<typeof createAuthCache>;

export function createAuthCache() {
  const entries = new Map<string, { value: CachedAuth; until: number }>();
  /** Counts what was forgotten: an answer read before a change was announced must not be kept after it. */
  let forgotten = 0;
  return {
    /** Take it before reading the database, and give it back to `set`. */
    get mark() {
      return forgotten;
    },
    get(key: string, now = Date.now()): CachedAuth | undefined {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.until > now) return entry.value;
      entries.delete(key);
      return undefined;
    },
    /**
     * Keeps `value` until the cache's lifetime or `expiresAt` (the session's own end), whichever is first; not at all
     * when something was forgotten since `readSince` (the `mark` taken before the database was read).
     */
    set(key: string, value: CachedAuth, options: { readSince: number; expiresAt?: number; now?: number }) {
      if (options.readSince !== forgotten) return;
      const now = options.now ?? Date.now();
      entries.delete(key);
      // Oldest first: a full cache drops the entries it made first.
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
      entries.set(key, { value, until: Math.min(now + ttlMs, options.expiresAt ?? Number.POSITIVE_INFINITY) });
    },
    forgetUser(userId: string) {
      forgotten++;
      for (const [key, entry] of entries) if (entry.value.user.id === userId) entries.delete(key);
    },
    clear() {
      forgotten++;
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}

/**
 * Keeps the cache in step with the database (see above). The payload of a notification is a person's id, or `*`
 * (forget everyone). Returns what stops listening.
 */
export async function connectAuthCache(cache: AuthCache, database: Pick<DatabaseHandle, "listen" | "observeStatements">) {
  const stopObserving = database.observeStatements((statement) => {
    if (writesAuthData.test(statement) && !recordsUse.test(statement)) cache.clear();
  });
  const unlisten = await database.listen(
    authCacheChannel,
    (payload) => (payload === "*" ? cache.clear() : cache.forgetUser(payload)),
    () => cache.clear(),
  );
  return async () => {
    stopObserving();
    await unlisten();
  };
}
