import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { topics } from "../../db/schema";
import { plainPrefixQuery, safeSnippet } from "../../app/modules/discussions/search.server";
import { startTestServer, type TestClient, type TestServer } from "../setup/harness";

type Hit = { type: string; id: string; title: string; snippet: string; url: string; topicId: string; language: string };

let server: TestServer;
let camille: TestClient; // trainer.paris, writes most topics
let helene: TestClient; // trainer.lyon, replies
let karim: TestClient; // lead

beforeAll(async () => {
  server = await startTestServer({ remix: "development" });
  [camille, helene, karim] = await Promise.all([
    server.signedIn("trainer.paris@demo.compass"),
    server.signedIn("trainer.lyon@demo.compass"),
    server.signedIn("lead@demo.compass"),
  ]);
}, 120_000);
afterAll(() => server?.stop());

async function topic(
  client: TestClient,
  input: { title: string; body: string; language?: string; tags?: string[]; categoryId?: string },
): Promise<{ id: string; url: string; title: string }> {
  const res = await client.post("/api/v1/topics", { categoryId: "classroom-situations", tags: [], language: "fr", ...input });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()).topic;
}

async function reply(client: TestClient, topicId: string, body: string, parentId?: string): Promise<{ id: string }> {
  const res = await client.post(`/api/v1/topics/${topicId}/posts`, { body, parentId });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()).post;
}

async function find(client: TestClient, params: Record<string, string | string[]>): Promise<Hit[]> {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const one of Array.isArray(v) ? v : [v]) qs.append(k, one);
  const res = await client.get(`/api/v1/search?${qs}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()).items;
}

const ids = (hits: Hit[], type = "topic") => hits.filter((h) => h.type === type).map((h) => h.id);

describe("French stemming, accents and plurals", () => {
  it("apprenants finds a topic that says apprenant", async () => {
    const t = await topic(camille, {
      title: "Un apprenant ne vient plus depuis lundi",
      body: "Depuis lundi, un apprenant de ma promo ne se connecte plus à Simplonline et ne répond pas aux messages. Nous sommes en semaine 6, juste avant les premières évaluations.",
      tags: ["dropout-risk"],
    });
    expect(ids(await find(helene, { q: "apprenants" }))).toContain(t.id);
    expect(ids(await find(helene, { q: "Apprenants absents" }))).not.toContain(t.id);
  });

  it("décrocher finds décroche, with or without the accent", async () => {
    const t = await topic(camille, {
      title: "Elle a l’air de lâcher prise",
      body: "Depuis deux semaines, Inès décroche pendant les ateliers de l’après-midi : caméra coupée, pas de commit. Comment aborder le sujet sans la braquer ?",
    });
    expect(ids(await find(helene, { q: "décrocher" }))).toContain(t.id);
    expect(ids(await find(helene, { q: "decrocher" }))).toContain(t.id);
  });

  it("ecole finds école", async () => {
    const t = await topic(camille, {
      title: "Revenir sur les bancs de l’école à 45 ans",
      body: "Une apprenante en reconversion me dit qu’elle n’a pas remis les pieds dans une salle de classe depuis trente ans et qu’elle a peur d’être la plus lente.",
    });
    expect(ids(await find(helene, { q: "ecole" }))).toContain(t.id);
    expect(ids(await find(helene, { q: "ÉCOLE" }))).toContain(t.id);
  });

  it("conflit and conflits meet, both ways", async () => {
    const t = await topic(camille, {
      title: "Tensions dans un groupe projet",
      body: "Gros conflit dans un groupe de quatre sur le projet e-commerce : deux apprenants font tout, les deux autres se sentent mis de côté.",
      tags: ["group-conflict", "group-project"],
    });
    const p = await reply(helene, t.id, "On a eu des conflits de ce genre l’an dernier ; une rétrospective avec un tour de parole a beaucoup aidé.");
    for (const q of ["conflit", "conflits"]) {
      const hits = await find(camille, { q });
      expect(ids(hits), q).toContain(t.id);
      expect(ids(hits, "post"), q).toContain(p.id);
      // Both forms are marked in the snippets, whichever was typed.
      expect(hits.find((h) => h.id === t.id)?.snippet, q).toContain("<mark>conflit</mark>");
      expect(hits.find((h) => h.type === "post" && h.id === p.id)?.snippet, q).toContain("<mark>conflits</mark>");
    }
  });

  it("finds English and Spanish documents in their own language", async () => {
    const en = await topic(camille, {
      title: "A learner keeps missing the morning stand-up",
      body: "One learner has been late to every stand-up this week. He says the bus schedule changed, but I am not sure that is the whole story.",
      language: "en",
    });
    const es = await topic(camille, {
      title: "Un alumno no entrega el proyecto final",
      body: "El alumno dice que no tiene ordenador en casa desde hace un mes y no se atreve a pedir ayuda al grupo.",
      language: "es",
    });
    expect(ids(await find(helene, { q: "learners" }))).toContain(en.id);
    expect(ids(await find(helene, { q: "alumnos" }))).toContain(es.id);
  });
});

describe("ranking and snippets", () => {
  it("a title match ranks above a body match", async () => {
    const inTitle = await topic(camille, {
      title: "Organiser un hackathon solidaire avec la promo",
      body: "Nous voulons consacrer deux jours à un projet pour une association du quartier. Des idées pour constituer les équipes ?",
    });
    const inBody = await topic(helene, {
      title: "Fin de formation : quelles activités pour la dernière semaine ?",
      body: "Avant les certifications, je pensais à un hackathon ou à des présentations de projets personnels devant les entreprises partenaires.",
    });
    const hits = await find(camille, { q: "hackathon", type: "topic" });
    const order = ids(hits);
    expect(order).toContain(inTitle.id);
    expect(order).toContain(inBody.id);
    expect(order.indexOf(inTitle.id)).toBeLessThan(order.indexOf(inBody.id));
  });

  it("highlights the match and never lets markup through", async () => {
    const t = await topic(camille, {
      title: "Un apprenant colle du code trouvé en ligne",
      body: "Pendant la soutenance blanche, il a montré une page qui affichait `<script>alert(document.cookie)</script>` dans un champ de commentaire <img src=x onerror=alert(1)> sans comprendre la faille. Comment expliquer l’échappement sans l’humilier ?",
    });
    const [hit] = (await find(helene, { q: "soutenance blanche" })).filter((h) => h.id === t.id);
    expect(hit).toBeDefined();
    expect(hit.snippet).toMatch(/<mark>soutenance<\/mark>/i);
    expect(hit.snippet).not.toMatch(/<script/i);
    expect(hit.snippet).not.toMatch(/<img/i);
    // The only tags left are the marks.
    expect(hit.snippet.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
    expect(hit.url).toBe(`${server.config.publicUrl}/discussions/t/${t.id}`);
  });

  it("safeSnippet escapes text and balances the marks", () => {
    expect(safeSnippet("a <b> \uE000c\uE001 & \"d\" 'e'")).toBe("a &lt;b&gt; <mark>c</mark> &amp; &quot;d&quot; &#39;e&#39;");
    expect(safeSnippet("\uE000x")).toBe("<mark>x</mark>");
    expect(safeSnippet("x\uE001")).toBe("x");
  });

  it("builds prefix queries from words only", () => {
    expect(plainPrefixQuery("conflit")).toBe("conflit:*");
    expect(plainPrefixQuery("l'école -stage")).toBe("école:* & !stage:*");
    expect(plainPrefixQuery('"projet de groupe" or git')).toBe("((projet:* <-> de <-> groupe:*)) | (git:*)");
    expect(plainPrefixQuery("'); drop table posts; --")).toBe("drop:* & table:* & posts:*");
    expect(plainPrefixQuery("-seul !!")).toBeNull();
  });
});

describe("posts", () => {
  it("a reply carries its topic's title and its permalink", async () => {
    const t = await topic(camille, {
      title: "Enseigner git à des personnes qui découvrent l’ordinateur",
      body: "Ma promo compte plusieurs personnes qui n’avaient jamais utilisé de terminal. Par où commencer ?",
      categoryId: "tech-and-tools",
      tags: ["git", "digital-beginners"],
    });
    const p = await reply(helene, t.id, "Je commence par une métaphore : chaque commit est une photo de l’album de classe, avec une légende.");
    const hits = await find(camille, { q: "métaphore", type: "post" });
    const hit = hits.find((h) => h.id === p.id);
    expect(hit).toMatchObject({ type: "post", title: t.title, topicId: t.id, url: `${server.config.publicUrl}/discussions/t/${t.id}?post=${p.id}#post-${p.id}` });
    expect(hits.every((h) => h.type === "post")).toBe(true);
    expect(await find(camille, { q: "métaphore", type: "case" })).toEqual([]);
  });
});

describe("what may not be seen", () => {
  it("hidden topics, deleted posts and posts of hidden topics never appear, for their authors and leads too", async () => {
    const hidden = await topic(camille, {
      title: "Signalement : propos déplacés en salle zanzibar",
      body: "Un apprenant a tenu des propos déplacés en salle zanzibar pendant la pause.",
    });
    const inHidden = await reply(helene, hidden.id, "Réponse dans la salle zanzibar, à ne plus montrer.");
    const shown = await topic(camille, { title: "Planning de la salle zanzibar", body: "La salle zanzibar est réservée jeudi pour les entretiens de stage." });
    const kept = await reply(helene, shown.id, "Merci, je note pour la salle zanzibar.");
    const removed = await reply(helene, shown.id, "Salle zanzibar : message envoyé par erreur.");
    expect((await helene.delete(`/api/v1/posts/${removed.id}`)).status).toBe(204);
    await server.services.db.update(topics).set({ visibility: "hidden" }).where(eq(topics.id, Number(hidden.id)));
    const deleted = await topic(camille, { title: "Brouillon zanzibar", body: "Brouillon sur la salle zanzibar." });
    await server.services.db.update(topics).set({ visibility: "deleted" }).where(eq(topics.id, Number(deleted.id)));

    for (const client of [camille, helene, karim]) {
      const hits = await find(client, { q: "zanzibar" });
      expect(ids(hits)).toEqual([shown.id]);
      expect(ids(hits, "post")).toEqual([kept.id]);
      expect(ids(hits, "post")).not.toContain(inHidden.id);
      const all = JSON.stringify(hits);
      for (const id of [hidden.id, deleted.id]) expect(all).not.toContain(`/discussions/t/${id}`);
      expect(all).not.toContain("déplacés");
      expect(all).not.toContain("par erreur");
      expect(all).not.toContain("ne plus montrer");
    }
  });

  it("answers 401 to a stranger, 422 without a query and 400 for a malformed parameter", async () => {
    const stranger = server.client();
    expect((await stranger.get("/api/v1/search?q=conflit")).status).toBe(401);
    for (const qs of ["", "q=", "q=%20%20", `q=${"a".repeat(201)}`]) {
      const res = await camille.get(`/api/v1/search?${qs}`);
      expect(res.status, qs).toBe(422);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect((await res.json()).errors.q).toHaveLength(1);
    }
    for (const qs of ["type=video", "language=de", "limit=0", "limit=101", "from=hier", "to=2026-13-45", "cursor=abc", "tag=%3Cscript%3E", "q=a&q=b", "type=topic&type=post"]) {
      expect((await camille.get(`/api/v1/search?q=conflit&${qs}`)).status, qs).toBe(400);
    }
    expect((await camille.get("/api/v1/search?q=%21%21%21")).status).toBe(200);
  });
});

describe("filters", () => {
  it("tags combine with AND", async () => {
    const both = await topic(camille, {
      title: "Répartir les rôles dans un projet de groupe",
      body: "Dans l’équipe vermillon, deux personnes se disputent le rôle de scrum master et le reste du groupe subit.",
      tags: ["group-conflict", "group-project"],
    });
    const one = await topic(camille, {
      title: "Une dispute qui déborde sur la promo",
      body: "La dispute de l’équipe vermillon a fini par diviser toute la promo en deux camps.",
      tags: ["group-conflict"],
    });
    expect(ids(await find(helene, { q: "vermillon", tag: ["group-conflict", "group-project"] }))).toEqual([both.id]);
    expect(ids(await find(helene, { q: "vermillon", tag: "group-conflict" })).sort()).toEqual([both.id, one.id].sort());
    expect(await find(helene, { q: "vermillon", tag: "harassment" })).toEqual([]);
  });

  it("language, category, author and dates", async () => {
    const fr = await topic(camille, { title: "Le kanban de la promo", body: "Nous utilisons un tableau kanban pour suivre les projets fil rouge." });
    const en = await topic(helene, {
      title: "Our kanban board",
      body: "We keep a kanban board for the capstone projects and review it every Friday.",
      language: "en",
      categoryId: "pedagogy",
    });
    const r = await reply(karim, fr.id, "Le kanban, c’est aussi un bon support pour les points individuels.");
    expect(ids(await find(camille, { q: "kanban", language: "en" }))).toEqual([en.id]);
    expect(ids(await find(camille, { q: "kanban", language: "fr" }))).toEqual([fr.id]);
    expect(ids(await find(camille, { q: "kanban", language: "fr" }), "post")).toEqual([r.id]);
    expect(ids(await find(camille, { q: "kanban", category: "pedagogy" }))).toEqual([en.id]);
    expect(ids(await find(camille, { q: "kanban", author: "helene.rousseau" }))).toEqual([en.id]);
    expect(ids(await find(camille, { q: "kanban", author: "karim.benali" }), "post")).toEqual([r.id]);
    expect(await find(camille, { q: "kanban", author: "personne.inconnue" })).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect(ids(await find(camille, { q: "kanban", from: today, to: today })).sort()).toEqual([fr.id, en.id].sort());
    expect(await find(camille, { q: "kanban", to: "2020-01-01" })).toEqual([]);
    expect(await find(camille, { q: "kanban", from: "2099-01-01T00:00:00Z" })).toEqual([]);
  });

  it("pages through results with a cursor", async () => {
    const made: string[] = [];
    for (let i = 1; i <= 5; i++) {
      made.push((await topic(camille, { title: `Atelier capoeira numéro ${i}`, body: `Retour sur l’atelier capoeira ${i} avec la promo du soir.` })).id);
    }
    const first = await (await helene.get("/api/v1/search?q=capoeira&limit=3")).json();
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).toBeTruthy();
    const second = await (await helene.get(`/api/v1/search?q=capoeira&limit=3&cursor=${first.nextCursor}`)).json();
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((h: Hit) => h.id).sort()).toEqual(made.sort());
  });
});

describe("a word in many documents", () => {
  it("ranks among the most recent matches and still leaves out what may not be seen", async () => {
    const t = await topic(camille, {
      title: "Suivi des périodes d’alternance",
      body: "Un fil pour noter, semaine après semaine, comment se passent les périodes d’alternance de la promo.",
      tags: ["internship-search"],
    });
    const replies: string[] = [];
    for (let i = 1; i <= 110; i++) {
      const who = i % 2 ? helene : camille;
      replies.push((await reply(who, t.id, `Semaine ${i} : l’alternance se passe bien pour la plupart, deux entreprises attendent encore les conventions.`)).id);
    }
    const removed = replies[100];
    expect((await helene.delete(`/api/v1/posts/${removed}`)).status).toBe(204);
    const first = await (await camille.get("/api/v1/search?q=alternance&type=post&limit=100")).json();
    expect(first.items).toHaveLength(100);
    const second = await (await camille.get(`/api/v1/search?q=alternance&type=post&limit=100&cursor=${first.nextCursor}`)).json();
    // The demo discussions talk about work-study too: only this thread's replies are counted.
    const found = [...first.items, ...second.items].filter((h: Hit) => h.topicId === t.id).map((h: Hit) => h.id);
    expect(new Set(found).size).toBe(found.length);
    expect(found.sort()).toEqual(replies.filter((id) => id !== removed).sort());
    expect(second.nextCursor).toBeNull();
    await server.services.db.update(topics).set({ visibility: "hidden" }).where(eq(topics.id, Number(t.id)));
    expect((await find(karim, { q: "alternance", type: "post" })).filter((h: Hit) => h.topicId === t.id)).toEqual([]);
  });
});

describe("the search page", () => {
  it("is for members only", async () => {
    const res = await server.client().get("/search?q=conflit");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/login?redirectTo=${encodeURIComponent("/search?q=conflit")}`);
  });

  it("explains how to search before anything is typed, in French and in English", async () => {
    const fr = await camille.get("/search");
    expect(fr.status).toBe(200);
    const html = await fr.text();
    expect(html).toMatch(/<form[^>]*method="get"[^>]*action="\/search"|<form[^>]*action="\/search"[^>]*method="get"/);
    expect(html).toMatch(/<input[^>]*name="q"/);
    expect(html).toContain("Que cherchez-vous ?");
    const lucia = await server.signedIn("host.madrid@demo.compass"); // reads the app in English
    const en = await (await lucia.get("/search")).text();
    expect(en).toContain("What are you looking for?");
    expect(en).toContain('<html lang="en"');
  });

  it("shows ranked results with safe highlighted snippets and links to the topic or the reply", async () => {
    const t = await topic(camille, {
      title: "Une apprenante veut abandonner avant la période d’immersion",
      body: "Elle dit que la période d’immersion en entreprise lui fait peur et parle d’abandonner. Le code `<script>alert(\"immersion\")</script>` l’avait pourtant amusée.",
    });
    const p = await reply(helene, t.id, "Pour l’immersion, nous faisons venir d’anciens apprenants qui racontent leur première semaine.");
    const res = await camille.get("/search?q=immersion");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`href="/discussions/t/${t.id}"`);
    expect(html).toContain(`href="/discussions/t/${t.id}?post=${p.id}#post-${p.id}"`);
    expect(html).toContain("<mark>immersion</mark>");
    expect(html).not.toContain('<script>alert("immersion")');
    expect(html).not.toMatch(/<script>alert\(/);
  });

  it("says when nothing matches, keeps the filters, and refuses a query that is too long", async () => {
    const none = await (await camille.get("/search?q=xylophone&language=nl")).text();
    expect(none).toContain("Aucun résultat pour «\u00a0xylophone\u00a0»");
    expect(none).toMatch(/<option value="nl" selected=""/);
    const long = await camille.get(`/search?q=${"mot ".repeat(60)}`);
    expect(long.status).toBe(422);
    expect(await long.text()).toContain("200 caractères au plus");
    // Filters that cannot be right are named on a 400 page (issue 10), not dropped silently.
    const odd = await camille.get("/search?q=conflit&type=video&language=xx&limit=5000");
    expect(odd.status).toBe(400);
    const oddHtml = (await odd.text()).replace(/&#x27;/g, "'");
    for (const param of ["type", "language", "limit"]) expect(oddHtml).toContain(`Le paramètre «\u00a0${param}\u00a0» n’est pas valide`);
  });
});
