import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invitations, users } from "../../db/schema";
import { startTestServer, type TestClient, type TestServer } from "../setup/harness";
import { readMail } from "../setup/mail";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

async function invitationCount() {
  const [row] = await server.services.db.select({ n: sql<number>`count(*)::int` }).from(invitations);
  return Number(row.n);
}

let seq = 0;
const freshEmail = (label: string) => `${label}.${Date.now().toString(36)}.${++seq}@example.org`;

async function invite(c: TestClient, input: { email?: string; role: string; centreId: string }) {
  return c.post("/api/v1/invitations", { email: input.email ?? freshEmail(input.role), role: input.role, centreId: input.centreId });
}

describe("who may invite whom", () => {
  it("a stranger is 401 and a trainer 403", async () => {
    const before = await invitationCount();
    const stranger = await invite(server.client(), { role: "trainer", centreId: "simplon-paris" });
    expect(stranger.status).toBe(401);
    expect(stranger.headers.get("content-type")).toMatch(/application\/problem\+json/);
    const trainer = await server.signedIn("trainer.paris@demo.compass");
    const res = await invite(trainer, { role: "trainer", centreId: "simplon-paris" });
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect(await invitationCount()).toBe(before);
  });

  it("a host invites trainers of their own centre only", async () => {
    const host = await server.signedIn("host.madrid@demo.compass");
    const before = await invitationCount();
    const own = await invite(host, { role: "trainer", centreId: "factoria-f5-madrid" });
    expect(own.status).toBe(201);
    expect(await invitationCount()).toBe(before + 1);
    const otherCentre = await invite(host, { role: "trainer", centreId: "factoria-f5-barcelona" });
    expect(otherCentre.status).toBe(403);
    const hostRole = await invite(host, { role: "host", centreId: "factoria-f5-madrid" });
    expect(hostRole.status).toBe(403);
    const leadRole = await invite(host, { role: "lead", centreId: "factoria-f5-madrid" });
    expect(leadRole.status).toBe(403);
    expect(await invitationCount()).toBe(before + 1);
  });

  it("a lead invites anyone but an admin", async () => {
    const lead = await server.signedIn("lead@demo.compass");
    const asLead = await invite(lead, { role: "lead", centreId: "becode-ghent" });
    expect(asLead.status).toBe(201);
    const asHost = await invite(lead, { role: "host", centreId: "simplon-cluj-napoca" });
    expect(asHost.status).toBe(201);
    const before = await invitationCount();
    const asAdmin = await invite(lead, { role: "admin", centreId: "simplon-paris" });
    expect(asAdmin.status).toBe(403);
    expect(await invitationCount()).toBe(before);
  });

  it("an admin invites an admin", async () => {
    const admin = await server.signedIn("admin@demo.compass");
    const res = await invite(admin, { role: "admin", centreId: "simplon-montreuil" });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.url.startsWith(server.config.publicUrl + "/invitations/")).toBe(true);
    expect(typeof body.token).toBe("string");
  });
});

describe("creating an invitation", () => {
  it("answers an absolute url carrying the token and e-mails it", async () => {
    const host = await server.signedIn("host.brussels@demo.compass");
    const email = freshEmail("newcomer");
    const res = await invite(host, { email, role: "trainer", centreId: "becode-brussels" });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(typeof body.token).toBe("string");
    expect(body.token.length).toBeGreaterThanOrEqual(20);
    expect(body.url.startsWith(server.config.publicUrl + "/invitations/")).toBe(true);
    expect(new URL(body.url).href).toBe(body.url);
    expect(body.url).toContain(encodeURIComponent(body.token));

    const [row] = await server.services.db.select().from(invitations).where(eq(invitations.email, email));
    expect(row).toMatchObject({ role: "trainer", centreId: "becode-brussels" });
    expect(row.tokenHash).not.toContain(body.token);

    const mails = (await server.mails()).map(readMail);
    const mail = mails.find((m) => m.to.includes(email));
    expect(mail).toBeDefined();
    expect(mail!.text).toContain(body.url);
  });

  it("refuses an address that already has an account, whatever its case", async () => {
    const admin = await server.signedIn("admin@demo.compass");
    const before = await invitationCount();
    for (const email of ["trainer.lyon@demo.compass", "Trainer.LYON@Demo.Compass"]) {
      const res = await invite(admin, { email, role: "trainer", centreId: "simplon-lyon" });
      expect(res.status).toBe(409);
      expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
    }
    expect(await invitationCount()).toBe(before);
  });

  it("answers 422 for a bad e-mail, an unknown role or an unknown centre, and stores nothing", async () => {
    const admin = await server.signedIn("admin@demo.compass");
    const before = await invitationCount();
    const badEmail = await admin.post("/api/v1/invitations", { email: "not-an-email", role: "trainer", centreId: "simplon-paris" });
    expect(badEmail.status).toBe(422);
    expect((await badEmail.json()).errors.email.length).toBeGreaterThan(0);
    const badRole = await admin.post("/api/v1/invitations", { email: freshEmail("x"), role: "superuser", centreId: "simplon-paris" });
    expect(badRole.status).toBe(422);
    expect((await badRole.json()).errors.role.length).toBeGreaterThan(0);
    const badCentre = await admin.post("/api/v1/invitations", { email: freshEmail("y"), role: "trainer", centreId: "atlantis" });
    expect(badCentre.status).toBe(422);
    expect(badCentre.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect((await badCentre.json()).errors.centreId.length).toBeGreaterThan(0);
    const missing = await admin.post("/api/v1/invitations", {});
    expect(missing.status).toBe(422);
    expect(await invitationCount()).toBe(before);
  });
});

describe("accepting an invitation", () => {
  it("shows the invitation, creates the account once, and lets the new person sign in", async () => {
    const host = await server.signedIn("host.madrid@demo.compass");
    const email = freshEmail("zoe");
    const created = await (await invite(host, { email, role: "trainer", centreId: "factoria-f5-madrid" })).json();

    const shown = await server.client().get(`/api/v1/invitations/${encodeURIComponent(created.token)}`);
    expect(shown.status).toBe(200);
    const { invitation } = await shown.json();
    expect(invitation).toMatchObject({ email, role: "trainer", centreId: "factoria-f5-madrid", centreName: "Factoria F5 Madrid", inviterName: "Lucía Fernández Ortega" });

    const visitor = server.client();
    const res = await visitor.post(`/api/v1/invitations/${encodeURIComponent(created.token)}/accept`, { name: "Zoé Nouvelle", password: "a long and private phrase 42" });
    expect(res.status).toBe(201);
    const { user } = await res.json();
    expect(user).toMatchObject({ email, name: "Zoé Nouvelle", role: "trainer", centreId: "factoria-f5-madrid", handle: "zoe.nouvelle" });
    expect(typeof user.id).toBe("string");
    expect(user).not.toHaveProperty("passwordHash");

    const signIn = await server.client().post("/api/v1/auth/login", { email, password: "a long and private phrase 42" });
    expect(signIn.status).toBe(200);
    expect((await signIn.json()).user).toMatchObject({ id: user.id, role: "trainer", centreId: "factoria-f5-madrid" });

    const again = await server.client().post(`/api/v1/invitations/${encodeURIComponent(created.token)}/accept`, { name: "Someone Else", password: "another long private phrase" });
    expect(again.status).toBe(404);
    expect(again.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect(await server.services.db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`)).toHaveLength(1);

    expect((await server.client().get(`/api/v1/invitations/${encodeURIComponent(created.token)}`)).status).toBe(404);
  });

  it("two accepts racing on one link create exactly one account", async () => {
    const lead = await server.signedIn("lead@demo.compass");
    const email = freshEmail("race");
    const created = await (await invite(lead, { email, role: "trainer", centreId: "simplon-grenoble" })).json();
    const path = `/api/v1/invitations/${encodeURIComponent(created.token)}/accept`;
    const results = await Promise.all([
      server.client().post(path, { name: "Racer One", password: "a long and private phrase 48" }),
      server.client().post(path, { name: "Racer Two", password: "a long and private phrase 49" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 404]);
    expect(await server.services.db.select().from(users).where(eq(users.email, email))).toHaveLength(1);
  });

  it("derives a free handle when the name's handle is taken", async () => {
    const lead = await server.signedIn("lead@demo.compass");
    const created = await (await invite(lead, { role: "trainer", centreId: "simplon-paris" })).json();
    const res = await server.client().post(`/api/v1/invitations/${encodeURIComponent(created.token)}/accept`, { name: "Camille Martin", password: "a long and private phrase 43" });
    expect(res.status).toBe(201);
    const { user } = await res.json();
    expect(user.handle).not.toBe("camille.martin");
    expect(user.handle).toMatch(/^camille\.martin/);
  });

  it("an expired invitation is 404", async () => {
    const lead = await server.signedIn("lead@demo.compass");
    const email = freshEmail("late");
    const created = await (await invite(lead, { email, role: "trainer", centreId: "becode-liege" })).json();
    await server.services.db.update(invitations).set({ expiresAt: new Date(Date.now() - 60_000) }).where(eq(invitations.email, email));
    expect((await server.client().get(`/api/v1/invitations/${encodeURIComponent(created.token)}`)).status).toBe(404);
    const res = await server.client().post(`/api/v1/invitations/${encodeURIComponent(created.token)}/accept`, { name: "Too Late", password: "a long and private phrase 44" });
    expect(res.status).toBe(404);
    expect(await server.services.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
  });

  it("an unknown token is 404", async () => {
    expect((await server.client().get("/api/v1/invitations/not-a-token")).status).toBe(404);
    const res = await server.client().post("/api/v1/invitations/not-a-token/accept", { name: "Nobody", password: "a long and private phrase 45" });
    expect(res.status).toBe(404);
  });

  it("a weak or common password is 422 and the invitation stays usable", async () => {
    const admin = await server.signedIn("admin@demo.compass");
    const email = freshEmail("weak");
    const created = await (await invite(admin, { email, role: "host", centreId: "becode-charleroi" })).json();
    const path = `/api/v1/invitations/${encodeURIComponent(created.token)}`;
    for (const password of ["password1234", "short"]) {
      const res = await server.client().post(`${path}/accept`, { name: "Weak Password", password });
      expect(res.status).toBe(422);
      expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
      expect((await res.json()).errors.password.length).toBeGreaterThan(0);
    }
    expect(await server.services.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
    expect((await server.client().get(path)).status).toBe(200);
    const ok = await server.client().post(`${path}/accept`, { name: "Strong Password", password: "a long and private phrase 46" });
    expect(ok.status).toBe(201);
    expect((await ok.json()).user).toMatchObject({ role: "host", centreId: "becode-charleroi", handle: "strong.password" });
  });

  it("answers 422 for a missing name", async () => {
    const admin = await server.signedIn("admin@demo.compass");
    const created = await (await invite(admin, { role: "trainer", centreId: "simplon-nice" })).json();
    const res = await server.client().post(`/api/v1/invitations/${encodeURIComponent(created.token)}/accept`, { password: "a long and private phrase 47" });
    expect(res.status).toBe(422);
    expect((await res.json()).errors.name.length).toBeGreaterThan(0);
    expect((await server.client().get(`/api/v1/invitations/${encodeURIComponent(created.token)}`)).status).toBe(200);
  });
});
