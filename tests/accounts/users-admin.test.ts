import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../db/schema";
import { demoUserId } from "../../db/seed/demo";
import { startTestServer, type TestClient, type TestServer } from "../setup/harness";

let server: TestServer;
let admin: TestClient;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.signedIn("admin@demo.compass");
});
afterAll(() => server?.stop());

const strongPassword = "a long and private phrase 2026";
let seq = 0;
const freshEmail = (label: string) => `${label}.${Date.now().toString(36)}.${++seq}@example.org`;

async function userCount() {
  const [row] = await server.services.db.select({ n: sql<number>`count(*)::int` }).from(users);
  return Number(row.n);
}

function withBearer(token: string, pathname: string) {
  return fetch(server.client().baseUrl + pathname, { headers: { authorization: `Bearer ${token}` } });
}

describe("POST /users", () => {
  it("is for admins only", async () => {
    const before = await userCount();
    const body = { email: freshEmail("nope"), name: "Nope Person", role: "trainer", centreId: "simplon-paris", password: strongPassword };
    expect((await server.client().post("/api/v1/users", body)).status).toBe(401);
    for (const email of ["lead@demo.compass", "host.madrid@demo.compass", "trainer.paris@demo.compass"]) {
      const c = await server.signedIn(email);
      const res = await c.post("/api/v1/users", body);
      expect(res.status).toBe(403);
      expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
    }
    expect(await userCount()).toBe(before);
  });

  it("creates an account with a handle derived from the name, who can then sign in", async () => {
    const email = freshEmail("maria");
    const res = await admin.post("/api/v1/users", { email, name: "María José Núñez", role: "host", centreId: "factoria-f5-sevilla", password: strongPassword });
    expect(res.status).toBe(201);
    const { user } = await res.json();
    expect(user).toMatchObject({ email, name: "María José Núñez", role: "host", centreId: "factoria-f5-sevilla", handle: "maria.jose.nunez" });
    expect(user).not.toHaveProperty("passwordHash");
    const signIn = await server.client().post("/api/v1/auth/login", { email, password: strongPassword });
    expect(signIn.status).toBe(200);
  });

  it("keeps a handle that is given", async () => {
    const res = await admin.post("/api/v1/users", { email: freshEmail("given"), name: "Given Handle", handle: "given-handle_1", role: "trainer", centreId: "simplon-nantes", password: strongPassword });
    expect(res.status).toBe(201);
    expect((await res.json()).user.handle).toBe("given-handle_1");
    const taken = await admin.post("/api/v1/users", { email: freshEmail("given2"), name: "Given Again", handle: "given-handle_1", role: "trainer", centreId: "simplon-nantes", password: strongPassword });
    expect(taken.status).toBe(409);
  });

  it("two requests for the same new e-mail at once create one account (409 for the other, never 500)", async () => {
    const email = freshEmail("twice");
    const body = (e: string) => ({ email: e, name: "Twice Created", role: "trainer", centreId: "simplon-rennes", password: strongPassword });
    const results = await Promise.all([admin.post("/api/v1/users", body(email)), admin.post("/api/v1/users", body(email.toUpperCase()))]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await server.services.db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`)).toHaveLength(1);
  });

  // Known bug on PostgreSQL (passes on PGlite, which runs one query at a time): createMember derives the handle with
  // a SELECT (availableHandle) and then INSERTs; concurrent requests pick the same handle, the losers hit
  // users_handle_unique and answer 409 "handle taken" for a handle the client never sent.
  it("BUG: people with the same name created at the same time each get a derived handle (no 409 for an omitted handle)", async () => {
    const results = await Promise.all(
      [1, 2, 3].map((i) =>
        admin.post("/api/v1/users", { email: freshEmail(`same${i}`), name: "Jean Dupont Simultané", role: "trainer", centreId: "simplon-bordeaux", password: strongPassword }),
      ),
    );
    const bodies = await Promise.all(results.map((r) => r.json()));
    expect(results.map((r) => r.status), JSON.stringify(bodies)).toEqual([201, 201, 201]);
    const handles = bodies.map((b) => b.user.handle as string);
    expect(new Set(handles).size).toBe(3);
    for (const h of handles) expect(h).toMatch(/^jean\.dupont\.simultane/);
  });

  it("answers 409 for an e-mail already used, in another case", async () => {
    const before = await userCount();
    const res = await admin.post("/api/v1/users", { email: "TRAINER.Paris@Demo.Compass", name: "Duplicate", role: "trainer", centreId: "simplon-paris", password: strongPassword });
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect(await userCount()).toBe(before);
  });

  it("answers 422 for an unknown centre, a common password or an unknown field, and stores nothing", async () => {
    const before = await userCount();
    const base = { name: "Invalid Person", role: "trainer", centreId: "simplon-paris", password: strongPassword };
    const centre = await admin.post("/api/v1/users", { ...base, email: freshEmail("c"), centreId: "atlantis" });
    expect(centre.status).toBe(422);
    expect((await centre.json()).errors.centreId.length).toBeGreaterThan(0);
    for (const password of ["password1234", "Password123!", "short"]) {
      const res = await admin.post("/api/v1/users", { ...base, email: freshEmail("p"), password });
      expect(res.status).toBe(422);
      expect((await res.json()).errors.password.length).toBeGreaterThan(0);
    }
    const extra = await admin.post("/api/v1/users", { ...base, email: freshEmail("e"), isSuperuser: true });
    expect(extra.status).toBe(422);
    expect(extra.headers.get("content-type")).toMatch(/application\/problem\+json/);
    const role = await admin.post("/api/v1/users", { ...base, email: freshEmail("r"), role: "root" });
    expect(role.status).toBe(422);
    expect((await role.json()).errors.role.length).toBeGreaterThan(0);
    const email = await admin.post("/api/v1/users", { ...base, email: "nope" });
    expect(email.status).toBe(422);
    expect(await userCount()).toBe(before);
  });
});

describe("PATCH /users/:id", () => {
  it("lets an admin change someone's role and centre, effective at once", async () => {
    const id = demoUserId("lucas.bernard");
    const person = await server.signedIn("lucas.bernard@demo.compass");
    const res = await admin.patch(`/api/v1/users/${id}`, { role: "host", centreId: "simplon-lille" });
    expect(res.status).toBe(200);
    expect((await res.json()).user).toMatchObject({ id, role: "host", centreId: "simplon-lille" });
    const me = await (await person.get("/api/v1/me")).json();
    expect(me.user).toMatchObject({ role: "host", centreId: "simplon-lille" });
  });

  it("is refused to everyone but admins", async () => {
    const id = demoUserId("benoit.marchand");
    for (const email of ["lead@demo.compass", "host.brussels@demo.compass", "trainer.paris@demo.compass"]) {
      const c = await server.signedIn(email);
      const res = await c.patch(`/api/v1/users/${id}`, { role: "admin" });
      expect(res.status).toBe(403);
    }
    expect((await server.client().patch(`/api/v1/users/${id}`, { role: "admin" })).status).toBe(401);
    const [row] = await server.services.db.select().from(users).where(eq(users.id, id));
    expect(row.role).toBe("trainer");
  });

  it("an admin cannot change themselves (409)", async () => {
    const res = await admin.patch(`/api/v1/users/${demoUserId("sophie.lefevre")}`, { role: "trainer" });
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
    const [row] = await server.services.db.select().from(users).where(eq(users.id, demoUserId("sophie.lefevre")));
    expect(row.role).toBe("admin");
  });

  it("answers 404 for an unknown id and 422 for bad fields", async () => {
    expect((await admin.patch("/api/v1/users/nobody-here", { role: "host" })).status).toBe(404);
    const id = demoUserId("manon.petit");
    expect((await admin.patch(`/api/v1/users/${id}`, { role: "king" })).status).toBe(422);
    expect((await admin.patch(`/api/v1/users/${id}`, { centreId: "atlantis" })).status).toBe(422);
    expect((await admin.patch(`/api/v1/users/${id}`, { email: "x@example.org" })).status).toBe(422);
    const [row] = await server.services.db.select().from(users).where(eq(users.id, id));
    expect(row).toMatchObject({ role: "trainer", centreId: "simplon-lyon", email: "manon.petit@demo.compass" });
  });

  it("deactivation ends sessions and tokens at once and refuses sign-in; reactivation allows it again", async () => {
    const email = "antoine.mercier@demo.compass";
    const id = demoUserId("antoine.mercier");
    const person = await server.signedIn(email);
    const created = await (await person.post("/api/v1/tokens", { name: "cli" })).json();
    expect((await withBearer(created.token, "/api/v1/me")).status).toBe(200);

    const res = await admin.patch(`/api/v1/users/${id}`, { deactivated: true });
    expect(res.status).toBe(200);
    expect((await person.get("/api/v1/me")).status).toBe(401);
    expect((await withBearer(created.token, "/api/v1/me")).status).toBe(401);
    const refused = await server.client().post("/api/v1/auth/login", { email, password: "compass-demo-2026" });
    expect(refused.status).toBe(401);
    const listed = await (await admin.get(`/api/v1/users?q=${encodeURIComponent("antoine.mercier")}`)).json();
    expect(listed.items.find((u: { id: string }) => u.id === id)).toMatchObject({ deactivated: true });

    const back = await admin.patch(`/api/v1/users/${id}`, { deactivated: false });
    expect(back.status).toBe(200);
    const again = await server.client().post("/api/v1/auth/login", { email, password: "compass-demo-2026" });
    expect(again.status).toBe(200);
  });
});

describe("GET /users", () => {
  it("is for admins only", async () => {
    expect((await server.client().get("/api/v1/users")).status).toBe(401);
    for (const email of ["lead@demo.compass", "host.madrid@demo.compass", "trainer.bucharest@demo.compass"]) {
      const c = await server.signedIn(email);
      expect((await c.get("/api/v1/users")).status).toBe(403);
    }
  });

  it("lists accounts, filtered by q and role", async () => {
    const all = await admin.get("/api/v1/users");
    expect(all.status).toBe(200);
    const page = await all.json();
    expect(Array.isArray(page.items)).toBe(true);
    expect(page.items.length).toBe(20);
    expect(page).toHaveProperty("nextCursor");
    expect(page.items[0]).toMatchObject({ id: expect.any(String), handle: expect.any(String), name: expect.any(String), email: expect.any(String), role: expect.any(String), centreId: expect.any(String) });
    expect(JSON.stringify(page)).not.toContain("$argon2");

    const q = await (await admin.get("/api/v1/users?q=rousseau")).json();
    expect(q.items.map((u: { email: string }) => u.email)).toEqual(["trainer.lyon@demo.compass"]);
    const byEmail = await (await admin.get("/api/v1/users?q=HOST.MADRID")).json();
    expect(byEmail.items.map((u: { email: string }) => u.email)).toEqual(["host.madrid@demo.compass"]);

    const leads = await (await admin.get("/api/v1/users?role=lead&limit=100")).json();
    expect(leads.items.length).toBeGreaterThanOrEqual(4);
    expect(leads.items.every((u: { role: string }) => u.role === "lead")).toBe(true);
    expect(leads.items.map((u: { email: string }) => u.email)).toContain("lead@demo.compass");

    const both = await (await admin.get("/api/v1/users?role=host&q=madrid")).json();
    expect(both.items.map((u: { email: string }) => u.email)).toEqual(["host.madrid@demo.compass"]);
    const none = await (await admin.get("/api/v1/users?role=admin&q=madrid")).json();
    expect(none.items).toEqual([]);
    expect(none.nextCursor).toBeNull();
  });

  it("pages with limit and cursor through every account exactly once", async () => {
    const [{ n }] = await server.services.db.select({ n: sql<number>`count(*)::int` }).from(users).where(sql`${users.erasedAt} is null`);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/v1/users?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const res = await admin.get(url);
      expect(res.status).toBe(200);
      const page = await res.json();
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.items.map((u: { id: string }) => u.id));
      cursor = page.nextCursor;
      pages++;
      expect(pages).toBeLessThan(50);
    } while (cursor);
    expect(seen.length).toBe(Number(n));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("answers 400 for a bad cursor or limit", async () => {
    for (const query of ["cursor=not-a-cursor", "cursor=%25%25%25", `cursor=${Buffer.from("[1,2]").toString("base64url")}`, "limit=0", "limit=101", "limit=abc", "role=king"]) {
      const res = await admin.get(`/api/v1/users?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
    }
  });
});
