import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../setup/harness";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ remix: "development" });
}, 120_000);
afterAll(() => server?.stop());

describe("sign-in page without JavaScript", () => {
  it("shows the form in French by default and in English for an English browser", async () => {
    const fr = await server.client().get("/login");
    expect(fr.status).toBe(200);
    const html = await fr.text();
    expect(html).toContain('<html lang="fr"');
    expect(html).toMatch(/<input[^>]*name="email"/);
    expect(html).toMatch(/<input[^>]*name="password"/);
    const en = await (await server.client().get("/login", { "accept-language": "en-US,en;q=0.8" })).text();
    expect(en).toContain('<html lang="en"');
    expect(en).toContain("Sign in");
  });

  it("signs in with a posted form and goes where it was asked to", async () => {
    const c = server.client();
    const res = await c.submit("/login", { email: "lead@demo.compass", password: "compass-demo-2026", redirectTo: "/centres" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/centres");
    expect(c.cookies.has("dc_session")).toBe(true);
    const home = await (await c.get("/")).text();
    expect(home).toContain("Karim");
  });

  it("never redirects to another site after sign-in", async () => {
    const res = await server.client().submit("/login", { email: "lead@demo.compass", password: "compass-demo-2026", redirectTo: "//evil.example/x" });
    expect(res.headers.get("location")).toBe("/");
  });

  it("answers a wrong password with 401 and the message in the page, keeping the e-mail", async () => {
    const res = await server.client().submit("/login", { email: "lead@demo.compass", password: "nope nope nope" });
    expect(res.status).toBe(401);
    const html = await res.text();
    expect(html).toContain("Adresse e-mail ou mot de passe incorrect");
    expect(html).toContain('value="lead@demo.compass"');
  });

  it("answers an invalid e-mail with 422 and the error next to the field", async () => {
    const res = await server.client().submit("/login", { email: "nope", password: "x" });
    expect(res.status).toBe(422);
    expect(await res.text()).toMatch(/id="error-email"[^>]*>Saisissez une adresse e-mail valide/);
  });

  it("refuses a form posted from another site", async () => {
    const res = await server.client().submit("/login", { email: "lead@demo.compass", password: "compass-demo-2026" }, { origin: "https://evil.example" });
    expect(res.status).toBe(403);
  });

  it("signs out with a posted form", async () => {
    const c = server.client();
    await c.submit("/login", { email: "trainer.paris@demo.compass", password: "compass-demo-2026" });
    const res = await c.submit("/logout", {});
    expect(res.status).toBe(302);
    expect(c.cookies.has("dc_session")).toBe(false);
    expect((await c.get("/settings")).headers.get("location")).toBe("/login?redirectTo=%2Fsettings");
  });
});

describe("language switch", () => {
  it("sets a cookie for a visitor and returns to the same page", async () => {
    const c = server.client();
    const res = await c.submit("/language", { locale: "en", redirectTo: "/centres" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/centres");
    expect(c.cookies.get("dc_lang")).toBe("en");
    expect(await (await c.get("/login")).text()).toContain('<html lang="en"');
  });

  it("is saved in a member's settings and follows them to another device", async () => {
    const a = server.client();
    await a.submit("/login", { email: "trainer.bucharest@demo.compass", password: "compass-demo-2026" });
    await a.submit("/language", { locale: "fr", redirectTo: "/" });
    const b = server.client();
    await b.submit("/login", { email: "trainer.bucharest@demo.compass", password: "compass-demo-2026" }, { "accept-language": "en" });
    expect(await (await b.get("/", { "accept-language": "en" })).text()).toContain('<html lang="fr"');
  });
});

describe("who may open which page", () => {
  const pages: [string, { stranger: number; trainer: number; lead: number; admin: number }][] = [
    ["/", { stranger: 200, trainer: 200, lead: 200, admin: 200 }],
    ["/centres", { stranger: 200, trainer: 200, lead: 200, admin: 200 }],
    ["/centres/becode-brussels", { stranger: 200, trainer: 200, lead: 200, admin: 200 }],
    ["/settings", { stranger: 302, trainer: 200, lead: 200, admin: 200 }],
    ["/settings/sessions", { stranger: 302, trainer: 200, lead: 200, admin: 200 }],
    ["/settings/tokens", { stranger: 302, trainer: 200, lead: 200, admin: 200 }],
    ["/people/karim.benali", { stranger: 302, trainer: 200, lead: 200, admin: 200 }],
    ["/discussions", { stranger: 302, trainer: 200, lead: 200, admin: 200 }],
    ["/invitations", { stranger: 302, trainer: 403, lead: 200, admin: 200 }],
    ["/moderation", { stranger: 302, trainer: 403, lead: 200, admin: 200 }],
    ["/admin/users", { stranger: 302, trainer: 403, lead: 403, admin: 200 }],
    ["/admin/users/new", { stranger: 302, trainer: 403, lead: 403, admin: 200 }],
  ];
  const clients: Record<string, Awaited<ReturnType<TestServer["signedIn"]>>> = {};
  beforeAll(async () => {
    clients.stranger = server.client();
    clients.trainer = await server.signedIn("trainer.paris@demo.compass");
    clients.lead = await server.signedIn("lead@demo.compass");
    clients.admin = await server.signedIn("admin@demo.compass");
  });
  for (const [path, expected] of pages) {
    it(`${path}: ${JSON.stringify(expected)}`, async () => {
      const got: Record<string, number> = {};
      for (const role of Object.keys(expected)) got[role] = (await clients[role].get(path)).status;
      expect(got).toEqual(expected);
    });
  }

  it("answers 404 pages in the reader's language", async () => {
    const res = await server.client().get("/no/such/page", { "accept-language": "en" });
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("Page not found");
  });

  it("puts the CSP nonce on every script of the page", async () => {
    const res = await server.client().get("/login");
    const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")![1];
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });
});
