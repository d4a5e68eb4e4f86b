import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessions, users } from "../../db/schema";
import { demoUserId } from "../../db/seed/demo";
import { startTestServer, type TestServer } from "../setup/harness";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

describe("sign-in", () => {
  it("opens a session with a hardened cookie and answers who I am", async () => {
    const c = server.client();
    const res = await c.post("/api/v1/auth/login", { email: "Trainer.Paris@demo.compass", password: "compass-demo-2026" });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((v) => v.startsWith("dc_session="))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const body = await res.json();
    expect(body.user).toMatchObject({ email: "trainer.paris@demo.compass", role: "trainer", centreId: "simplon-paris" });
    expect(body.user).not.toHaveProperty("passwordHash");
    const me = await (await c.get("/api/v1/me")).json();
    expect(me.user).toMatchObject({ handle: body.user.handle, name: body.user.name });
    expect(me.user.languages.length).toBeGreaterThan(0);
    expect(me.user.languages[0]).toHaveProperty("level");
  });

  it("answers an unknown e-mail exactly like a wrong password", async () => {
    const wrong = await server.client().post("/api/v1/auth/login", { email: "lead@demo.compass", password: "not the password!" });
    const unknown = await server.client().post("/api/v1/auth/login", { email: "nobody@demo.compass", password: "not the password!" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect(await wrong.json()).toEqual(await unknown.json());
    expect(wrong.headers.getSetCookie().some((c) => c.startsWith("dc_session=") && !c.startsWith("dc_session=;"))).toBe(false);
  });

  it("validates the body in the caller's language and never trims passwords", async () => {
    const fr = await server.client().post("/api/v1/auth/login", { email: "not-an-email" });
    expect(fr.status).toBe(422);
    const frBody = await fr.json();
    expect(frBody.errors.email[0]).toMatch(/adresse e-mail valide/);
    expect(frBody.errors.password[0]).toMatch(/obligatoire/);
    const en = await server.client().post("/api/v1/auth/login", { email: "x" }, { "accept-language": "en-GB,en;q=0.9" });
    expect((await en.json()).errors.email[0]).toMatch(/valid e-mail/);
    const padded = await server.client().post("/api/v1/auth/login", { email: "lead@demo.compass", password: " compass-demo-2026 " });
    expect(padded.status).toBe(401);
  });

  it("gives a new session id on every sign-in and drops the previous one", async () => {
    const c = await server.signedIn("trainer.lyon@demo.compass");
    const first = c.cookies.get("dc_session");
    await c.post("/api/v1/auth/login", { email: "trainer.lyon@demo.compass", password: "compass-demo-2026" });
    const second = c.cookies.get("dc_session");
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    const stale = await server.client().get("/api/v1/me", { cookie: `dc_session=${first}` });
    expect(stale.status).toBe(401);
  });

  it("signs out: the cookie stops working", async () => {
    const c = await server.signedIn("trainer.bucharest@demo.compass");
    const sid = c.cookies.get("dc_session");
    expect((await c.post("/api/v1/auth/logout")).status).toBe(204);
    expect(c.cookies.has("dc_session")).toBe(false);
    expect((await server.client().get("/api/v1/me", { cookie: `dc_session=${sid}` })).status).toBe(401);
  });

  it("a stranger is 401 on /me", async () => {
    const res = await server.client().get("/api/v1/me");
    expect(res.status).toBe(401);
    expect((await res.json()).status).toBe(401);
  });
});

describe("session lifetime", () => {
  it("slides: a session used in the second half of its life is extended with a fresh cookie", async () => {
    const c = await server.signedIn("host.madrid@demo.compass");
    const sid = c.cookies.get("dc_session")!;
    const soon = new Date(Date.now() + 2 * 24 * 3600 * 1000);
    await server.services.db.update(sessions).set({ expiresAt: soon }).where(eq(sessions.id, sid));
    const res = await c.get("/api/v1/me");
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().some((v) => v.startsWith(`dc_session=${sid}`))).toBe(true);
    const [row] = await server.services.db.select().from(sessions).where(eq(sessions.id, sid));
    expect(row.expiresAt.getTime()).toBeGreaterThan(Date.now() + 13 * 24 * 3600 * 1000);
  });

  it("ends at its absolute lifetime however active it is", async () => {
    const c = await server.signedIn("host.brussels@demo.compass");
    const sid = c.cookies.get("dc_session")!;
    await server.services.db.update(sessions).set({ absoluteExpiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.id, sid));
    expect((await c.get("/api/v1/me")).status).toBe(401);
    expect(await server.services.db.select().from(sessions).where(eq(sessions.id, sid))).toHaveLength(0);
  });

  it("a deactivated account's sessions stop working", async () => {
    const c = await server.signedIn("trainer.lyon@demo.compass");
    await server.services.db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, demoUserId("helene.rousseau")));
    const [u] = await server.services.db.select().from(users).where(eq(users.email, "trainer.lyon@demo.compass"));
    expect(u.deactivatedAt).not.toBeNull();
    expect((await c.get("/api/v1/me")).status).toBe(401);
    const again = await server.client().post("/api/v1/auth/login", { email: "trainer.lyon@demo.compass", password: "compass-demo-2026" });
    expect(again.status).toBe(401);
    await server.services.db.update(users).set({ deactivatedAt: null }).where(eq(users.id, u.id));
  });
});

describe("cross-site requests", () => {
  it("refuses a cookie-authenticated change from another origin or without one", async () => {
    const c = await server.signedIn("trainer.paris@demo.compass");
    const foreign = await c.patch("/api/v1/me", { bio: "pwned" }, { origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get("content-type")).toMatch(/problem\+json/);
    const missing = await c.request("PATCH", "/api/v1/me", { body: { bio: "pwned" }, headers: { origin: "" } });
    expect(missing.status).toBe(403);
    const me = await (await c.get("/api/v1/me")).json();
    expect(me.user.bio).not.toBe("pwned");
    const viaReferer = await c.request("PATCH", "/api/v1/me", { body: { bio: "Referer ok" }, headers: { origin: "", referer: `${server.config.publicUrl}/settings` } });
    expect(viaReferer.status).toBe(200);
  });

  it("refuses a sign-in posted from a foreign page", async () => {
    const res = await server.client().post("/api/v1/auth/login", { email: "lead@demo.compass", password: "compass-demo-2026" }, { origin: "https://evil.example" });
    expect(res.status).toBe(403);
  });
});

describe("malformed requests", () => {
  it("answers 400 for broken JSON, 415 for another type, 413 for a huge body", async () => {
    const c = server.client();
    const broken = await c.request("POST", "/api/v1/auth/login", { body: "{nope", headers: { "content-type": "application/json" } });
    expect(broken.status).toBe(400);
    expect((await broken.json()).type).toMatch(/bad-request/);
    const form = await c.request("POST", "/api/v1/auth/login", { body: "email=a", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(form.status).toBe(415);
    const huge = await c.post("/api/v1/auth/login", { email: "a@b.c", password: "x".repeat(400_000) });
    expect(huge.status).toBe(413);
    const array = await c.post("/api/v1/auth/login", [1, 2]);
    expect(array.status).toBe(400);
  });

  it("answers 404 problem+json for an unknown API path", async () => {
    const res = await server.client().get("/api/v1/nothing-here");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
  });
});
