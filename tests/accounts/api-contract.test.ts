import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionRef } from "../../app/modules/accounts/auth.server";
import { answeredOperations, unansweredOperations } from "../setup/api-contract";
import { startTestServer, type TestClient, type TestServer } from "../setup/harness";
import { readMail } from "../setup/mail";
import { api, json, unique } from "../discussions/api-helpers";

/**
 * Every Accounts operation answered at least once, each answer checked by the test client against the schema the
 * OpenAPI document declares for it (tests/setup/api-contract.ts): a change to an answer that the document does not
 * follow fails here.
 */

let server: TestServer;
let admin: TestClient;
let lead: TestClient;
const password = "a long and unusual passphrase 42";

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.signedIn("admin@demo.compass");
  lead = await server.signedIn("lead@demo.compass");
});
afterAll(() => server?.stop());

const email = (name: string) => `${unique(name)}@example.org`.toLowerCase();

describe("Accounts answers match the document", () => {
  it("signs in, shows, changes, exports and erases me", async () => {
    const address = email("contract.me");
    const created = await json(await admin.post(api("/users"), { email: address, name: "Contract Person", role: "trainer", centreId: "simplon-paris", password }), 201);
    const me = server.client();
    await json(await me.post(api("/auth/login"), { email: address, password }), 200);
    const { user } = await json(await me.get(api("/me")), 200);
    expect(user.id).toBe(created.user.id);
    await json(await me.patch(api("/me"), { bio: "Formatrice web.", skills: ["react", "sql"], languages: [{ code: "fr", level: "native" }], locale: "fr" }), 200);
    const exported = await json(await me.get(api("/me/export")), 200);
    expect(exported.user).toMatchObject({ bio: "Formatrice web.", createdAt: expect.any(String) });
    expect((await me.delete(api("/me"), { password })).status).toBe(204);
    expect((await me.get(api("/me"))).status).toBe(401);
  });

  it("lists and ends my sessions, changes my password, signs out", async () => {
    const address = email("contract.sessions");
    await json(await admin.post(api("/users"), { email: address, name: "Session Person", role: "trainer", centreId: "simplon-paris", password }), 201);
    const one = await server.signedIn(address, password);
    const two = await server.signedIn(address, password);
    const three = await server.signedIn(address, password);
    const { items } = await json(await one.get(api("/me/sessions")), 200);
    expect(items).toHaveLength(3);
    expect((await one.delete(api(`/me/sessions/${sessionRef(two.cookies.get("dc_session")!)}`))).status).toBe(204);
    expect((await one.delete(api("/me/sessions"))).status).toBe(204);
    expect((await three.get(api("/me"))).status).toBe(401);
    expect((await one.post(api("/me/password"), { currentPassword: password, newPassword: `${password} again` })).status).toBe(204);
    expect((await one.post(api("/auth/logout"))).status).toBe(204);
  });

  it("resets a password with the e-mailed link", async () => {
    const address = email("contract.reset");
    await json(await admin.post(api("/users"), { email: address, name: "Reset Person", role: "trainer", centreId: "simplon-paris", password }), 201);
    const before = new Set(await server.mails());
    expect(await json(await server.client().post(api("/auth/password-reset"), { email: address }), 202)).toEqual({ status: "accepted" });
    const mail = (await server.mails()).filter((m) => !before.has(m)).map(readMail).find((m) => m.to.toLowerCase().includes(address));
    const token = decodeURIComponent(/\/reset-password\/([A-Za-z0-9_%-]+)/.exec(mail!.text)![1]);
    const reset = await json(await server.client().post(api(`/auth/password-reset/${encodeURIComponent(token)}`), { password: `${password} reset` }), 200);
    expect(reset.user.email).toBe(address);
  });

  it("creates, lists and revokes a personal access token", async () => {
    const created = await json(await lead.post(api("/tokens"), { name: unique("contract") }), 201);
    const { items } = await json(await lead.get(api("/tokens")), 200);
    expect(items.map((t: { id: string }) => t.id)).toContain(created.id);
    expect((await lead.delete(api(`/tokens/${created.id}`))).status).toBe(204);
  });

  it("invites, looks up, accepts, lists and revokes invitations", async () => {
    const invited = await json(await lead.post(api("/invitations"), { email: email("contract.invitee"), role: "trainer", centreId: "simplon-paris" }), 201);
    const { invitation } = await json(await server.client().get(api(`/invitations/${invited.token}`)), 200);
    expect(invitation.email).toBe(invited.email);
    const accepted = await json(await server.client().post(api(`/invitations/${invited.token}/accept`), { name: "Invited Person", password }), 201);
    expect(accepted.user.email).toBe(invited.email);
    const other = await json(await lead.post(api("/invitations"), { email: email("contract.other"), role: "trainer", centreId: "simplon-paris" }), 201);
    const { items } = await json(await lead.get(api("/invitations")), 200);
    expect(items.map((i: { status: string }) => i.status)).toEqual(expect.arrayContaining(["accepted", "pending"]));
    expect((await lead.delete(api(`/invitations/${other.id}`))).status).toBe(204);
  });

  it("administers accounts: the directory, a new account, a change of role", async () => {
    const page = await json(await admin.get(api("/users?limit=2")), 200);
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).toEqual(expect.any(String));
    const { user } = await json(await admin.post(api("/users"), { email: email("contract.admin"), name: "Admin Made", role: "trainer", centreId: "simplon-paris", password }), 201);
    const changed = await json(await admin.patch(api(`/users/${user.id}`), { role: "host", deactivated: true }), 200);
    expect(changed.user.role).toBe("host");
  });

  it("answered every Accounts operation with a declared success", () => {
    expect(answeredOperations.size).toBeGreaterThan(0);
    expect(unansweredOperations(["Accounts"])).toEqual([]);
  });
});
