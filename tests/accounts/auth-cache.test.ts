import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuthCache, type CachedAuth } from "../../app/modules/accounts/auth-cache.server";
import { demoUserId } from "../../db/seed/demo";
import { startTestServer, type TestServer } from "../setup/harness";
import { recordStatements } from "../setup/statements";

/**
 * Who is asking is kept a few seconds per instance, so that most requests skip that database round trip. A change to
 * the person, their session or their token must still count at once, on this instance and on the others.
 */
const someone = (id: string, role: CachedAuth["user"]["role"] = "trainer"): CachedAuth => ({
  user: { id, handle: id, name: id, email: `${id}@x.test`, role, centreId: "c", locale: null },
  session: null,
  via: "token",
});

describe("the cache itself", () => {
  it("keeps an answer for at most 30 seconds, and never past the session's own end", () => {
    const cache = createAuthCache();
    cache.set("s:a", someone("a"), { readSince: cache.mark, now: 1_000 });
    cache.set("s:b", someone("b"), { readSince: cache.mark, expiresAt: 5_000, now: 1_000 });
    expect(cache.get("s:a", 30_999)?.user.id).toBe("a");
    expect(cache.get("s:a", 31_000)).toBeUndefined();
    expect(cache.get("s:b", 4_999)?.user.id).toBe("b");
    expect(cache.get("s:b", 5_000)).toBeUndefined();
  });

  it("forgets every session and token of one person, and only theirs", () => {
    const cache = createAuthCache();
    cache.set("s:1", someone("a"), { readSince: cache.mark });
    cache.set("t:1", someone("a"), { readSince: cache.mark });
    cache.set("s:2", someone("b"), { readSince: cache.mark });
    cache.forgetUser("a");
    expect(cache.get("s:1")).toBeUndefined();
    expect(cache.get("t:1")).toBeUndefined();
    expect(cache.get("s:2")?.user.id).toBe("b");
  });

  it("does not keep an answer read before a change was announced", () => {
    const cache = createAuthCache();
    const readSince = cache.mark;
    // The database was read, then the sign-out was announced before the answer came back.
    cache.forgetUser("a");
    cache.set("s:1", someone("a"), { readSince });
    expect(cache.get("s:1")).toBeUndefined();
    const later = cache.mark;
    cache.set("s:1", someone("a"), { readSince: later });
    expect(cache.get("s:1")?.user.id).toBe("a");
  });

  it("stays bounded: when full, the oldest answer goes first", () => {
    const cache = createAuthCache();
    for (let i = 0; i < 10_001; i++) cache.set(`s:${i}`, someone(String(i)), { readSince: cache.mark });
    expect(cache.size).toBe(10_000);
    expect(cache.get("s:0")).toBeUndefined();
    expect(cache.get("s:10000")?.user.id).toBe("10000");
  });
});

describe("in the running app", () => {
  let server: TestServer;
  let statements: ReturnType<typeof recordStatements>;
  beforeAll(async () => {
    server = await startTestServer({ remix: "none" });
    await server.services.activity.stop();
    statements = recordStatements(server.services.database);
  });
  afterAll(() => server?.stop());

  /** Waits for what another connection committed to be told to this instance (NOTIFY arrives on its own connection). */
  async function eventually(check: () => Promise<boolean>) {
    for (let i = 0; i < 40; i++) {
      if (await check()) return true;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return false;
  }

  it("answers a signed-in person's next request without looking up their session", async () => {
    const c = await server.signedIn("trainer.lyon@demo.compass");
    expect((await c.get("/api/v1/me")).status).toBe(200);
    statements.start();
    expect((await c.get("/api/v1/me")).status).toBe(200);
    const sent = statements.stop();
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter((s) => /from "sessions"/.test(s)), sent.join("\n")).toEqual([]);
  });

  it("ends a session at once when its person signs out", async () => {
    const c = await server.signedIn("host.madrid@demo.compass");
    const cookie = `dc_session=${c.cookies.get("dc_session")}`;
    expect((await c.get("/api/v1/me")).status).toBe(200);
    expect((await c.post("/api/v1/auth/logout", {})).status).toBeLessThan(300);
    const stale = await fetch(`${server.url}/api/v1/me`, { headers: { cookie } });
    expect(stale.status).toBe(401);
  });

  it("stops a deactivated person at once, even when the change did not go through this instance's statements", async () => {
    const c = await server.signedIn("trainer.paris@demo.compass");
    expect((await c.get("/api/v1/me")).status).toBe(200);
    const id = demoUserId("camille.martin");
    // Straight through the driver, as another instance would: only the trigger's notification can tell this one.
    const raw = (server.services.db as unknown as { $client: { unsafe?: (q: string) => Promise<unknown>; query?: (q: string) => Promise<unknown> } }).$client;
    const run = (q: string) => (raw.unsafe ? raw.unsafe(q) : raw.query!(q));
    await run(`update users set deactivated_at = now() where id = '${id}'`);
    try {
      expect(await eventually(async () => (await c.get("/api/v1/me")).status === 401)).toBe(true);
    } finally {
      await server.services.db.execute(sql`update users set deactivated_at = null where id = ${id}`);
    }
  });

  it("gives a new role its rights at once", async () => {
    const c = await server.signedIn("trainer.lyon@demo.compass");
    const { user } = (await (await c.get("/api/v1/me")).json()) as { user: { id: string; role: string } };
    expect(user.role).toBe("trainer");
    expect((await c.get("/api/v1/moderation/log")).status).toBe(403);
    await server.services.db.execute(sql`update users set role = 'lead' where id = ${user.id}`);
    try {
      expect((await c.get("/api/v1/moderation/log")).status).toBe(200);
    } finally {
      await server.services.db.execute(sql`update users set role = 'trainer' where id = ${user.id}`);
    }
    expect((await c.get("/api/v1/moderation/log")).status).toBe(403);
  });
});

describe.runIf(process.env.DATABASE_URL)("across instances (PostgreSQL)", () => {
  let first: TestServer;
  let second: TestServer;
  beforeAll(async () => {
    first = await startTestServer({ remix: "none" });
    second = await startTestServer({ remix: "none", sameDatabaseAs: first });
  });
  afterAll(async () => {
    await second?.stop();
    await first?.stop();
  });

  it("a session ended on one instance stops working on the other", async () => {
    const c = await first.signedIn("lead@demo.compass");
    const cookie = `dc_session=${c.cookies.get("dc_session")}`;
    const onSecond = () => fetch(`${second.url}/api/v1/me`, { headers: { cookie } });
    expect((await onSecond()).status).toBe(200);
    expect((await onSecond()).status).toBe(200);
    expect((await c.post("/api/v1/auth/logout", {})).status).toBeLessThan(300);
    let status = 200;
    for (let i = 0; i < 40 && status !== 401; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = (await onSecond()).status;
    }
    expect(status).toBe(401);
  });
});

describe("bookkeeping", () => {
  let server: TestServer;
  let statements: ReturnType<typeof recordStatements>;
  beforeAll(async () => {
    server = await startTestServer({ remix: "none" });
    statements = recordStatements(server.services.database);
  });
  afterAll(() => server?.stop());

  it("keeps the cache when a session only records its last use, and empties it when the session itself changes", async () => {
    const c = await server.signedIn("trainer.lyon@demo.compass");
    const sid = c.cookies.get("dc_session")!;
    expect((await c.get("/api/v1/me")).status).toBe(200);
    const lookups = async () => {
      statements.start();
      expect((await c.get("/api/v1/me")).status).toBe(200);
      return statements.stop().filter((s) => /from "sessions"/.test(s)).length;
    };
    await server.services.db.execute(sql`update sessions set last_seen_at = now() where id = ${sid}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await lookups()).toBe(0);
    await server.services.db.execute(sql`update sessions set expires_at = now() + interval '3 days' where id = ${sid}`);
    expect(await lookups()).toBe(1);
  });
});
