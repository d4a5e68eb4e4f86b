import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTokens } from "../../db/schema";
import { demoUserId } from "../../db/seed/demo";
import { startTestServer, type TestServer } from "../setup/harness";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

/** A bare API client: no cookie jar and no Origin header, as a script calling the API would be. */
function withBearer(token: string, method: string, pathname: string, body?: unknown) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  return fetch(server.client().baseUrl + pathname, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    redirect: "manual",
  });
}

async function createToken(email: string, name: string) {
  const c = await server.signedIn(email);
  const res = await c.post("/api/v1/tokens", { name });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { id: string; token: string };
  return { c, ...body };
}

async function tokenRows(userId: string) {
  return server.services.db.select().from(apiTokens).where(eq(apiTokens.userId, userId));
}

describe("personal access tokens", () => {
  it("creates a token shown once and stores only a hash of it", async () => {
    const c = await server.signedIn("trainer.paris@demo.compass");
    const res = await c.post("/api/v1/tokens", { name: "My script" });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(typeof body.id).toBe("string");
    expect(typeof body.token).toBe("string");
    expect(body.token.length).toBeGreaterThanOrEqual(20);

    const list = await c.get("/api/v1/tokens");
    expect(list.status).toBe(200);
    const text = await list.text();
    expect(text).not.toContain(body.token);
    const listed = JSON.parse(text);
    const mine = listed.items.find((t: { id: string }) => t.id === body.id);
    expect(mine).toMatchObject({ id: body.id, name: "My script" });
    expect(mine).not.toHaveProperty("token");

    const [row] = await server.services.db.select().from(apiTokens).where(eq(apiTokens.id, body.id));
    expect(row.userId).toBe(demoUserId("camille.martin"));
    expect(row.tokenHash).not.toContain(body.token);
    expect(JSON.stringify(row)).not.toContain(body.token);
  });

  it("authenticates GET /me with Authorization: Bearer", async () => {
    const { token } = await createToken("trainer.bucharest@demo.compass", "read me");
    const res = await withBearer(token, "GET", "/api/v1/me");
    expect(res.status).toBe(200);
    const me = await res.json();
    expect(me.user).toMatchObject({ email: "trainer.bucharest@demo.compass", role: "trainer", centreId: "simplon-bucharest" });
    // A token request never opens a cookie session.
    expect(res.headers.getSetCookie().some((v) => v.startsWith("dc_session=") && !v.startsWith("dc_session=;"))).toBe(false);
  });

  it("changes state with a bearer token and no Origin header (no CSRF check for tokens)", async () => {
    const { token } = await createToken("trainer.bucharest@demo.compass", "writer");
    const res = await withBearer(token, "PATCH", "/api/v1/me", { bio: "Set from a script" });
    expect(res.status).toBe(200);
    expect((await res.json()).user.bio).toBe("Set from a script");
    const me = await (await withBearer(token, "GET", "/api/v1/me")).json();
    expect(me.user.bio).toBe("Set from a script");
  });

  it("a revoked token stops working at once", async () => {
    const { c, id, token } = await createToken("host.brussels@demo.compass", "to revoke");
    expect((await withBearer(token, "GET", "/api/v1/me")).status).toBe(200);
    const del = await c.delete(`/api/v1/tokens/${id}`);
    expect(del.status).toBe(204);
    const after = await withBearer(token, "GET", "/api/v1/me");
    expect(after.status).toBe(401);
    expect(after.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect((await tokenRows(demoUserId("pieter.vandenbroeck"))).some((t) => t.id === id)).toBe(false);
    const list = await (await c.get("/api/v1/tokens")).json();
    expect(list.items.some((t: { id: string }) => t.id === id)).toBe(false);
    // Revoking it again: it is gone.
    expect((await c.delete(`/api/v1/tokens/${id}`)).status).toBe(404);
  });

  it("another person's token id is 404 and their token keeps working", async () => {
    const owner = await createToken("host.madrid@demo.compass", "owner's token");
    const other = await server.signedIn("trainer.lyon@demo.compass");
    const res = await other.delete(`/api/v1/tokens/${owner.id}`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect((await withBearer(owner.token, "GET", "/api/v1/me")).status).toBe(200);
    const otherList = await (await other.get("/api/v1/tokens")).json();
    expect(otherList.items.some((t: { id: string }) => t.id === owner.id)).toBe(false);
  });

  it("a stranger can neither create nor list nor revoke tokens", async () => {
    const stranger = server.client();
    const create = await stranger.post("/api/v1/tokens", { name: "nope" });
    expect(create.status).toBe(401);
    expect(create.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect((await stranger.get("/api/v1/tokens")).status).toBe(401);
    expect((await stranger.delete("/api/v1/tokens/anything")).status).toBe(401);
  });

  it("a garbage bearer token is 401 everywhere under /api/v1, even on public GET /centres", async () => {
    for (const header of ["Bearer dcpat_not-a-real-token", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer a b"]) {
      const me = await fetch(server.client().baseUrl + "/api/v1/me", { headers: { authorization: header } });
      expect(me.status).toBe(401);
      const centres = await fetch(server.client().baseUrl + "/api/v1/centres", { headers: { authorization: header } });
      expect(centres.status).toBe(401);
      expect(centres.headers.get("content-type")).toMatch(/application\/problem\+json/);
      expect((await centres.json()).status).toBe(401);
    }
    // Without the header the same list is public.
    expect((await fetch(server.client().baseUrl + "/api/v1/centres")).status).toBe(200);
  });

  it("a bad bearer token is not rescued by a valid session cookie", async () => {
    const c = await server.signedIn("lead@demo.compass");
    const res = await c.get("/api/v1/me", { authorization: "Bearer dcpat_garbage" });
    expect(res.status).toBe(401);
  });

  it("refuses an empty or too long name with 422 and stores nothing", async () => {
    const c = await server.signedIn("admin@demo.compass");
    const userId = demoUserId("sophie.lefevre");
    const before = (await tokenRows(userId)).length;
    for (const name of ["", "   ", "x".repeat(81)]) {
      const res = await c.post("/api/v1/tokens", { name });
      expect(res.status).toBe(422);
      expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
      const body = await res.json();
      expect(body.errors.name.length).toBeGreaterThan(0);
    }
    const missing = await c.post("/api/v1/tokens", {});
    expect(missing.status).toBe(422);
    expect((await missing.json()).errors.name.length).toBeGreaterThan(0);
    expect((await tokenRows(userId)).length).toBe(before);
    // 80 characters is still fine.
    const ok = await c.post("/api/v1/tokens", { name: "y".repeat(80) });
    expect(ok.status).toBe(201);
    expect((await tokenRows(userId)).length).toBe(before + 1);
  });
});
