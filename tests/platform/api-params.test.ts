import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestClient, type TestServer } from "../setup/harness";
import { api, expectProblem, json } from "../discussions/api-helpers";

/**
 * Bad URL parameters through the API (issue 10): every list answers a value that cannot be right with a 400
 * problem+json whose `detail` names the parameter and whose `errors` has `{param: [message]}`, in the caller's
 * language (their setting, else Accept-Language): never "Malformed request" alone, never a silently ignored value.
 */

let server: TestServer;
let fr: Record<"trainer" | "lead" | "admin", TestClient>;
let en: Record<"trainer" | "lead" | "admin", TestClient>;
let topicId = "";

beforeAll(async () => {
  server = await startTestServer();
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
}, 120_000);
afterAll(() => server?.stop());

const sentence = {
  fr: (param: string) => `Le paramètre «\u00a0${param}\u00a0» n’est pas valide`,
  en: (param: string) => `The “${param}” parameter is not valid`,
};

/** 400 naming `param` in `detail` and `errors`, in French and in English; `expected` is part of the French message. */
async function refused(path: string, param: string, expected: RegExp | null, as: "trainer" | "lead" | "admin" = "trainer", status = 400) {
  const french = await expectProblem(await fr[as].get(api(path)), status, param);
  expect(french.detail, path).toContain(sentence.fr(param));
  expect(french.errors[param][0], path).toContain(sentence.fr(param));
  if (expected) expect(french.errors[param][0], path).toMatch(expected);
  const english = await expectProblem(await en[as].get(api(path)), status, param);
  expect(english.detail, path).toContain(sentence.en(param));
  expect(english.errors[param][0], path).toContain(sentence.en(param));
}

/** A cursor this server never wrote. */
const forged = Buffer.from(JSON.stringify(["yesterday", "x"])).toString("base64url");

describe("GET /cases", () => {
  it.each([
    ["sort=bogus", "sort", /choisissez recent, helpful ou discussed/],
    ["language=de", "language", /choisissez fr, en, es, ro ou nl/],
    ["country=france", "country", /deux lettres majuscules/],
    ["hasFollowUp=maybe", "hasFollowUp", /choisissez true ou false/],
    ["status=all", "status", /choisissez published, awaiting-review ou mine/],
    ["limit=0", "limit", /entre 1 et 100/],
    ["limit=abc", "limit", /entre 1 et 100/],
    ["cursor=abc", "cursor", /repartez de la première page/],
    [`cursor=${forged}`, "cursor", /repartez de la première page/],
    ["sort=recent&sort=helpful", "sort", /une seule fois/],
    ["tag=%3Cscript%3E", "tag", null],
    ["tag=dropout-risk&tag=no-such-tag", "tag", /«\u00a0no-such-tag\u00a0» n’existe pas/],
    [`q=${"mot ".repeat(60)}`, "q", /200 caractères au plus/],
    ["q=%E2%80%8B%E2%80%8B", "q", /rien de visible/],
  ])("%s → 400 naming %s", async (qs, param, expected) => {
    await refused(`/cases?${qs}`, param, expected);
  });

  it("names every bad parameter at once, and keeps answering good ones", async () => {
    const problem = await expectProblem(await fr.trainer.get(api("/cases?sort=bogus&language=xx&from=notadate")), 400);
    expect(Object.keys(problem.errors).sort()).toEqual(["language", "sort"]);
    expect(problem.detail).toMatch(/language et sort/);
    // A cursor written for one sort is refused by another.
    const page = await json(await fr.trainer.get(api("/cases?sort=helpful&limit=1")), 200);
    expect(page.nextCursor).toBeTruthy();
    await refused(`/cases?sort=recent&cursor=${page.nextCursor}`, "cursor", /repartez/);
    await json(await fr.trainer.get(api(`/cases?sort=helpful&limit=1&cursor=${page.nextCursor}`)), 200);
    await json(await fr.trainer.get(api("/cases?sort=&language=")), 200); // empty values are absent
  });
});

describe("GET /topics and GET /topics/:id", () => {
  it.each([
    ["sort=bogus", "sort", /choisissez active, latest ou unanswered/],
    ["language=xx", "language", /fr, en, es, ro ou nl/],
    ["limit=101", "limit", /entre 1 et 100/],
    ["cursor=abc", "cursor", /repartez/],
    ["category=no-such-category", "category", /«\u00a0no-such-category\u00a0» n’existe pas/],
    ["tag=no-such-tag", "tag", /«\u00a0no-such-tag\u00a0» n’existe pas/],
    ["sort[x]=1", "sort", null],
  ])("/topics?%s → 400 naming %s", async (qs, param, expected) => {
    await refused(`/topics?${qs}`, param, expected);
  });

  it.each([
    ["cursor=abc", "cursor"],
    ["limit=0", "limit"],
  ])("/topics/:id?%s → 400 naming %s", async (qs, param) => {
    await refused(`/topics/${topicId}?${qs}`, param, null);
  });
});

describe("GET /search", () => {
  it.each([
    ["type=video", "type", /choisissez topic, post ou case/],
    ["language=de", "language", null],
    ["from=hier", "from", /AAAA-MM-JJ/],
    ["to=2026-02-31", "to", /AAAA-MM-JJ/],
    ["cursor=abc", "cursor", /repartez/],
    ["limit=5000", "limit", /entre 1 et 100/],
    ["tag=no-such-tag", "tag", /n’existe pas/],
    ["category=nowhere", "category", /«\u00a0nowhere\u00a0» n’existe pas/],
  ])("%s → 400 naming %s", async (qs, param, expected) => {
    await refused(`/search?q=conflit&${qs}`, param, expected);
  });

  it("a missing or empty query is a 422 naming q", async () => {
    await refused("/search", "q", /Saisissez un ou plusieurs mots/, "trainer", 422);
    await refused("/search?q=%20", "q", /Saisissez un ou plusieurs mots/, "trainer", 422);
  });
});

describe("notifications, moderation log, members, mentions, identity", () => {
  it.each([
    ["/notifications?cursor=abc", "cursor", "trainer"],
    ["/notifications?limit=-1", "limit", "trainer"],
    ["/moderation/log?cursor=x", "cursor", "lead"],
    ["/moderation/log?limit=1000", "limit", "lead"],
    ["/users?role=boss", "role", "admin"],
    ["/users?cursor=abc", "cursor", "admin"],
    ["/users?centreId=nowhere", "centreId", "admin"],
    ["/users?limit=0", "limit", "admin"],
  ] as const)("%s → 400 naming %s", async (path, param, as) => {
    await refused(path, param, null, as);
  });

  it("a mention query too long, and a reveal without a reason, are 422s naming the parameter", async () => {
    await refused(`/mentions?q=${"x".repeat(41)}`, "q", /40 caractères au plus/, "trainer", 422);
    await refused("/cases/1/identity", "reason", /Indiquez pourquoi/, "lead", 422);
  });

  it("a NUL character in a parameter is a 400 naming it, in a path a 404", async () => {
    await refused("/topics?sort=%00", "sort", /caractère nul/);
    await refused("/notifications?whatever=a%00", "whatever", /caractère nul/);
    await expectProblem(await fr.trainer.get(api("/centres/a%00b")), 404);
  });
});
