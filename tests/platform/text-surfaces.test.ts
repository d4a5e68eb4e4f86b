import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { startTestServer, type TestClient, type TestServer } from "../setup/harness";
import { api, expectProblem, json, unique, type Json } from "../discussions/api-helpers";
import { bidiTitles, invisibleCorpus } from "./unicode-corpus";

/**
 * Invisible and reordering text on every surface that takes a title, a name or a body (issue 10): the API answers
 * 422 naming the field in the caller's language and stores nothing; titles and names are stored normalised; NUL is
 * refused with a 4xx wherever text goes in (never a 500); the new-topic and new-case pages show the message next to
 * the field.
 */

let server: TestServer;
let camille: TestClient; // trainer, French
let andrei: TestClient; // trainer, English
let lead: TestClient;
let admin: TestClient;
let topicId = "";
let postId = "";

beforeAll(async () => {
  server = await startTestServer({ remix: "development" });
  [camille, andrei, lead, admin] = await Promise.all([
    server.signedIn("trainer.paris@demo.compass"),
    server.signedIn("trainer.bucharest@demo.compass"),
    server.signedIn("lead@demo.compass"),
    server.signedIn("admin@demo.compass"),
  ]);
  topicId = (await json(await camille.post(api("/topics"), topic()), 201)).topic.id;
  postId = (await json(await camille.post(api(`/topics/${topicId}/posts`), { body: "Une première réponse." }), 201)).post.id;
}, 120_000);
afterAll(() => server?.stop());

const topic = (fields: Json = {}) => ({ categoryId: "pedagogy", title: unique("Un sujet visible"), body: "Un texte visible.", tags: [], language: "fr", ...fields });
const kase = (fields: Json = {}) => ({
  title: unique("Un cas visible"),
  context: {},
  situation: "Un apprenant ne vient plus depuis une semaine.",
  language: "fr",
  noIdentifiablePeople: true,
  ...fields,
});

const tables = ["topics", "posts", "cases", "users", "tags", "categories", "api_tokens"];
async function counts(): Promise<Record<string, number>> {
  const [row] = await queryRows<Record<string, number>>(
    server.services.db,
    sql.raw(`select ${tables.map((t) => `(select count(*)::int from ${t}) as ${t}`).join(", ")}`),
  );
  return row;
}

const invisibleFr = /rien de visible/;
const invisibleEn = /nothing visible/;

/** 422 naming `field`, whose message says nothing is visible (in French for Camille, English for Andrei). */
async function refusedAsInvisible(res: Response, field: string, language: RegExp) {
  const problem = await expectProblem(res, 422, field);
  expect(problem.errors[field].join(" "), field).toMatch(language);
}

describe("the API refuses text with nothing visible, naming the field, and stores nothing", () => {
  it.each(invisibleCorpus)("%s", async (_name, text) => {
    const before = await counts();
    await refusedAsInvisible(await camille.post(api("/topics"), topic({ title: text })), "title", invisibleFr);
    await refusedAsInvisible(await andrei.post(api("/topics"), topic({ body: text })), "body", invisibleEn);
    await refusedAsInvisible(await camille.patch(api(`/topics/${topicId}`), { title: text }), "title", invisibleFr);
    await refusedAsInvisible(await camille.post(api(`/topics/${topicId}/posts`), { body: text }), "body", invisibleFr);
    await refusedAsInvisible(await camille.patch(api(`/posts/${postId}`), { body: text }), "body", invisibleFr);
    await refusedAsInvisible(await camille.post(api("/cases"), kase({ title: text })), "title", invisibleFr);
    await refusedAsInvisible(await andrei.post(api("/cases"), kase({ situation: text })), "situation", invisibleEn);
    await refusedAsInvisible(await camille.post(api("/cases"), kase({ lessons: text })), "lessons", invisibleFr);
    await refusedAsInvisible(await camille.patch(api("/me"), { name: text }), "name", invisibleFr);
    await refusedAsInvisible(await andrei.post(api("/tokens"), { name: text }), "name", invisibleEn);
    await refusedAsInvisible(await lead.post(api("/tags"), { slug: "invisible-tag", group: "situation", labels: { fr: text, en: "Visible" } }), "labels.fr", invisibleFr);
    await refusedAsInvisible(await lead.post(api("/categories"), { id: "invisible-cat", nameFr: "Visible", nameEn: text }), "nameEn", invisibleFr);
    expect(await counts()).toEqual(before);
    expect((await json(await camille.get(api(`/topics/${topicId}`)), 200)).topic.title).toMatch(/^Un sujet visible/);
  });

  it("refuses an invisible name when accepting an invitation and when an admin creates an account", async () => {
    const before = await counts();
    const invited = await json(await lead.post(api("/invitations"), { email: `${unique("zw")}@example.org`, role: "trainer", centreId: "simplon-paris" }), 201);
    const visitor = server.client();
    await refusedAsInvisible(
      await visitor.post(api(`/invitations/${encodeURIComponent(invited.token)}/accept`), { name: "\u200B\u200B", password: "a long and private phrase 42" }),
      "name",
      invisibleFr,
    );
    await refusedAsInvisible(
      await admin.post(api("/users"), { email: `${unique("zw")}@example.org`, name: "\u3164\u3164", role: "trainer", centreId: "simplon-paris", password: "a long and private phrase 42" }),
      "name",
      invisibleFr,
    );
    expect(await counts()).toEqual(before);
  });

  it("answers a search for invisible characters like an empty one (422 naming q)", async () => {
    const problem = await expectProblem(await andrei.get(api(`/search?q=${encodeURIComponent("\u200B\u200B")}`)), 422, "q");
    expect(problem.errors.q[0]).toMatch(/Type one or more words/);
  });
});

describe("titles and names are stored without bidi controls, in NFC, spaces collapsed", () => {
  it.each(bidiTitles)("%s", async (_name, typed, stored) => {
    const created = (await json(await camille.post(api("/topics"), topic({ title: `${typed} ${unique("t")}` })), 201)).topic;
    expect(created.title.startsWith(`${stored} `)).toBe(true);
    expect(created.title).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/);
    const readBack = (await json(await camille.get(api(`/topics/${created.id}`)), 200)).topic;
    expect(readBack.title).toBe(created.title);
    const aCase = (await json(await camille.post(api("/cases"), kase({ title: `${typed} ${unique("c")}` })), 201)).case;
    expect(aCase.title.startsWith(`${stored} `)).toBe(true);
  });

  it("cleans a person's name and keeps the bidi marks of a right-to-left body", async () => {
    const me = (await json(await andrei.patch(api("/me"), { name: "\u202EAndrei\u202C  Popescu" }), 200)).user;
    expect(me.name).toBe("Andrei Popescu");
    const rtl = "\u202Bשלום, איך עוזרים ללומד?\u202C\n\nUne question en hébreu.";
    const post = (await json(await camille.post(api(`/topics/${topicId}/posts`), { body: rtl }), 201)).post;
    expect(post.body).toBe(rtl);
  });
});

describe("NUL characters are refused wherever text goes in, never with a 500", () => {
  it("in JSON bodies: titles, bodies, names, e-mails, passwords, labels, reasons", async () => {
    const before = await counts();
    await expectProblem(await camille.post(api("/topics"), topic({ title: "Un ti\u0000tre" })), 422, "title");
    await expectProblem(await camille.post(api("/topics"), topic({ body: "Un texte\u0000" })), 422, "body");
    await expectProblem(await camille.post(api(`/topics/${topicId}/posts`), { body: "\u0000" }), 422, "body");
    await expectProblem(await camille.post(api("/cases"), kase({ outcome: "Fin\u0000" })), 422, "outcome");
    await expectProblem(await camille.post(api("/cases"), kase({ context: { notes: "a\u0000b" } })), 422, "context.notes");
    await expectProblem(await camille.patch(api("/me"), { bio: "Formatrice\u0000" }), 422, "bio");
    await expectProblem(await camille.patch(api("/me"), { skills: ["git", "sq\u0000l"] }), 422, "skills.1");
    await expectProblem(await server.client().post(api("/auth/login"), { email: "trainer.paris@demo.compass\u0000", password: "x" }), 422, "email");
    await expectProblem(await server.client().post(api("/auth/login"), { email: "trainer.paris@demo.compass", password: "compass\u0000" }), 422, "password");
    await expectProblem(await lead.post(api("/moderation/actions"), { targetType: "topic", targetId: topicId, action: "pin", reason: "r\u0000" }), 422, "reason");
    await expectProblem(await lead.post(api(`/cases/1/review`), { decision: "request-changes", comment: "\u0000" }), 422, "comment");
    expect(await counts()).toEqual(before);
  });

  it("in query strings and paths", async () => {
    for (const path of [
      "/search?q=%00",
      "/search?q=abc&author=%00",
      "/cases?q=a%00b",
      "/topics?category=%00",
      "/mentions?q=%00",
      "/users?q=%00",
      `/cases/1/identity?reason=%00`,
      "/centres/%00",
      "/invitations/%00",
      "/tags/%00/merge",
    ]) {
      const res = path.startsWith("/tags") ? await lead.post(api(path), { into: "mid-programme" }) : await admin.get(api(path));
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
      expect(res.headers.get("content-type"), path).toMatch(/^application\/problem\+json/);
    }
  });

  it("in page URLs and forms", async () => {
    for (const path of ["/people/%00", "/centres/%00", "/discussions/c/%00", "/invitations/%00", "/reset-password/%00", "/unsubscribe?u=%00&s=%00"]) {
      const res = await camille.get(path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
    }
    const res = await submit(camille, "/discussions/new", [["categoryId", "pedagogy"], ["title", "Un titre\u0000"], ["body", "Un texte."], ["language", "fr"]]);
    expect(res.status).toBe(422);
    expect(errorOf(await res.text(), "title")).toMatch(/caractère nul/);
  });
});

/** Posts an urlencoded form the way a browser without JavaScript does. */
const submit = (client: TestClient, path: string, fields: [string, string][]) =>
  client.request("POST", path, { body: new URLSearchParams(fields).toString(), headers: { "content-type": "application/x-www-form-urlencoded" } });

const decode = (html: string) => html.replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The message shown next to a field (`<p class="field-error" id="error-<field>">`), or "" when there is none. */
function errorOf(html: string, field: string): string {
  const match = new RegExp(`<p class="field-error" id="error-${field.replace(".", "\\.")}"[^>]*>([\\s\\S]*?)</p>`).exec(html);
  return match ? decode(match[1].replace(/<[^>]+>/g, "")) : "";
}

describe("the page forms show the message next to the field", () => {
  it.each(invisibleCorpus.slice(0, 12))("new topic: %s", async (_name, text) => {
    const before = await counts();
    const res = await submit(camille, "/discussions/new", [["categoryId", "pedagogy"], ["title", text], ["body", text], ["language", "fr"]]);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(errorOf(html, "title")).toMatch(invisibleFr);
    expect(errorOf(html, "body")).toMatch(invisibleFr);
    const english = await submit(andrei, "/discussions/new", [["categoryId", "pedagogy"], ["title", text], ["body", "Visible."], ["language", "en"]]);
    expect(english.status).toBe(422);
    expect(errorOf(await english.text(), "title")).toMatch(invisibleEn);
    expect(await counts()).toEqual(before);
  });

  it.each(invisibleCorpus.slice(12, 24))("new case: %s", async (_name, text) => {
    const before = await counts();
    const res = await submit(camille, "/cases/new", [
      ["intent", "publish"],
      ["title", text],
      ["situation", text],
      ["lessons", text],
      ["language", "fr"],
      ["noIdentifiablePeople", "on"],
    ]);
    expect(res.status).toBe(422);
    const html = await res.text();
    for (const field of ["title", "situation", "lessons"]) expect(errorOf(html, field), field).toMatch(invisibleFr);
    expect(await counts()).toEqual(before);
  });

  it("a new topic with a reordering title is stored cleaned", async () => {
    const res = await submit(camille, "/discussions/new", [["categoryId", "pedagogy"], ["title", "\u202EUn titre retourné"], ["body", "Un texte."], ["language", "fr"]]);
    expect(res.status).toBe(302);
    const id = res.headers.get("location")!.split("/").pop();
    expect((await json(await camille.get(api(`/topics/${id}`)), 200)).topic.title).toBe("Un titre retourné");
  });
});
