import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionRef } from "../../app/modules/accounts/auth.server";
import { passwordResetTokens, sessions } from "../../db/schema";
import { demoUserId } from "../../db/seed/demo";
import { startTestServer, type TestServer } from "../setup/harness";
import { readMail } from "../setup/mail";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const demo = "compass-demo-2026";

const seenMails = new Set<string>();
/** The mails written since the last call (all recipients). */
async function newMails() {
  const all = await server.mails();
  const fresh = all.filter((m) => !seenMails.has(m));
  for (const m of all) seenMails.add(m);
  return fresh.map(readMail);
}

/** Asks for a reset link for this address and returns the token from the e-mail. */
async function resetTokenFor(email: string) {
  await newMails();
  const res = await server.client().post("/api/v1/auth/password-reset", { email });
  expect(res.status).toBe(202);
  const mails = (await newMails()).filter((m) => m.to.toLowerCase().includes(email.toLowerCase()));
  expect(mails).toHaveLength(1);
  const match = /\/reset-password\/([A-Za-z0-9_%-]+)/.exec(mails[0].text);
  expect(match).not.toBeNull();
  return { token: decodeURIComponent(match![1]), mail: mails[0] };
}

const resetPath = (token: string) => `/api/v1/auth/password-reset/${encodeURIComponent(token)}`;

describe("asking for a reset link", () => {
  it("answers the same for a known and an unknown address, and mails only the known one, in their language", async () => {
    await newMails();
    const known = await server.client().post("/api/v1/auth/password-reset", { email: "trainer.paris@demo.compass" }, { "accept-language": "en" });
    const unknown = await server.client().post("/api/v1/auth/password-reset", { email: "nobody.here@demo.compass" }, { "accept-language": "en" });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await known.text()).toBe(await unknown.text());
    const mails = await newMails();
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toContain("trainer.paris@demo.compass");
    expect(mails.some((m) => m.raw.includes("nobody.here"))).toBe(false);
    // Camille's account is in French, whatever the browser asking says.
    expect(mails[0].subject).toBe("Réinitialiser votre mot de passe Digital Compass");
    expect(mails[0].text).toContain(`${server.config.publicUrl}/reset-password/`);
    expect(mails[0].text).toContain("Bonjour Camille Martin");
  });

  it("writes in English to an English-speaking person", async () => {
    await newMails();
    const res = await server.client().post("/api/v1/auth/password-reset", { email: "Host.Madrid@demo.compass" }, { "accept-language": "fr" });
    expect(res.status).toBe(202);
    const mails = await newMails();
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toContain("host.madrid@demo.compass");
    expect(mails[0].subject).toBe("Reset your Digital Compass password");
  });

  it("answers 422 for a malformed address", async () => {
    const res = await server.client().post("/api/v1/auth/password-reset", { email: "nope" });
    expect(res.status).toBe(422);
    expect((await res.json()).errors.email.length).toBeGreaterThan(0);
  });
});

describe("using a reset link", () => {
  it("works once: new password, a new session here, every earlier session ended", async () => {
    const email = "trainer.bucharest@demo.compass";
    const before = await server.signedIn(email);
    const beforeToo = await server.signedIn(email);
    const { token } = await resetTokenFor(email);

    const visitor = server.client();
    const res = await visitor.post(resetPath(token), { password: "my brand new passphrase 1" });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().some((v) => v.startsWith("dc_session=") && !v.startsWith("dc_session=;"))).toBe(true);
    expect((await res.json()).user).toMatchObject({ email });
    const me = await visitor.get("/api/v1/me");
    expect(me.status).toBe(200);
    expect((await me.json()).user.email).toBe(email);

    expect((await before.get("/api/v1/me")).status).toBe(401);
    expect((await beforeToo.get("/api/v1/me")).status).toBe(401);
    expect(await server.services.db.select().from(sessions).where(eq(sessions.userId, demoUserId("andrei.popescu")))).toHaveLength(1);

    const reuse = await server.client().post(resetPath(token), { password: "yet another passphrase 2" });
    expect(reuse.status).toBe(404);
    expect(reuse.headers.get("content-type")).toMatch(/application\/problem\+json/);

    expect((await server.client().post("/api/v1/auth/login", { email, password: demo })).status).toBe(401);
    expect((await server.client().post("/api/v1/auth/login", { email, password: "my brand new passphrase 1" })).status).toBe(200);
  });

  it("refuses a weak password with 422 and keeps the link usable", async () => {
    const email = "trainer.lyon@demo.compass";
    const { token } = await resetTokenFor(email);
    for (const password of ["password1234", "short"]) {
      const res = await server.client().post(resetPath(token), { password });
      expect(res.status).toBe(422);
      expect((await res.json()).errors.password.length).toBeGreaterThan(0);
    }
    expect((await server.client().post("/api/v1/auth/login", { email, password: demo })).status).toBe(200);
    const ok = await server.client().post(resetPath(token), { password: "a sturdier passphrase 3" });
    expect(ok.status).toBe(200);
  });

  it("an expired link is 404 and changes nothing", async () => {
    const email = "host.brussels@demo.compass";
    const { token } = await resetTokenFor(email);
    await server.services.db
      .update(passwordResetTokens)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(passwordResetTokens.userId, demoUserId("pieter.vandenbroeck")));
    const res = await server.client().post(resetPath(token), { password: "too late passphrase 4" });
    expect(res.status).toBe(404);
    expect((await server.client().post("/api/v1/auth/login", { email, password: demo })).status).toBe(200);
  });

  it("an unknown link is 404", async () => {
    const res = await server.client().post(resetPath("not-a-real-token"), { password: "whatever passphrase 5" });
    expect(res.status).toBe(404);
  });
});

describe("changing my password", () => {
  it("needs the right current password", async () => {
    const c = await server.signedIn("lead@demo.compass");
    const res = await c.post("/api/v1/me/password", { currentPassword: "not my password", newPassword: "a fresh passphrase 6" });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect((await res.json()).errors.currentPassword.length).toBeGreaterThan(0);
    expect((await server.client().post("/api/v1/auth/login", { email: "lead@demo.compass", password: demo })).status).toBe(200);
  });

  it("refuses a weak new password", async () => {
    const c = await server.signedIn("lead@demo.compass");
    const res = await c.post("/api/v1/me/password", { currentPassword: demo, newPassword: "password1234" });
    expect(res.status).toBe(422);
    expect((await res.json()).errors.newPassword.length).toBeGreaterThan(0);
  });

  it("is refused to a stranger", async () => {
    const res = await server.client().post("/api/v1/me/password", { currentPassword: demo, newPassword: "a fresh passphrase 6" });
    expect(res.status).toBe(401);
  });

  it("changes it, ends my other sessions and keeps this one", async () => {
    const email = "host.madrid@demo.compass";
    const other = await server.signedIn(email);
    const c = await server.signedIn(email);
    const res = await c.post("/api/v1/me/password", { currentPassword: demo, newPassword: "a fresh passphrase 7" });
    expect(res.status).toBe(204);
    expect((await c.get("/api/v1/me")).status).toBe(200);
    expect((await other.get("/api/v1/me")).status).toBe(401);
    expect((await server.client().post("/api/v1/auth/login", { email, password: demo })).status).toBe(401);
    expect((await server.client().post("/api/v1/auth/login", { email, password: "a fresh passphrase 7" })).status).toBe(200);
  });
});

describe("my sessions", () => {
  it("lists mine and marks the current one", async () => {
    const email = "admin@demo.compass";
    const a = await server.signedIn(email);
    const b = await server.signedIn(email);
    const res = await a.get("/api/v1/me/sessions");
    expect(res.status).toBe(200);
    const { items } = await res.json();
    expect(items.length).toBeGreaterThanOrEqual(2);
    const current = items.filter((s: { current: boolean }) => s.current);
    expect(current).toHaveLength(1);
    // A session is named by a reference, never by its id: the id is the cookie's secret.
    expect(current[0].id).toBe(sessionRef(a.cookies.get("dc_session")!));
    expect(items.map((s: { id: string }) => s.id)).toContain(sessionRef(b.cookies.get("dc_session")!));
    expect(JSON.stringify(items)).not.toContain(a.cookies.get("dc_session"));
    expect(JSON.stringify(items)).not.toContain(b.cookies.get("dc_session"));
    const rows = await server.services.db.select().from(sessions).where(eq(sessions.userId, demoUserId("sophie.lefevre")));
    expect(new Set(items.map((s: { id: string }) => s.id))).toEqual(new Set(rows.map((r) => sessionRef(r.id))));
    expect((await server.client().get("/api/v1/me/sessions")).status).toBe(401);
  });

  it("ends one of my other sessions", async () => {
    const email = "trainer.paris@demo.compass";
    const a = await server.signedIn(email);
    const b = await server.signedIn(email);
    const res = await a.delete(`/api/v1/me/sessions/${sessionRef(b.cookies.get("dc_session")!)}`);
    expect(res.status).toBe(204);
    expect((await b.get("/api/v1/me")).status).toBe(401);
    expect((await a.get("/api/v1/me")).status).toBe(200);
  });

  it("someone else's session id is 404 and that session goes on", async () => {
    const mine = await server.signedIn("lead@demo.compass");
    const theirs = await server.signedIn("trainer.paris@demo.compass");
    const res = await mine.delete(`/api/v1/me/sessions/${sessionRef(theirs.cookies.get("dc_session")!)}`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect((await theirs.get("/api/v1/me")).status).toBe(200);
    expect((await mine.delete("/api/v1/me/sessions/no-such-session")).status).toBe(404);
  });

  it("ends all my sessions but the current one", async () => {
    const email = "trainer.paris@demo.compass";
    const others = [await server.signedIn(email), await server.signedIn(email)];
    const c = await server.signedIn(email);
    const bystander = await server.signedIn("lead@demo.compass");
    const res = await c.delete("/api/v1/me/sessions");
    expect(res.status).toBe(204);
    expect((await c.get("/api/v1/me")).status).toBe(200);
    for (const o of others) expect((await o.get("/api/v1/me")).status).toBe(401);
    expect((await bystander.get("/api/v1/me")).status).toBe(200);
    const { items } = await (await c.get("/api/v1/me/sessions")).json();
    expect(items).toHaveLength(1);
    expect(items[0].current).toBe(true);
  });
});
