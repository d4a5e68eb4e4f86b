import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestClient, type TestServer } from "../setup/harness";

let server: TestServer;
let camille: TestClient;
let helene: TestClient;
let lead: TestClient;
let topicId: string;
let replyId: string;

beforeAll(async () => {
  server = await startTestServer({ remix: "development" });
  [camille, helene, lead] = await Promise.all([
    server.signedIn("trainer.paris@demo.compass"),
    server.signedIn("trainer.lyon@demo.compass"),
    server.signedIn("lead@demo.compass"),
  ]);
  const created = await camille.post("/api/v1/topics", { categoryId: "pedagogy", title: "Projet de groupe en tension", body: "Texte **initial**", tags: ["group-conflict"], language: "fr" });
  topicId = (await created.json()).topic.id;
  const reply = await helene.post(`/api/v1/topics/${topicId}/posts`, { body: "Une réponse de Hélène" });
  replyId = (await reply.json()).post.id;
}, 120_000);
afterAll(() => server?.stop());

/** Posts an urlencoded form the way a browser without JavaScript does, repeated names included. */
const submit = (client: TestClient, path: string, fields: [string, string][], headers: Record<string, string> = {}) =>
  client.request("POST", path, {
    body: new URLSearchParams(fields).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
  });

const decode = (html: string) => html.replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

describe("new topic page", () => {
  it("sends strangers to the sign-in page", async () => {
    const res = await server.client().get("/discussions/new");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/login?redirectTo=%2Fdiscussions%2Fnew");
  });

  it("shows a form that works without JavaScript, in the reader's language", async () => {
    const res = await camille.get("/discussions/new");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<form[^>]*method="post"/);
    expect(html).toMatch(/<select[^>]*name="categoryId"/);
    expect(html).toMatch(/<input[^>]*name="title"/);
    expect(html).toMatch(/<textarea[^>]*name="body"/);
    expect(html).toMatch(/<label[^>]*for="field-body"/);
    expect(html).toMatch(/<input[^>]*type="checkbox"[^>]*name="tags"[^>]*value="group-conflict"/);
    expect(html).toMatch(/<option value="fr" selected="">/);
    expect(html).toContain("Poser une question");
    const en = await (await camille.get("/discussions/new", { "accept-language": "en" })).text();
    expect(en).toContain("Poser une question"); // Camille's own setting (fr) wins over the browser
    const lucia = await server.signedIn("host.madrid@demo.compass");
    const english = await (await lucia.get("/discussions/new")).text();
    expect(english).toContain("Ask a question");
    expect(english).toMatch(/<option value="en" selected="">/);
  });

  it("creates the topic from a posted form and goes to its page", async () => {
    const res = await submit(camille, "/discussions/new", [
      ["categoryId", "classroom-situations"],
      ["title", "Un apprenant décroche en semaine 6"],
      ["body", "Il ne vient plus depuis lundi. @helene.rousseau une idée ?"],
      ["tags", "group-conflict"],
      ["tags", "dropout-risk"],
      ["language", "fr"],
    ]);
    expect(res.status).toBe(302);
    const location = res.headers.get("location")!;
    expect(location).toMatch(/^\/discussions\/t\/\d+$/);
    const id = location.split("/").pop();
    const { topic } = await (await camille.get(`/api/v1/topics/${id}`)).json();
    expect(topic.title).toBe("Un apprenant décroche en semaine 6");
    expect(topic.tags.sort()).toEqual(["dropout-risk", "group-conflict"]);
    expect(topic.bodyHtml).toContain('href="/people/helene.rousseau"');
  });

  it("answers an invalid form with 422, errors next to the fields and everything typed kept", async () => {
    const body = "Mon texte <b>précieux</b> & \"cité\"\nsur deux lignes";
    const res = await submit(camille, "/discussions/new", [
      ["categoryId", "classroom-situations"],
      ["title", "ab"],
      ["body", body],
      ["tags", "group-conflict"],
      ["language", "es"],
    ]);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/id="error-title"/);
    expect(html).toMatch(/<input[^>]*name="title"[^>]*value="ab"/);
    expect(decode(html)).toContain(body);
    expect(html).toMatch(/<option value="classroom-situations" selected="">/);
    expect(html).toMatch(/<option value="es" selected="">/);
    expect(html).toMatch(/<input(?=[^>]*value="group-conflict")(?=[^>]*checked="")[^>]*>/);
  });

  it("says which field is wrong for an unknown category or tag, keeping the text", async () => {
    const res = await submit(camille, "/discussions/new", [
      ["categoryId", "nope"],
      ["title", "Un titre correct"],
      ["body", "Un corps correct"],
      ["tags", "not-a-tag"],
      ["language", "fr"],
    ]);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/id="error-(categoryId|tags)"/);
    expect(html).toContain("Un corps correct");
  });

  it("keeps the typed text when the session has expired, with a sign-in link in a new tab", async () => {
    const stranger = server.client();
    const res = await submit(stranger, "/discussions/new", [
      ["categoryId", "pedagogy"],
      ["title", "Mon titre tapé longuement"],
      ["body", "Une heure de rédaction à ne pas perdre"],
      ["tags", "group-conflict"],
      ["language", "fr"],
    ]);
    expect(res.status).toBe(401);
    const html = await res.text();
    expect(html).toContain("Votre session a expiré");
    expect(html).toMatch(/<input[^>]*name="title"[^>]*value="Mon titre tapé longuement"/);
    expect(html).toContain("Une heure de rédaction à ne pas perdre");
    expect(html).toMatch(/<a[^>]*href="\/login\?redirectTo=%2Fdiscussions%2Fnew"[^>]*target="_blank"/);
    expect(html).toMatch(/<input type="hidden" name="categoryId" value="pedagogy"/);
    expect(html).toMatch(/<input type="hidden" name="tags" value="group-conflict"/);
    // Nothing but what was sent: no taxonomy for strangers.
    expect(html).not.toContain('name="categoryId" aria-invalid');
    expect(html).not.toMatch(/<select/);
  });
});

describe("edit topic page", () => {
  it("opens for the author and a lead, not for another trainer (403)", async () => {
    expect((await camille.get(`/discussions/t/${topicId}/edit`)).status).toBe(200);
    expect((await lead.get(`/discussions/t/${topicId}/edit`)).status).toBe(200);
    expect((await helene.get(`/discussions/t/${topicId}/edit`)).status).toBe(403);
    const posted = await submit(helene, `/discussions/t/${topicId}/edit`, [["categoryId", "pedagogy"], ["title", "Piraté"], ["body", "Piraté"]]);
    expect(posted.status).toBe(403);
    expect((await camille.get("/discussions/t/999999/edit")).status).toBe(404);
    expect((await camille.get("/discussions/t/abc/edit")).status).toBe(404);
  });

  it("shows the current title, text, category and tags", async () => {
    const html = await (await camille.get(`/discussions/t/${topicId}/edit`)).text();
    expect(html).toMatch(/<input[^>]*name="title"[^>]*value="Projet de groupe en tension"/);
    expect(html).toContain("Texte **initial**");
    expect(html).toMatch(/<option value="pedagogy" selected="">/);
    expect(html).toMatch(/<input(?=[^>]*value="group-conflict")(?=[^>]*checked="")[^>]*>/);
  });

  it("saves a lead's edit and goes back to the topic", async () => {
    const res = await submit(lead, `/discussions/t/${topicId}/edit`, [
      ["categoryId", "classroom-situations"],
      ["title", "Projet de groupe en tension (résolu)"],
      ["body", "Texte **modifié**"],
    ]);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/discussions/t/${topicId}`);
    const { topic } = await (await camille.get(`/api/v1/topics/${topicId}`)).json();
    expect(topic.title).toBe("Projet de groupe en tension (résolu)");
    expect(topic.categoryId).toBe("classroom-situations");
    expect(topic.tags).toEqual([]);
    expect(topic.bodyHtml).toContain("<strong>modifié</strong>");
  });

  it("answers an invalid edit with 422 and keeps the text", async () => {
    const res = await submit(camille, `/discussions/t/${topicId}/edit`, [["categoryId", "pedagogy"], ["title", "Bon titre"], ["body", "   "]]);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/id="error-body"/);
    expect(html).toMatch(/<input[^>]*name="title"[^>]*value="Bon titre"/);
  });

  it("keeps the typed text when the session has expired, without showing the topic", async () => {
    const res = await submit(server.client(), `/discussions/t/${topicId}/edit`, [["categoryId", "pedagogy"], ["title", "Titre en cours"], ["body", "Corps en cours"]]);
    expect(res.status).toBe(401);
    const html = await res.text();
    expect(html).toContain("Corps en cours");
    expect(html).toContain("Votre session a expiré");
    expect(html).not.toContain("modifié");
  });
});

describe("edit reply page", () => {
  it("opens for the author and a lead, not for another trainer", async () => {
    expect((await helene.get(`/discussions/p/${replyId}/edit`)).status).toBe(200);
    expect((await lead.get(`/discussions/p/${replyId}/edit`)).status).toBe(200);
    expect((await camille.get(`/discussions/p/${replyId}/edit`)).status).toBe(403);
    expect((await submit(camille, `/discussions/p/${replyId}/edit`, [["body", "Piraté"]])).status).toBe(403);
    expect((await camille.get("/discussions/p/999999/edit")).status).toBe(404);
  });

  it("saves the edit and goes to the reply's permalink", async () => {
    const res = await submit(helene, `/discussions/p/${replyId}/edit`, [["body", "Une réponse corrigée"]]);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/discussions/t/${topicId}?post=${replyId}#post-${replyId}`);
    const { post } = await (await helene.get(`/api/v1/posts/${replyId}`)).json();
    expect(post.body).toBe("Une réponse corrigée");
  });

  it("answers an empty reply with 422, and keeps the text when the session expired", async () => {
    expect((await submit(helene, `/discussions/p/${replyId}/edit`, [["body", ""]])).status).toBe(422);
    const res = await submit(server.client(), `/discussions/p/${replyId}/edit`, [["body", "Ma correction à garder"]]);
    expect(res.status).toBe(401);
    const html = await res.text();
    expect(html).toContain("Ma correction à garder");
    expect(html).not.toContain("Une réponse corrigée");
  });

  it("is a 404 once the reply is deleted", async () => {
    const reply = await (await helene.post(`/api/v1/topics/${topicId}/posts`, { body: "À supprimer" })).json();
    expect((await helene.delete(`/api/v1/posts/${reply.post.id}`)).status).toBeLessThan(300);
    expect((await helene.get(`/discussions/p/${reply.post.id}/edit`)).status).toBe(404);
  });
});
