import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import {
  conjunctiveAlternatives,
  indexFriendly,
  indexTemplate,
  prepareQuery,
  rankCandidates,
  recentWindow,
  candidateLimit,
  type SourceContext,
} from "../../app/modules/discussions/search.server";
import { startTestServer, type TestClient, type TestServer } from "../setup/harness";

/**
 * Search finds a query's candidates by whichever path the data calls for (search.server.ts, `boundedCandidates`):
 * the recent walk for a common query, the newest ids' range of the GIN indexes for a moderately common one, every
 * match otherwise; and the indexes are asked with prefixes turned into the words that start with them. Whatever the
 * path, the results are those of the plain definition: the newest `candidateLimit` matches (or, for a common query,
 * the matches among the `recentWindow` newest replies), ranked.
 */

type Hit = { type: string; id: string; topicId: string };

let server: TestServer;
let camille: TestClient;
let helene: TestClient;

beforeAll(async () => {
  server = await startTestServer();
  [camille, helene] = await Promise.all([server.signedIn("trainer.paris@demo.compass"), server.signedIn("trainer.lyon@demo.compass")]);
}, 120_000);
afterAll(() => server?.stop());

async function topic(client: TestClient, input: { title: string; body: string }): Promise<{ id: string }> {
  const res = await client.post("/api/v1/topics", { categoryId: "classroom-situations", tags: [], language: "fr", ...input });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()).topic;
}

async function reply(client: TestClient, topicId: string, body: string): Promise<{ id: string }> {
  const res = await client.post(`/api/v1/topics/${topicId}/posts`, { body });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()).post;
}

async function find(client: TestClient, params: Record<string, string>): Promise<{ items: Hit[]; nextCursor: string | null }> {
  const res = await client.get(`/api/v1/search?${new URLSearchParams(params)}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}

describe("the form the GIN indexes are asked with", () => {
  it("reads a query's alternatives when it is an OR of ANDs, and nothing else", () => {
    expect(conjunctiveAlternatives("'conflit':* & 'groupe':* | 'confl':* & 'group':*")).toEqual([
      [
        { lexeme: "conflit", prefix: true },
        { lexeme: "groupe", prefix: true },
      ],
      [
        { lexeme: "confl", prefix: true },
        { lexeme: "group", prefix: true },
      ],
    ]);
    expect(conjunctiveAlternatives("( 'a''b' & 'c\\\\d' ) | ( 'x':* )")).toEqual([
      [
        { lexeme: "a'b", prefix: false },
        { lexeme: "c\\d", prefix: false },
      ],
      [{ lexeme: "x", prefix: true }],
    ]);
    for (const other of ["'a' & !'b'", "'a' <-> 'b'", "'a' <2> 'b'", "'a':A", "'a':*B", "'a' & ( 'b' | 'c' )", "( 'a' | 'b' ) & 'c'", "'a' &", "( 'a'", "'a"]) {
      expect(conjunctiveAlternatives(other), other).toBeNull();
    }
  });

  it("drops the alternatives another one finds, and takes the shared words out of the OR", () => {
    const t = (lexeme: string, prefix = false) => ({ lexeme, prefix });
    // conflit:* & groupe:* and conflit:* & group:* find nothing that confl:* & group:* does not.
    expect(
      indexFriendly([
        [t("conflit", true), t("groupe", true)],
        [t("confl", true), t("group", true)],
        [t("conflit", true), t("group", true), t("dans", true)],
      ]),
    ).toEqual({ common: [t("confl", true), t("group", true)], rest: [] });
    expect(
      indexFriendly([
        [t("internship"), t("screen"), t("read")],
        [t("internship"), t("screen"), t("reader")],
        [t("internship"), t("scren"), t("reader")],
      ]),
    ).toEqual({ common: [t("internship")], rest: [[t("screen"), t("read")], [t("screen"), t("reader")], [t("scren"), t("reader")]] });
    // A whole word does not cover a longer one, a prefix does not cover a shorter one.
    expect(indexFriendly([[t("group")], [t("groupe")]])).toEqual({ common: [], rest: [[t("group")], [t("groupe")]] });
    expect(indexFriendly([[t("groupe", true)], [t("group")]])).toEqual({ common: [], rest: [[t("groupe", true)], [t("group")]] });
    expect(indexFriendly([[t("a"), t("b")], [t("a")]])).toEqual({ common: [t("a")], rest: [] });
  });
  it("marks the prefixes that the statement writes as the words that start with them", () => {
    expect(indexTemplate("'conflit':* & 'groupe':* | 'confl':* & 'group':*")).toBe("\u0001confl\u0001 & \u0001group\u0001");
    expect(indexTemplate("'intern' & 'screen' | 'internship' & 'screen'")).toBe("'screen' & ( ( 'intern' ) | ( 'internship' ) )");
    // Quotes and backslashes stay quoted (a tsquery doubles both) in whole words, and are left to the statement in prefixes.
    expect(indexTemplate("'l''é\\\\t':* & 'x''y' | 'z'")).toBe("( ( \u0001l'é\\t\u0001 & 'x''y' ) | ( 'z' ) )");
    // Negations and phrases are asked as they are.
    expect(indexTemplate("'a':* & !'b'")).toBe("'a':* & !'b'");
    expect(indexTemplate("'a' <-> 'b':*")).toBe("'a' <-> 'b':*");
  });
});

describe("words written after the index was built", () => {
  it("a prefix finds every word that starts with it: new topics, replies and cases, and edited ones", async () => {
    // Each word below but "wombat" stems to something else than "wombat": only the prefix finds it.
    const first = await topic(camille, { title: "Un wombat en peluche pour la promo", body: "Il sert de bâton de parole pendant les rétrospectives." });
    const second = await topic(helene, { title: "Des wombatoïdes en pâte à modeler", body: "Chaque équipe a fabriqué le sien." });
    const other = await topic(helene, { title: "Les mascottes de promo", body: "Chez nous, c'est un hibou." });
    const inserted = await reply(helene, first.id, "Nos wombatières mascottes voyagent de centre en centre.");
    const edited = await reply(camille, other.id, "Une mascotte, pourquoi pas.");
    const res = await camille.patch(`/api/v1/posts/${edited.id}`, { body: "Une mascotte wombatesque, pourquoi pas." });
    expect(res.status, await res.clone().text()).toBe(200);
    const renamed = await topic(helene, { title: "Le bâton de parole", body: "Un objet qui circule pour donner la parole." });
    expect((await helene.patch(`/api/v1/topics/${renamed.id}`, { title: "Le bâton de parole wombatisé" })).status).toBe(200);
    const kase = await camille.post("/api/v1/cases", {
      title: "Une passion contagieuse dans la promo",
      context: { programme: "web-developer", week: 6, groupSize: 14, learnerProfile: "career-changers" },
      situation: "Toute la promo s'est mise à dessiner des marsupiaux sur les maquettes du projet.",
      // Only in the case's own text (its discussion topic carries the title alone).
      actionsTaken: "Nous avons invité des wombatologues à en parler.",
      outcome: "Les rétrospectives sont plus détendues.",
      lessons: "Laisser vivre les rituels.",
      questions: "Jusqu'où laisser aller ?",
      tags: ["group-project"],
      language: "fr",
      anonymous: false,
      noIdentifiablePeople: true,
    });
    expect(kase.status, await kase.clone().text()).toBe(201);
    const caseId = (await kase.json()).case.id;

    const hits = (await find(helene, { q: "wombat", limit: "50" })).items;
    const found = (type: string) => hits.filter((h) => h.type === type).map((h) => h.id).sort();
    expect(found("topic")).toEqual([first.id, second.id, renamed.id].sort());
    expect(found("post")).toEqual([inserted.id, edited.id].sort());
    expect(found("case")).toEqual([String(caseId)]);
    // Two words, both prefixes of what was written.
    expect((await find(helene, { q: "wombat mascott", type: "post" })).items.map((h) => h.id).sort()).toEqual([inserted.id, edited.id].sort());
  });
});

describe("a query's candidates, whichever path finds them", () => {
  const total = 12_000;
  let shown: string;
  let hiddenTopic: string;

  beforeAll(async () => {
    shown = (await topic(camille, { title: "Journal de bord de l'atelier musique", body: "Un point par séance." })).id;
    hiddenTopic = (await topic(camille, { title: "Brouillon de l'atelier musique", body: "À ne pas montrer." })).id;
    await server.services.db.execute(sql`update topics set visibility = 'hidden' where id = ${hiddenTopic}`);
    // `total` replies, oldest first (ids and dates grow together), a few hidden or in the hidden topic. Each query's
    // words are spread so that one path finds its candidates (i: the reply's rank, 1 the oldest; the newest
    // `recentWindow` are i > total - recentWindow):
    // - "tamarin ocarina": every 25th reply, some 4% of them: a moderately common query, whose newest 200 matches
    //   lie in the newest ids' range;
    // - "cithare marimba": every 25th of the newest replies, then none down to the oldest 3,000, every 10th there:
    //   the newest ids' range holds too few, every match is needed;
    // - "balalaika theremin": none among the newest, every 20th before: the walk finds none;
    // - "luthier accordéon": every 5th reply, a common query ranked among the newest replies.
    const newest = total - recentWindow;
    await server.services.db.execute(sql`
      insert into posts (id, topic_id, root_id, path, depth, author_id, body, body_html, body_text, language, visibility, created_at)
      select s.id, case when s.i % 97 = 0 then ${hiddenTopic}::bigint else ${shown}::bigint end, s.id, array[s.id], 0,
        (select id from users where email = 'trainer.lyon@demo.compass'), b.text, '<p>' || b.text || '</p>', b.text, 'fr',
        case when s.i % 61 = 0 then 'hidden' else 'visible' end, now() - (${total} - s.i) * interval '1 minute'
      from (select nextval(pg_get_serial_sequence('posts', 'id')) as id, i from generate_series(1, ${total}) i) s,
      lateral (select concat_ws(' ', 'Séance', s.i, 'de l''atelier.',
        case when s.i % 25 = 0 then (array['Un tamarin a emprunté l''ocarina.', 'Des tamarins et leurs ocarinas.', 'Les Tamariniers cachent un ocarina.'])[1 + (s.i / 25) % 3] end,
        case when (s.i > ${newest} and s.i % 25 = 5) or (s.i <= 3000 and s.i % 10 = 0) then 'La cithare répond au marimba.' end,
        case when s.i <= ${newest} and s.i % 20 = 3 then 'Une balalaïka et un thérémine.' end,
        case when s.i % 5 = 1 then 'Le luthier a réparé l''accordéon.' end) as text) b`);
  }, 120_000);

  /** The definition: the viewer's visible replies that match, the newest `candidateLimit` (or those among the `recentWindow` newest), ranked. */
  async function expected(q: string, among: "newest" | "recent"): Promise<string[]> {
    const query = (await prepareQuery(server.services.db, q, undefined))!;
    const hit = query.stem ? sql`(p.search @@ ${query.stem} or p.search_plain @@ ${query.plain})` : sql`p.search_plain @@ ${query.plain}`;
    const pool = among === "recent" ? sql`(select * from posts p where p.visibility = 'visible' order by p.id desc limit ${recentWindow}) p` : sql`posts p`;
    const candidates = sql`(select p.id, p.created_at as at, p.search, p.search_plain from ${pool}
      where p.visibility = 'visible' and ${hit}
        and exists (select 1 from topics t where t.id = p.topic_id and t.visibility = 'visible' and t.kind = 'discussion')
      order by p.id desc limit ${candidateLimit})`;
    const ranked = rankCandidates(candidates, { query } as SourceContext, candidateLimit);
    const rows = await queryRows<{ id: string }>(server.services.db, sql`select r.id::text as id from (${ranked}) r order by r.rank desc, r.at desc`);
    return rows.map((r) => r.id);
  }

  async function searched(q: string): Promise<string[]> {
    const first = await find(helene, { q, type: "post", limit: "100" });
    const second = first.nextCursor ? (await find(helene, { q, type: "post", limit: "100", cursor: first.nextCursor })).items : [];
    return [...first.items, ...second].map((h) => h.id);
  }

  it("a moderately common query: its newest matches, from the newest ids' range", async () => {
    const want = await expected("tamarin ocarina", "newest");
    expect(want).toHaveLength(candidateLimit);
    expect(await searched("tamarin ocarina")).toEqual(want);
    // Typed otherwise, the same words.
    expect(await searched("Tamarins ocarinas")).toEqual(await expected("Tamarins ocarinas", "newest"));
  });

  it("matches spread over old and new replies: the newest ids' range holds too few, and every match is searched", async () => {
    const want = await expected("cithare marimba", "newest");
    expect(want).toHaveLength(candidateLimit);
    expect(await searched("cithare marimba")).toEqual(want);
  });

  it("a query the walk does not find among the newest replies", async () => {
    const want = await expected("balalaika theremine", "newest");
    expect(want).toHaveLength(candidateLimit);
    expect(await searched("balalaika theremine")).toEqual(want);
  });

  it("a common query: ranked among the newest replies", async () => {
    const want = await expected("luthier accordéon", "recent");
    expect(want.length).toBeGreaterThanOrEqual(12);
    expect(await searched("luthier accordéon")).toEqual(want);
  });

  it("never a hidden reply or a reply of a hidden topic", async () => {
    const hidden = await queryRows<{ id: string }>(
      server.services.db,
      sql`select id::text from posts where visibility = 'hidden' or topic_id = ${hiddenTopic}`,
    );
    const all = new Set(hidden.map((r) => r.id));
    for (const q of ["tamarin ocarina", "cithare marimba", "balalaika theremine", "luthier accordéon"]) {
      expect((await searched(q)).filter((id) => all.has(id)), q).toEqual([]);
    }
  });
});
