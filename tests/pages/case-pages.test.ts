import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestClient, type TestServer } from "../setup/harness";
import { api, json, people, unique } from "../discussions/api-helpers";

/**
 * The case pages without JavaScript: the library and its facets, the structured form (validation, personal-data
 * findings, review), the case page's forms (reply, helped, follow-up, review, identity reveal), the moderation log
 * page — for each role and a stranger, and never the anonymous author in the HTML (hydration data included).
 */

let server: TestServer;
let camille: TestClient; // trainer, the author
let helene: TestClient; // trainer, a peer
let host: TestClient;
let lead: TestClient;
let admin: TestClient;
let stranger: TestClient;
let pablo: TestClient; // trainer with nothing else on the platform: the anonymous author
let pabloId = "";

beforeAll(async () => {
  server = await startTestServer({ remix: "development" });
  [camille, helene, host, lead, admin] = await Promise.all([
    server.signedIn(people.trainer),
    server.signedIn(people.peer),
    server.signedIn(people.host),
    server.signedIn(people.lead),
    server.signedIn(people.admin),
  ]);
  stranger = server.client();
  pablo = await server.signedIn("pablo.navarro@demo.compass");
  pabloId = (await json(await pablo.get(api("/me")), 200)).user.id;
}, 120_000);
afterAll(() => server?.stop());

/** Posts an urlencoded form the way a browser without JavaScript does, repeated names included. */
const submit = (client: TestClient, path: string, fields: [string, string][]) =>
  client.request("POST", path, { body: new URLSearchParams(fields).toString(), headers: { "content-type": "application/x-www-form-urlencoded" } });

const page = async (client: TestClient, path: string) => {
  const res = await client.get(path);
  return { status: res.status, html: await res.text(), location: res.headers.get("location") };
};

const decode = (html: string) => html.replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** A case form as the page sends it; `extra` adds or overrides fields. */
function caseForm(title: string, extra: [string, string][] = []): [string, string][] {
  const base: [string, string][] = [
    ["intent", "publish"],
    ["title", title],
    ["context.programme", "web-developer"],
    ["context.week", "6"],
    ["context.groupSize", "14"],
    ["context.learnerProfile", "career-changers"],
    ["context.notes", ""],
    ["situation", `Un apprenant ne vient plus depuis une semaine (${title}).`],
    ["actionsTaken", "Un message court, puis un appel."],
    ["outcome", "Il est revenu."],
    ["lessons", "Appeler tôt."],
    ["questions", "Quels signaux faibles repérez-vous ?"],
    ["tags", "dropout-risk"],
    ["tags", "mid-programme"],
    ["language", "fr"],
    ["noIdentifiablePeople", "on"],
  ];
  const names = new Set(extra.map(([n]) => n));
  return [...base.filter(([n]) => !names.has(n)), ...extra.filter(([, v]) => v !== "\u0000")];
}

const caseIdIn = (location: string | null) => {
  const match = /^\/cases\/(\d+)(\?sent=1)?$/.exec(location ?? "");
  expect(match, `a case page, got ${location}`).not.toBeNull();
  return match![1];
};

async function mineCount(client: TestClient) {
  return (await json(await client.get(api("/cases?status=mine&limit=100")), 200)).items.length as number;
}

describe("case library", () => {
  it("sends strangers to sign in, shows the seeded library with facets and counts to members", async () => {
    const s = await page(stranger, "/cases");
    expect(s.status).toBe(302);
    expect(s.location).toBe("/login?redirectTo=%2Fcases");
    const { status, html } = await page(helene, "/cases");
    expect(status).toBe(200);
    expect(html).toContain("Études de cas");
    expect(html).toMatch(/<h2 id="results-title"[^>]*>\d+ cas<\/h2>/);
    expect(html).toContain('name="tag"');
    expect(html).toContain('name="language"');
    expect(html).toContain('name="country"');
    expect(html).toContain('name="hasFollowUp"');
    expect(html).toContain("Risque de décrochage");
    expect(html).toContain('class="facet-count"');
    expect(html).toMatch(/<a[^>]*aria-current="page"[^>]*>Les plus récents<\/a>/);
  });

  it("filters by facets (AND across groups), sorts, and says so when nothing matches", async () => {
    const title = unique("Facette bibliothèque");
    const res = await submit(camille, "/cases/new", caseForm(title, [["tags", "harassment"], ["language", "es"]]));
    expect(res.status).toBe(302);
    const both = await page(helene, "/cases?tag=harassment&language=es");
    expect(both.html).toContain(title);
    const other = await page(helene, "/cases?tag=harassment&language=ro");
    expect(other.html).not.toContain(title);
    expect(other.html).toContain("Aucun cas ne correspond");
    const sorted = await page(helene, "/cases?sort=discussed");
    expect(sorted.html).toMatch(/<a[^>]*aria-current="page"[^>]*>Les plus discutés<\/a>/);
    const searched = await page(helene, `/cases?q=${encodeURIComponent(title)}`);
    expect(searched.html).toContain(title);
    // Values that cannot be right are named on a 400 page (issue 10), not dropped silently.
    const wrong = await page(helene, "/cases?language=xx&country=france&hasFollowUp=maybe&sort=worst");
    expect(wrong.status).toBe(400);
    for (const param of ["language", "country", "hasFollowUp", "sort"]) expect(decode(wrong.html)).toContain(`Le paramètre «\u00a0${param}\u00a0» n’est pas valide`);
    expect((await page(helene, "/cases?cursor=not-a-cursor")).status).toBe(400);
    const english = await page(await server.signedIn("trainer.bucharest@demo.compass"), "/cases?tag=harassment");
    expect(english.html).toContain("Harassment");
    expect(english.html).toContain("Most recent");
  });

  it("lists the cases awaiting review for leads and admins only", async () => {
    for (const client of [lead, admin]) expect((await page(client, "/cases")).html).toContain("Cas en attente de relecture");
    for (const client of [helene, host]) expect((await page(client, "/cases")).html).not.toContain("Cas en attente de relecture");
  });
});

describe("new case form", () => {
  it("opens for every signed-in role and sends strangers to sign in", async () => {
    for (const client of [camille, host, lead, admin]) {
      const { status, html } = await page(client, "/cases/new");
      expect(status).toBe(200);
      expect(html).toContain('name="situation"');
      expect(html).toContain('name="context.programme"');
      expect(html).toContain('name="noIdentifiablePeople"');
    }
    expect((await page(camille, "/cases/new")).html).toContain("même pour les animateurs, animatrices et administrateurs");
    expect((await page(host, "/cases/new")).html).toContain("not even to leads and admins");
    expect((await page(stranger, "/cases/new")).status).toBe(302);
    const posted = await submit(stranger, "/cases/new", caseForm("Par un inconnu"));
    expect(posted.status).toBe(302);
    expect(posted.headers.get("location")).toMatch(/^\/login/);
  });

  it("answers bad input with 422, errors next to the fields and the typed text kept; nothing stored", async () => {
    const before = await mineCount(camille);
    const res = await submit(camille, "/cases/new", caseForm("Titre gardé", [["situation", "  "], ["context.week", "six"], ["noIdentifiablePeople", "\u0000"], ["tags", "no-such-tag"]]));
    expect(res.status).toBe(422);
    const html = decode(await res.text());
    expect(html).toContain('id="error-situation"');
    expect(html).toContain('id="error-noIdentifiablePeople"');
    expect(html).toContain('id="error-context.week"');
    expect(html).toMatch(/<input[^>]*name="title"[^>]*value="Titre gardé"/);
    expect(html).toContain("Un message court, puis un appel.");
    expect(html).toContain('role="alert"');
    expect(await mineCount(camille)).toBe(before);
    const badTag = await submit(camille, "/cases/new", caseForm("Étiquette inconnue", [["tags", "no-such-tag"]]));
    expect(badTag.status).toBe(422);
    expect(await mineCount(camille)).toBe(before);
  });

  it("flags what looks like personal data next to the field and offers a lead's review; nothing stored", async () => {
    const before = await mineCount(camille);
    const situation = "J'ai écrit à jean.dupont@example.org et appelé le 06 12 34 56 78.";
    const res = await submit(camille, "/cases/new", caseForm("Données personnelles", [["situation", situation]]));
    expect(res.status).toBe(422);
    const html = decode(await res.text());
    expect(html).toMatch(/id="error-situation"[^>]*>[^<]*jean\.dupont@example\.org/);
    expect(html).toContain('name="acknowledgeWarnings"');
    expect(html).toContain("Ce texte semble contenir des données personnelles");
    expect(await mineCount(camille)).toBe(before);

    // "Check the text" says the same and stores nothing.
    const check = await submit(camille, "/cases/new", caseForm("Vérification", [["situation", situation], ["intent", "check"]]));
    expect(check.status).toBe(200);
    expect(decode(await check.text())).toContain("jean.dupont@example.org");
    expect(await mineCount(camille)).toBe(before);

    // Acknowledged: stored for review, seen by its author with the banner, by leads, not by peers.
    const sent = await submit(camille, "/cases/new", caseForm("Envoyé en relecture", [["situation", situation], ["acknowledgeWarnings", "on"]]));
    expect(sent.status).toBe(302);
    expect(sent.headers.get("location")).toMatch(/\?sent=1$/);
    const id = caseIdIn(sent.headers.get("location"));
    expect((await page(camille, `/cases/${id}?sent=1`)).html).toContain("Votre cas a été envoyé en relecture");
    expect((await page(lead, `/cases/${id}`)).html).toContain("Relecture");
    expect((await page(helene, `/cases/${id}`)).status).toBe(404);
    expect((await page(lead, "/cases")).html).toContain("Envoyé en relecture");
  });

  it("shows sensitive topics as warnings when checking, and publishes them without review", async () => {
    const text = "Une apprenante dyslexique avait besoin de plus de temps.";
    const check = await submit(camille, "/cases/new", caseForm("Sujet sensible", [["situation", text], ["intent", "check"]]));
    expect(check.status).toBe(200);
    const html = decode(await check.text());
    expect(html).toContain("Sujets sensibles");
    expect(html).toContain("Rien dans le texte ne ressemble à des données personnelles");
    const res = await submit(camille, "/cases/new", caseForm("Sujet sensible publié", [["situation", text]]));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).not.toContain("sent=1");
    // Published without a check: its author is still reminded on the case page; others are not shown it.
    const published = res.headers.get("location")!;
    expect(decode((await page(camille, published)).html)).toContain("Sujets sensibles");
    expect(decode((await page(helene, published)).html)).not.toContain("Sujets sensibles");
  });
});

describe("an anonymous case, its page and its forms", () => {
  let caseId: string;
  let topicId: string;
  let peerReplyId: string;
  const title = unique("Cas anonyme");

  beforeAll(async () => {
    const res = await submit(pablo, "/cases/new", caseForm(title, [["anonymous", "on"]]));
    expect(res.status).toBe(302);
    caseId = caseIdIn(res.headers.get("location"));
    topicId = (await json(await pablo.get(api(`/cases/${caseId}`)), 200)).case.topicId;
  });

  it("never names its author to others — leads and admins included — in the page or its data", async () => {
    for (const client of [helene, host, lead, admin]) {
      for (const path of [`/cases/${caseId}`, `/cases/${caseId}/print`, "/cases", `/cases?q=${encodeURIComponent(title)}`]) {
        const { status, html } = await page(client, path);
        expect(status, path).toBe(200);
        expect(html).toContain(title);
        expect(html, path).not.toContain(pabloId);
        expect(html, path).not.toContain("Pablo Navarro");
        expect(html, path).not.toContain("pablo.navarro");
      }
      expect((await page(client, `/cases/${caseId}`)).html).toMatch(/Partagé anonymement|Shared anonymously/);
    }
    const own = await page(pablo, `/cases/${caseId}`);
    expect(own.html).toContain("You shared this case anonymously");
    expect((await page(stranger, `/cases/${caseId}`)).status).toBe(302);
    expect((await page(helene, "/cases/999999")).status).toBe(404);
    expect((await page(helene, "/cases/abc")).status).toBe(404);
  });

  it("takes replies through the plain form, in the case's discussion, and its topic URL leads to the case", async () => {
    const res = await submit(helene, `/cases/${caseId}`, [["intent", "reply"], ["body", "Une approche : appeler le jour même."]]);
    expect(res.status).toBe(302);
    const location = res.headers.get("location")!;
    const match = /\?post=(\d+)#post-\d+$/.exec(location);
    expect(match).not.toBeNull();
    peerReplyId = match![1];
    const hop = await page(helene, location.replace(/#.*$/, ""));
    expect(hop.status).toBe(302);
    expect(hop.location).toBe(`/cases/${caseId}?post=${peerReplyId}#post-${peerReplyId}`);
    expect((await page(helene, `/discussions/t/${topicId}`)).location).toBe(`/cases/${caseId}`);
    const shown = await page(helene, `/cases/${caseId}?post=${peerReplyId}`);
    expect(shown.html).toContain(`id="post-${peerReplyId}"`);
    expect(shown.html).toContain("Une approche : appeler le jour même.");

    // The author's own reply stays anonymous to others.
    const own = await submit(pablo, `/cases/${caseId}`, [["intent", "reply"], ["parentId", peerReplyId], ["body", "Merci, je teste lundi."]]);
    expect(own.status).toBe(302);
    for (const client of [helene, lead]) {
      const html = (await page(client, `/cases/${caseId}`)).html;
      expect(html).toContain("Merci, je teste lundi.");
      expect(html).toContain("L’auteur·rice du cas (anonyme)");
      expect(html).not.toContain("Pablo Navarro");
      expect(html).not.toContain(pabloId);
    }
    const empty = await submit(helene, `/cases/${caseId}`, [["intent", "reply"], ["body", "   "]]);
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('id="field-body"');
  });

  it("opens a branch of its discussion on its own page that leads back to the case and keeps the author anonymous", async () => {
    for (const client of [helene, lead]) {
      const { status, html } = await page(client, `/discussions/thread/${peerReplyId}`);
      expect(status).toBe(200);
      expect(html).toContain("Merci, je teste lundi.");
      expect(html).toContain(`href="/cases/${caseId}"`);
      expect(html).toContain("L’auteur·rice du cas (anonyme)");
      expect(html).not.toMatch(/utilisateur supprimé/i);
      expect(html).not.toContain("Pablo Navarro");
      expect(html).not.toContain(pabloId);
    }
  });

  it("lets its author, and only its author, mark a reply as an approach that helped", async () => {
    expect((await submit(helene, `/cases/${caseId}`, [["intent", "helped"], ["postId", peerReplyId], ["on", "1"]])).status).toBe(403);
    expect((await submit(pablo, `/cases/${caseId}`, [["intent", "helped"], ["postId", "abc"], ["on", "1"]])).status).toBe(400);
    expect((await submit(pablo, `/cases/${caseId}`, [["intent", "helped"], ["postId", "999999"], ["on", "1"]])).status).toBe(404);
    const res = await submit(pablo, `/cases/${caseId}`, [["intent", "helped"], ["postId", peerReplyId], ["on", "1"]]);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/cases/${caseId}#post-${peerReplyId}`);
    const html = (await page(helene, `/cases/${caseId}`)).html;
    expect(html).toContain("Les approches qui ont aidé");
    expect(html).toContain("Approche qui a aidé");
    expect(html).toMatch(new RegExp(`id="post-${peerReplyId}" class="[^"]*post-helped`));
    expect(html).not.toMatch(/name="intent" value="helped"/);
    expect((await page(pablo, `/cases/${caseId}`)).html).toMatch(/name="intent" value="helped"/);
  });

  it("lets its author add what happened next; others cannot; an empty one is refused", async () => {
    expect((await submit(pablo, `/cases/${caseId}`, [["intent", "follow-up"], ["followUp", "  "]])).status).toBe(422);
    expect((await submit(helene, `/cases/${caseId}`, [["intent", "follow-up"], ["followUp", "Piraté"]])).status).toBe(403);
    const res = await submit(pablo, `/cases/${caseId}`, [["intent", "follow-up"], ["followUp", "Trois semaines plus tard, **tout va bien**."]]);
    expect(res.status).toBe(302);
    const html = (await page(helene, `/cases/${caseId}`)).html;
    expect(html).toContain("Et ensuite ?");
    expect(html).toContain("<strong>tout va bien</strong>");
    expect((await page(helene, "/cases?hasFollowUp=true")).html).toContain(title);
  });

  it("reveals the author to a lead or an admin only with a reason, and the log page shows the reveal", async () => {
    expect((await page(lead, `/cases/${caseId}`)).html).toContain("Révéler l’identité");
    expect((await page(helene, `/cases/${caseId}`)).html).not.toContain("Révéler l’identité");
    expect((await submit(helene, `/cases/${caseId}`, [["intent", "reveal"], ["reason", "curiosité"]])).status).toBe(403);
    expect((await submit(host, `/cases/${caseId}`, [["intent", "reveal"], ["reason", "curiosité"]])).status).toBe(403);
    const blank = await submit(lead, `/cases/${caseId}`, [["intent", "reveal"], ["reason", "   "]]);
    expect(blank.status).toBe(422);
    const blankHtml = await blank.text();
    expect(blankHtml).toContain('id="error-reason"');
    expect(blankHtml).not.toContain("Pablo Navarro");
    const reason = unique("Signalement grave");
    const res = await submit(lead, `/cases/${caseId}`, [["intent", "reveal"], ["reason", reason]]);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Ce cas a été écrit par");
    expect(html).toContain("Pablo Navarro");
    // The reveal does not stick to the page: the next visit is anonymous again.
    expect((await page(lead, `/cases/${caseId}`)).html).not.toContain("Pablo Navarro");

    const log = await page(admin, "/moderation/log");
    expect(log.status).toBe(200);
    expect(log.html).toContain("Révélation d’identité");
    expect(log.html).toContain(reason);
    expect(log.html).toContain(`href="/cases/${caseId}"`);
    expect(log.html).toContain("Karim Benali");
    for (const client of [helene, host]) expect((await page(client, "/moderation/log")).status).toBe(403);
    expect((await page(stranger, "/moderation/log")).status).toBe(302);
    expect((await page(lead, "/moderation/log?before=abc")).status).toBe(400);
  });

  it("has a print page with the case alone", async () => {
    const { status, html } = await page(helene, `/cases/${caseId}/print`);
    expect(status).toBe(200);
    expect(html).toContain(title);
    expect(html).toContain("Et ensuite ?");
    expect(html).not.toContain('name="intent" value="reply"');
    expect((await page(helene, "/cases/999999/print")).status).toBe(404);
  });
});

describe("review: request changes, edit and resubmit, publish", () => {
  let caseId: string;
  const title = unique("Cas à relire");

  beforeAll(async () => {
    const res = await submit(camille, "/cases/new", caseForm(title, [["situation", "Stage chez Boulangerie Martin SARL, une apprenante en difficulté."], ["acknowledgeWarnings", "on"]]));
    expect(res.status).toBe(302);
    caseId = caseIdIn(res.headers.get("location"));
  });

  it("is for leads and admins; asking for changes needs a comment", async () => {
    expect((await submit(helene, `/cases/${caseId}`, [["intent", "review"], ["decision", "publish"]])).status).toBe(403);
    expect((await submit(camille, `/cases/${caseId}`, [["intent", "review"], ["decision", "publish"]])).status).toBe(403);
    expect((await submit(lead, `/cases/${caseId}`, [["intent", "review"], ["decision", "maybe"]])).status).toBe(422);
    const noComment = await submit(lead, `/cases/${caseId}`, [["intent", "review"], ["decision", "request-changes"], ["comment", ""]]);
    expect(noComment.status).toBe(422);
    expect(await noComment.text()).toContain('id="error-comment"');
    const res = await submit(lead, `/cases/${caseId}`, [["intent", "review"], ["decision", "request-changes"], ["comment", "Retirez le nom de l’entreprise."]]);
    expect(res.status).toBe(302);
    const own = decode((await page(camille, `/cases/${caseId}`)).html);
    expect(own).toContain("Modifications demandées");
    expect(own).toContain("Retirez le nom de l’entreprise.");
    // Not in review any more: a second decision is a conflict.
    expect((await submit(lead, `/cases/${caseId}`, [["intent", "review"], ["decision", "publish"]])).status).toBe(409);
  });

  it("lets only the author edit; the edit page shows the comment and resubmits", async () => {
    expect((await page(lead, `/cases/${caseId}/edit`)).status).toBe(403);
    expect((await page(helene, `/cases/${caseId}/edit`)).status).toBe(404);
    expect((await page(stranger, `/cases/${caseId}/edit`)).status).toBe(302);
    const edit = decode((await page(camille, `/cases/${caseId}/edit`)).html);
    expect(edit).toContain("Retirez le nom de l’entreprise.");
    expect(edit).toMatch(/<input[^>]*name="title"[^>]*value="Cas à relire/);
    expect(edit).toMatch(/<option value="web-developer" selected="">/);
    expect((await submit(lead, `/cases/${caseId}/edit`, caseForm(title))).status).toBe(403);
    const unconfirmed = await submit(camille, `/cases/${caseId}/edit`, caseForm(title, [["noIdentifiablePeople", "\u0000"], ["intent", "save"]]));
    expect(unconfirmed.status).toBe(422);
    const res = await submit(camille, `/cases/${caseId}/edit`, caseForm(title, [["situation", "Une apprenante en difficulté pendant son stage."], ["intent", "save"]]));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/cases/${caseId}?sent=1`);
    expect((await json(await lead.get(api(`/cases/${caseId}`)), 200)).case.status).toBe("in-review");
  });

  it("publishes on a lead's decision, and the log page has the decisions", async () => {
    const res = await submit(admin, `/cases/${caseId}`, [["intent", "review"], ["decision", "publish"], ["comment", ""]]);
    expect(res.status).toBe(302);
    expect((await page(helene, `/cases/${caseId}`)).status).toBe(200);
    const log = (await page(lead, "/moderation/log")).html;
    expect(log).toContain("Cas publié");
    expect(log).toContain("Modifications demandées");
  });
});

describe("moderation desk", () => {
  it("links to the log for leads", async () => {
    const { status, html } = await page(lead, "/moderation");
    expect(status).toBe(200);
    expect(html).toContain('href="/moderation/log"');
    expect((await page(helene, "/moderation")).status).toBe(403);
  });
});

