import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTokens, sessions, userLanguages, users } from "../../db/schema";
import { demoUserId } from "../../db/seed/demo";
import { startTestServer, type TestServer } from "../setup/harness";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const demo = "compass-demo-2026";

/** What a browser sends to revalidate what it holds (fetch would add `Cache-Control: no-cache`, which asks for all). */
const revalidate = (etag: string) => ({ "if-none-match": etag, "cache-control": "max-age=0" });

describe("GET /me", () => {
  it("carries an ETag, private to the browser: unchanged it answers 304, after a change 200 with the new profile", async () => {
    const c = await server.signedIn("trainer.bucharest@demo.compass");
    const first = await c.get("/api/v1/me");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"[\w-]{20,}"$/);
    expect(first.headers.get("cache-control")).toBe("private, no-cache");
    const again = await c.get("/api/v1/me", revalidate(etag));
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect((await c.patch("/api/v1/me", { bio: "Formatrice à Bucarest, curieuse de tout." })).status).toBe(200);
    const changed = await c.get("/api/v1/me", revalidate(etag));
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect(((await changed.json()) as { user: { bio: string } }).user.bio).toBe("Formatrice à Bucarest, curieuse de tout.");
    // Someone else's validator says nothing about mine.
    const other = await server.signedIn("trainer.lyon@demo.compass");
    expect((await other.get("/api/v1/me", revalidate(etag))).status).toBe(200);
  });
});

describe("PATCH /me", () => {
  it("changes name, bio, skills and languages, and GET /me shows them", async () => {
    const c = await server.signedIn("trainer.lyon@demo.compass");
    const res = await c.patch("/api/v1/me", {
      name: "Hélène Rousseau-Martin",
      bio: "Formatrice web, passionnée d'accessibilité.",
      skills: ["React", "accessibility", "react"],
      languages: [
        { code: "fr", level: "native" },
        { code: "es", level: "B2" },
        { code: "en", level: "C1" },
      ],
    });
    expect(res.status).toBe(200);
    const patched = (await res.json()).user;
    expect(patched).toMatchObject({ name: "Hélène Rousseau-Martin", bio: "Formatrice web, passionnée d'accessibilité." });

    const { user } = await (await c.get("/api/v1/me")).json();
    expect(user.name).toBe("Hélène Rousseau-Martin");
    expect(user.bio).toBe("Formatrice web, passionnée d'accessibilité.");
    expect([...user.skills].sort()).toEqual(["accessibility", "react"]);
    expect(user.languages).toHaveLength(3);
    expect(user.languages).toEqual(
      expect.arrayContaining([
        { code: "fr", level: "native" },
        { code: "es", level: "B2" },
        { code: "en", level: "C1" },
      ]),
    );
    // Fields not sent are left alone.
    expect(user).toMatchObject({ email: "trainer.lyon@demo.compass", role: "trainer", centreId: "simplon-lyon", handle: "helene.rousseau" });
  });

  it("refuses an unknown language level with 422 and changes nothing", async () => {
    const c = await server.signedIn("trainer.bucharest@demo.compass");
    const before = (await (await c.get("/api/v1/me")).json()).user;
    const res = await c.patch("/api/v1/me", { bio: "should not be saved", languages: [{ code: "ro", level: "Z9" }] });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
    const body = await res.json();
    expect(Object.keys(body.errors).some((k) => k.startsWith("languages"))).toBe(true);
    const after = (await (await c.get("/api/v1/me")).json()).user;
    expect(after).toEqual(before);
  });

  it("refuses an unknown field with 422 and changes nothing", async () => {
    const c = await server.signedIn("trainer.bucharest@demo.compass");
    const before = (await (await c.get("/api/v1/me")).json()).user;
    for (const patch of [{ role: "admin" }, { bio: "sneaky", isAdmin: true }, { email: "me@example.org" }]) {
      const res = await c.patch("/api/v1/me", patch);
      expect(res.status).toBe(422);
      expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
    }
    const after = (await (await c.get("/api/v1/me")).json()).user;
    expect(after).toEqual(before);
    expect(after.role).toBe("trainer");
  });

  it("refuses a handle someone else has with 409", async () => {
    const c = await server.signedIn("host.madrid@demo.compass");
    const res = await c.patch("/api/v1/me", { handle: "karim.benali" });
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect((await res.json()).errors.handle.length).toBeGreaterThan(0);
    const mine = await c.patch("/api/v1/me", { handle: "Lucia.Fernandez" });
    expect(mine.status).toBe(200);
    expect((await mine.json()).user.handle).toBe("lucia.fernandez");
    const free = await c.patch("/api/v1/me", { handle: "lucia.madrid" });
    expect(free.status).toBe(200);
    expect((await (await c.get("/api/v1/me")).json()).user.handle).toBe("lucia.madrid");
  });

  it("is 401 for a stranger", async () => {
    expect((await server.client().patch("/api/v1/me", { bio: "x" })).status).toBe(401);
  });
});

describe("GET /me/export", () => {
  it("holds my account, languages, sessions and tokens, and no secrets", async () => {
    const c = await server.signedIn("host.brussels@demo.compass");
    const created = await (await c.post("/api/v1/tokens", { name: "export check" })).json();
    const res = await c.get("/api/v1/me/export");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    const raw = await res.text();
    const data = JSON.parse(raw);
    expect(data.user).toMatchObject({ id: demoUserId("pieter.vandenbroeck"), email: "host.brussels@demo.compass", name: "Pieter Van den Broeck", role: "host", centreId: "becode-brussels" });
    expect(data.user.languages.length).toBeGreaterThan(0);
    expect(data.user.languages[0]).toHaveProperty("level");
    expect(Array.isArray(data.sessions)).toBe(true);
    expect(data.sessions.length).toBeGreaterThanOrEqual(1);
    expect(Array.isArray(data.tokens)).toBe(true);
    expect(data.tokens.some((t: { name: string }) => t.name === "export check")).toBe(true);

    const sid = c.cookies.get("dc_session")!;
    expect(sid).toBeTruthy();
    expect(raw).not.toContain(sid);
    const sessionRows = await server.services.db.select().from(sessions).where(eq(sessions.userId, demoUserId("pieter.vandenbroeck")));
    for (const s of sessionRows) expect(raw).not.toContain(s.id);
    expect(raw).not.toContain("$argon2");
    expect(raw).not.toContain(created.token);
    const tokenRows = await server.services.db.select().from(apiTokens).where(eq(apiTokens.userId, demoUserId("pieter.vandenbroeck")));
    for (const t of tokenRows) expect(raw).not.toContain(t.tokenHash);
  });

  it("is 401 for a stranger", async () => {
    expect((await server.client().get("/api/v1/me/export")).status).toBe(401);
  });
});

describe("DELETE /me", () => {
  const email = "thomas.girard@demo.compass";
  const id = demoUserId("thomas.girard");

  it("with a wrong password is 422 and erases nothing", async () => {
    const c = await server.signedIn(email);
    const res = await c.delete("/api/v1/me", { password: "not my password" });
    expect(res.status).toBe(422);
    expect((await res.json()).errors.password.length).toBeGreaterThan(0);
    const missing = await c.delete("/api/v1/me", {});
    expect(missing.status).toBe(422);
    expect((await c.get("/api/v1/me")).status).toBe(200);
    const [row] = await server.services.db.select().from(users).where(eq(users.id, id));
    expect(row.erasedAt).toBeNull();
    expect(row.email).toBe(email);
    expect(row.name).toBe("Thomas Girard");
  });

  it("with the right password erases my personal data and ends my access", async () => {
    const c = await server.signedIn(email);
    const other = await server.signedIn(email);
    const token = (await (await c.post("/api/v1/tokens", { name: "soon gone" })).json()).token as string;
    const res = await c.delete("/api/v1/me", { password: demo });
    expect(res.status).toBe(204);

    expect((await c.get("/api/v1/me")).status).toBe(401);
    expect((await other.get("/api/v1/me")).status).toBe(401);
    const bearer = await fetch(server.client().baseUrl + "/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
    expect(bearer.status).toBe(401);
    expect((await server.client().post("/api/v1/auth/login", { email, password: demo })).status).toBe(401);

    const [row] = await server.services.db.select().from(users).where(eq(users.id, id));
    expect(row.name).toBe("deleted user");
    expect(row.erasedAt).not.toBeNull();
    expect(row.passwordHash).toBeNull();
    expect(row.bio).toBe("");
    expect(row.skills).toEqual([]);
    const text = JSON.stringify(row).toLowerCase();
    expect(text).not.toContain(email);
    expect(text).not.toContain("thomas.girard@");
    expect(row.handle).not.toBe("thomas.girard");
    expect(await server.services.db.select().from(userLanguages).where(eq(userLanguages.userId, id))).toHaveLength(0);
    expect(await server.services.db.select().from(sessions).where(eq(sessions.userId, id))).toHaveLength(0);
    expect(await server.services.db.select().from(apiTokens).where(eq(apiTokens.userId, id))).toHaveLength(0);
  });

  it("is 401 for a stranger", async () => {
    expect((await server.client().delete("/api/v1/me", { password: demo })).status).toBe(401);
  });
});
