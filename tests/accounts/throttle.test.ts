import { gt, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authThrottle } from "../../db/schema";
import { startTestServer, type TestServer } from "../setup/harness";

const demo = "compass-demo-2026";

async function login(server: TestServer, email: string, password: string) {
  return server.client().post("/api/v1/auth/login", { email, password });
}

/** The throttle rows that mention this e-mail (the per-account counter). */
async function rowsFor(server: TestServer, email: string) {
  return server.services.db
    .select()
    .from(authThrottle)
    .where(sql`position(${email.toLowerCase()} in lower(${authThrottle.key})) > 0`);
}

function expectRetryAfter(res: Response) {
  const header = res.headers.get("retry-after");
  expect(header).toMatch(/^\d+$/);
  const seconds = Number(header);
  expect(seconds).toBeGreaterThan(0);
  expect(seconds).toBeLessThanOrEqual(24 * 3600);
  return seconds;
}

describe("sign-in throttle at the production scale (RATE_LIMIT_SCALE 1)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.stop());

  it("blocks an account after 10 wrong passwords, even for the right one, with Retry-After and a French problem", async () => {
    const email = "trainer.paris@demo.compass";
    for (let i = 1; i <= 10; i++) {
      const res = await login(server, email, `wrong password number ${i}`);
      expect(res.status, `attempt ${i}`).toBe(401);
    }
    const blocked = await login(server, email, demo);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expectRetryAfter(blocked);
    const body = await blocked.json();
    expect(body.status).toBe(429);
    expect(body.title).toBe("Trop de requêtes");
    expect(body.detail).toMatch(/^Trop de tentatives\. Réessayez dans \d+ min\.$/);
    expect(blocked.headers.getSetCookie().some((v) => v.startsWith("dc_session=") && !v.startsWith("dc_session=;"))).toBe(false);

    // The block holds whatever the case of the address.
    expect((await login(server, "TRAINER.PARIS@demo.compass", demo)).status).toBe(429);
  });

  it("keeps the counter in the database (shared by every instance)", async () => {
    const rows = await rowsFor(server, "trainer.paris@demo.compass");
    expect(rows.length).toBeGreaterThanOrEqual(1);
    const counter = rows.find((r) => r.failures >= 10);
    expect(counter).toBeDefined();
    expect(counter!.blockedUntil).not.toBeNull();
    expect(counter!.blockedUntil!.getTime()).toBeGreaterThan(Date.now());
    const blocked = await server.services.db.select().from(authThrottle).where(gt(authThrottle.blockedUntil, new Date()));
    expect(blocked.some((r) => r.key.toLowerCase().includes("trainer.paris@demo.compass"))).toBe(true);
  });

  it("another account from the same client is answered normally", async () => {
    expect((await login(server, "trainer.lyon@demo.compass", "not her password")).status).toBe(401);
    expect((await login(server, "trainer.lyon@demo.compass", demo)).status).toBe(200);
  });

  it("a successful sign-in before the limit resets the account's counter", async () => {
    const email = "host.brussels@demo.compass";
    for (let i = 0; i < 9; i++) expect((await login(server, email, "wrong wrong wrong")).status).toBe(401);
    expect((await login(server, email, demo)).status).toBe(200);
    for (let i = 0; i < 9; i++) expect((await login(server, email, "wrong again again")).status).toBe(401);
    expect((await login(server, email, demo)).status).toBe(200);
  });
});

describe("sign-in throttle loosened or tightened with RATE_LIMIT_SCALE", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { RATE_LIMIT_SCALE: "0.2" } });
  });
  afterAll(() => server?.stop());

  it("at 0.2 the limit is 2 failures", async () => {
    const email = "lead@demo.compass";
    expect((await login(server, email, "wrong one here")).status).toBe(401);
    expect((await login(server, email, "wrong two here")).status).toBe(401);
    const blocked = await login(server, email, demo);
    expect(blocked.status).toBe(429);
    expectRetryAfter(blocked);
    expect((await blocked.json()).detail).toMatch(/^Trop de tentatives/);
    const rows = await rowsFor(server, email);
    expect(rows.some((r) => r.failures === 2 && r.blockedUntil !== null)).toBe(true);
  });

  it("one failure at 0.2 does not block", async () => {
    const email = "admin@demo.compass";
    expect((await login(server, email, "only one wrong")).status).toBe(401);
    expect((await login(server, email, demo)).status).toBe(200);
  });
});
