import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestClient, type TestServer } from "../setup/harness";
import { api, json } from "../discussions/api-helpers";

/**
 * Bad URL parameters on the pages (issue 10): a value that cannot be right answers a 400 page in the reader's
 * language that names the parameter and what it expects, with a link to the same page without it — never a silently
 * ignored value, never "Bad request" in English inside the French interface. And the error page of every status
 * speaks the reader's language.
 */

let server: TestServer;
type Who = "trainer" | "lead" | "admin";
let fr: Record<Who, TestClient>;
let en: Record<Who, TestClient>;
let topicId = "";
let postId = "";
let caseId = "";

beforeAll(async () => {
  server = await startTestServer({ remix: "development" });
  const [camille, karim, sophie, andrei, montserrat, amelie] = await Promise.all([
    server.signedIn("trainer.paris@demo.compass"),
    server.signedIn("lead@demo.compass"),
    server.signedIn("admin@demo.compass"),
    server.signedIn("trainer.bucharest@demo.compass"),
    server.signedIn("montserrat.puig@demo.compass"),
    server.signedIn("amelie.dubois@demo.compass"),
  ]);
  await json(await amelie.patch(api("/me"), { locale: "en" }), 200);
  fr = { trainer: camille, lead: karim, admin: sophie };
  en = { trainer: andrei, lead: montserrat, admin: amelie };
  topicId = (await json(await camille.post(api("/topics"), { categoryId: "pedagogy", title: "Un sujet", body: "Un texte.", tags: [], language: "fr" }), 201)).topic.id;
  postId = (await json(await andrei.post(api(`/topics/${topicId}/posts`), { body: "A reply." }), 201)).post.id;
  const kase = { title: "Un cas publié", context: {}, situation: "Un apprenant ne vient plus.", language: "fr", noIdentifiablePeople: true };
  caseId = (await json(await camille.post(api("/cases"), kase), 201)).case.id;
}, 120_000);
afterAll(() => server?.stop());

const decode = (html: string) =>
  html.replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The page's <main>, as text and with its links. */
async function open(client: TestClient, path: string) {
  const res = await client.get(path);
  const html = decode(await res.text());
  const main = /<main[\s\S]*?<\/main>/.exec(html)?.[0] ?? "";
  return { status: res.status, main, text: main.replace(/<[^>]+>/g, " ").replace(/[ \t\r\n]+/g, " "), lang: /<html lang="(\w+)"/.exec(html)?.[1] };
}

const named = {
  fr: (param: string) => `Le paramètre «\u00a0${param}\u00a0» n’est pas valide`,
  en: (param: string) => `The “${param}” parameter is not valid`,
};

/** A 400 page naming `param` (French and English), whose "without it" link is `retry`. */
async function refused(path: string, param: string, retry: string, as: Who = "trainer", expected?: RegExp) {
  const french = await open(fr[as], path);
  expect(french.status, path).toBe(400);
  expect(french.lang).toBe("fr");
  expect(french.text, path).toContain("Demande incorrecte");
  expect(french.text, path).toContain(named.fr(param));
  if (expected) expect(french.text, path).toMatch(expected);
  expect(french.text).not.toContain("Bad request");
  expect(french.main, path).toContain(`href="${retry}"`);
  expect(french.text).toMatch(/Ouvrir la page sans ce(s)? paramètre/);
  const english = await open(en[as], path);
  expect(english.status, path).toBe(400);
  expect(english.lang).toBe("en");
  expect(english.text, path).toContain("Bad request");
  expect(english.text, path).toContain(named.en(param));
  expect(english.main, path).toContain(`href="${retry}"`);
}

describe("the case library", () => {
  it.each([
    ["/cases?from=notadate&sort=bogus", "sort", "/cases?from=notadate", /choisissez recent, helpful ou discussed/],
    ["/cases?language=de", "language", "/cases", /choisissez fr, en, es, ro ou nl/],
    ["/cases?country=france&sort=helpful", "country", "/cases?sort=helpful", /deux lettres majuscules/],
    ["/cases?hasFollowUp=maybe", "hasFollowUp", "/cases", /true ou false/],
    ["/cases?tag=dropout-risk&tag=no-such-tag", "tag", "/cases", /«\u00a0no-such-tag\u00a0» n’existe pas/],
    ["/cases?cursor=abc", "cursor", "/cases", /repartez de la première page/],
    ["/cases?q=%E2%80%8B", "q", "/cases", /rien de visible/],
  ])("%s names %s", async (path, param, retry, expected) => {
    await refused(path, param, retry, "trainer", expected);
  });

  it("the review list's page cursor too (leads), and the page without the bad values works", async () => {
    await refused("/cases?reviewCursor=abc", "reviewCursor", "/cases", "lead");
    expect((await open(fr.trainer, "/cases?from=notadate")).status).toBe(200);
  });
});

describe("discussions", () => {
  it.each([
    ["/discussions?sort=bogus&tag=git", "sort", "/discussions?tag=git", /active, latest ou unanswered/],
    ["/discussions?language=xx", "language", "/discussions", /fr, en, es, ro ou nl/],
    ["/discussions?tag=no-such-tag", "tag", "/discussions", /n’existe pas/],
    ["/discussions?category=nowhere", "category", "/discussions", /«\u00a0nowhere\u00a0» n’existe pas/],
    ["/discussions?cursor=abc", "cursor", "/discussions", /repartez/],
    ["/discussions/c/pedagogy?sort=worst", "sort", "/discussions/c/pedagogy", null],
    ["/discussions/c/pedagogy?tag=nope", "tag", "/discussions/c/pedagogy", null],
    ["/discussions/new?category=nowhere", "category", "/discussions/new", /n’existe pas/],
  ])("%s names %s", async (path, param, retry, expected) => {
    await refused(path, param, retry, "trainer", expected ?? undefined);
  });

  it("a topic page, a case page and a thread page name their cursor, post and flags", async () => {
    await refused(`/discussions/t/${topicId}?cursor=abc`, "cursor", `/discussions/t/${topicId}`);
    await refused(`/discussions/t/${topicId}?post=abc`, "post", `/discussions/t/${topicId}`, "trainer", /identifiant numérique/);
    await refused(`/discussions/t/${topicId}?unread=yes`, "unread", `/discussions/t/${topicId}`);
    await refused(`/cases/${caseId}?cursor=x&sent=1`, "cursor", `/cases/${caseId}?sent=1`);
    await refused(`/cases/${caseId}?sent=yes`, "sent", `/cases/${caseId}`);
    await refused(`/discussions/thread/${postId}?post=-1`, "post", `/discussions/thread/${postId}`);
  });
});

describe("search, notifications, the moderation log, the admin's list, the centres", () => {
  it.each([
    ["/search?q=conflit&type=video", "type", "/search?q=conflit", "trainer", /topic, post ou case/],
    ["/search?q=conflit&from=hier", "from", "/search?q=conflit", "trainer", /AAAA-MM-JJ/],
    ["/search?q=conflit&to=2026-02-31", "to", "/search?q=conflit", "trainer", /AAAA-MM-JJ/],
    ["/search?q=conflit&tag=nope", "tag", "/search?q=conflit", "trainer", /n’existe pas/],
    ["/search?q=conflit&cursor=x", "cursor", "/search?q=conflit", "trainer", /repartez/],
    ["/search?q=conflit&q=stage&type=topic", "q", "/search?type=topic", "trainer", /une seule fois/],
    ["/notifications?before=abc", "before", "/notifications", "trainer", /repartez/],
    ["/notifications?open=abc", "open", "/notifications", "trainer", /identifiant numérique/],
    ["/notifications?marked=some", "marked", "/notifications", "trainer", /one ou all/],
    ["/moderation/log?before=abc", "before", "/moderation/log", "lead", /repartez/],
    ["/admin/users?role=boss", "role", "/admin/users", "admin", /trainer, host, lead ou admin/],
    ["/admin/users?centre=nowhere&q=a", "centre", "/admin/users?q=a", "admin", /«\u00a0nowhere\u00a0» n’existe pas/],
    ["/admin/users?after=abc", "after", "/admin/users", "admin", /repartez/],
    ["/centres?country=XX", "country", "/centres", "trainer", /choisissez/],
    ["/centres?organisation=Acme", "organisation", "/centres", "trainer", /Simplon/],
  ] as const)("%s names %s", async (path, param, retry, as, expected) => {
    await refused(path, param, retry, as, expected);
  });

  it("names several parameters at once with one link without them all", async () => {
    const page = await open(fr.trainer, "/discussions?sort=x&language=de&tag=git");
    expect(page.status).toBe(400);
    expect(page.text).toContain(named.fr("sort"));
    expect(page.text).toContain(named.fr("language"));
    expect(page.main).toContain('href="/discussions?tag=git"');
    expect(page.text).toContain("Ouvrir la page sans ces paramètres");
  });

  it("a single-fetch navigation (.data) links back to the page itself", async () => {
    const res = await fr.trainer.get("/cases.data?sort=bogus");
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(body).toContain("badParams");
    expect(body).toContain('"/cases"');
  });
});

describe("the error page of every status speaks the reader's language", () => {
  it("404, 403, 405 in French and English, without the framework's English text", async () => {
    const cases: [string, "GET" | "POST", Who, number, string, string][] = [
      ["/no/such/page", "GET", "trainer", 404, "Page introuvable", "Page not found"],
      ["/moderation/log", "GET", "trainer", 403, "Accès refusé", "Access denied"],
      ["/centres", "POST", "trainer", 405, "Action impossible ici", "Not possible here"],
    ];
    for (const [path, method, as, status, french, english] of cases) {
      for (const [client, title, other] of [
        [fr[as], french, english],
        [en[as], english, french],
      ] as const) {
        const res = await client.request(method, path, method === "POST" ? { form: { x: "1" } } : {});
        expect(res.status, path).toBe(status);
        const html = decode(await res.text());
        const text = (/<main[\s\S]*?<\/main>/.exec(html)?.[0] ?? html).replace(/<[^>]+>/g, " ");
        expect(text, path).toContain(title);
        expect(text, path).not.toContain(other);
        expect(text, path).not.toMatch(/You made a POST request|did not provide an `action`/);
      }
    }
  });
});
