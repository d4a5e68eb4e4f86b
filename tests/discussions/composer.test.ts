import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestClient, type TestServer } from "../setup/harness";

let server: TestServer;
let trainer: TestClient;
beforeAll(async () => {
  server = await startTestServer();
  trainer = await server.signedIn("trainer.paris@demo.compass");
}, 120_000);
afterAll(() => server?.stop());

const preview = async (body: unknown, client: TestClient = trainer) => client.post("/api/v1/markdown/preview", body);

describe("POST /markdown/preview", () => {
  it("renders markdown like a stored post, without keeping anything", async () => {
    const res = await preview({ body: "**Bonjour** _tout le monde_\n\n- un\n- deux" });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("no-store");
    const { html } = await res.json();
    expect(html).toContain("<strong>Bonjour</strong>");
    expect(html).toContain("<li>deux</li>");
  });

  it("removes scripts, event handlers and javascript: links", async () => {
    const hostile = [
      "<script>alert(1)</script>",
      '<img src="x" onerror="alert(2)">',
      "[clique](javascript:alert(3))",
      '<a href="javascript:alert(4)">lien</a>',
      "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==)",
      '<iframe src="https://evil.example"></iframe>',
      '<div style="position:fixed">x</div>',
      "![img](javascript:alert(6))",
    ].join("\n\n");
    const { html } = await (await preview({ body: hostile })).json();
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/onerror/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/data:text/i);
    expect(html).not.toMatch(/<iframe/i);
    expect(html).not.toMatch(/style=/i);
    expect(html).toContain("clique");
  });

  it("links a known @handle and leaves an unknown one as text", async () => {
    const { html } = await (await preview({ body: "Merci @helene.rousseau et @personne.inconnue ! `@karim.benali` en code." })).json();
    expect(html).toContain('<a href="/people/helene.rousseau">@helene.rousseau</a>');
    expect(html).not.toContain('href="/people/personne.inconnue"');
    expect(html).toContain("@personne.inconnue");
    expect(html).not.toContain('href="/people/karim.benali"');
  });

  it("does not notify the people a preview mentions", async () => {
    const peer = await server.signedIn("trainer.lyon@demo.compass");
    const before = (await (await peer.get("/api/v1/notifications")).json()).unread;
    await preview({ body: "@helene.rousseau regarde ça" });
    expect((await (await peer.get("/api/v1/notifications")).json()).unread).toBe(before);
  });

  it("answers an empty text with empty HTML", async () => {
    const res = await preview({ body: "" });
    expect(res.status).toBe(200);
    expect((await res.json()).html).toBe("");
  });

  it("refuses strangers with 401", async () => {
    const res = await preview({ body: "hello" }, server.client());
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
  });

  it("answers 422 for a missing, wrong-typed or too long body, 400 for bad JSON and 415 for a form", async () => {
    const missing = await preview({});
    expect(missing.status).toBe(422);
    expect((await missing.json()).errors.body).toBeDefined();
    expect((await preview({ body: 42 })).status).toBe(422);
    expect((await preview({ body: "x", extra: true })).status).toBe(422);
    expect((await preview({ body: "x".repeat(50_001) })).status).toBe(422);
    expect((await trainer.post("/api/v1/markdown/preview", "{nope")).status).toBe(400);
    const form = await trainer.request("POST", "/api/v1/markdown/preview", { form: { body: "x" } });
    expect(form.status).toBe(415);
  });
});

describe("GET /mentions", () => {
  const mentions = async (q: string, client: TestClient = trainer) => client.get(`/api/v1/mentions?q=${encodeURIComponent(q)}`);

  it("finds members by the start of their handle", async () => {
    const res = await mentions("camille");
    expect(res.status).toBe(200);
    const items = await res.json();
    expect(items[0]).toEqual({ handle: "camille.martin", name: "Camille Martin" });
    for (const item of items) expect(Object.keys(item).sort()).toEqual(["handle", "name"]);
  });

  it("finds members by their name or surname, accents and case ignored", async () => {
    const byAccent = await (await mentions("Hél")).json();
    expect(byAccent.map((m: { handle: string }) => m.handle)).toContain("helene.rousseau");
    const withoutAccent = await (await mentions("elod")).json();
    expect(withoutAccent.map((m: { handle: string }) => m.handle)).toContain("elodie.lambert");
    const surname = await (await mentions("rouss")).json();
    expect(surname.map((m: { handle: string }) => m.handle)).toContain("helene.rousseau");
    const lucia = await (await mentions("lucia")).json();
    expect(lucia[0]).toEqual({ handle: "lucia.fernandez", name: "Lucía Fernández Ortega" });
  });

  it("returns at most 8 people and nothing for an empty query", async () => {
    const many = await (await mentions("a")).json();
    expect(many.length).toBeLessThanOrEqual(8);
    expect(many.length).toBeGreaterThan(0);
    expect(await (await mentions("")).json()).toEqual([]);
    expect(await (await trainer.get("/api/v1/mentions")).json()).toEqual([]);
  });

  it("treats LIKE wildcards as text", async () => {
    expect(await (await mentions("%")).json()).toEqual([]);
    expect(await (await mentions("_")).json()).toEqual([]);
  });

  it("leaves out deactivated and erased members", async () => {
    await server.services.db.execute(sql`update users set deactivated_at = now() where handle = 'manon.petit'`);
    const items = await (await mentions("manon")).json();
    expect(items.map((m: { handle: string }) => m.handle)).not.toContain("manon.petit");
  });

  it("refuses strangers with 401 and a too long query with 422", async () => {
    expect((await mentions("ca", server.client())).status).toBe(401);
    expect((await mentions("x".repeat(41))).status).toBe(422);
    expect((await trainer.get("/api/v1/mentions?q=a&q=b")).status).toBe(422);
  });
});
