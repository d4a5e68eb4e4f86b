import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { startTestServer, type TestClient, type TestServer } from "../setup/harness";
import { api, everyone, expectProblem, json, people, unique, type Json, type Who } from "./api-helpers";

/**
 * Topics, the topic page, lists, categories and tags through /api/v1, against api.md (Conventions, Discussions)
 * and issue 3: every role, a stranger, bad input (a clear 4xx problem and nothing stored), hidden and deleted topics.
 */

let server: TestServer;
const as = {} as Record<Who, TestClient>;
let stranger: TestClient;

beforeAll(async () => {
  server = await startTestServer();
  for (const who of everyone) as[who] = await server.signedIn(people[who]);
  stranger = server.client();
});
afterAll(() => server?.stop());

const tables = ["topics", "posts", "topic_tags", "revisions", "reactions", "subscriptions", "notifications", "moderation_actions", "categories", "tags"];
/** Row counts of every table a discussion write touches: "nothing stored" means this does not change. */
async function snapshot(): Promise<Record<string, number>> {
  const [row] = await queryRows<Record<string, number>>(
    server.services.db,
    sql.raw(`select ${tables.map((t) => `(select count(*)::int from ${t}) as ${t}`).join(", ")}`),
  );
  return row;
}

async function setVisibility(table: "topics" | "posts", id: string, visibility: "visible" | "hidden" | "deleted") {
  await server.services.db.execute(sql`update ${sql.identifier(table)} set visibility = ${visibility} where id = ${Number(id)}`);
}

async function newCategory(): Promise<string> {
  const id = unique("cat").toLowerCase();
  await json(await as.lead.post(api("/categories"), { id, nameFr: `Catégorie ${id}`, nameEn: `Category ${id}` }), 201);
  return id;
}

async function newTopic(client: TestClient, fields: Json = {}): Promise<Json> {
  const res = await client.post(api("/topics"), {
    categoryId: "classroom-situations",
    title: unique("Un apprenant décroche"),
    body: "Que faire quand un apprenant ne vient plus ?",
    tags: [],
    language: "fr",
    ...fields,
  });
  return (await json(res, 201)).topic;
}

async function reply(client: TestClient, topicId: string, body: string, parentId?: string | null): Promise<Json> {
  return (await json(await client.post(api(`/topics/${topicId}/posts`), parentId === undefined ? { body } : { body, parentId }), 201)).post;
}

const ids = (items: Json[]) => items.map((i) => i.id as string);

async function listIds(client: TestClient, query: string): Promise<string[]> {
  return ids((await json(await client.get(api(`/topics?${query}`)), 200)).items);
}

/** Follows nextCursor to the end. */
async function allPages(client: TestClient, query: string): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 50; guard++) {
    const page: Json = await json(await client.get(api(`/topics?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`)), 200);
    pages.push(ids(page.items));
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return pages;
}

const isoPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describe("POST /topics", () => {
  it.each(everyone)("lets a %s start a topic, answered 201 {topic} with string ids and rendered HTML", async (who) => {
    const title = unique(`Sujet de ${who}`);
    const res = await as[who].post(api("/topics"), {
      categoryId: "pedagogy",
      title,
      body: "Un **point** important\n\n- a\n- b",
      tags: ["motivation", "group-project"],
      language: "fr",
    });
    const { topic } = await json(res, 201);
    expect(topic).toMatchObject({
      id: expect.stringMatching(/^\d+$/),
      title,
      body: "Un **point** important\n\n- a\n- b",
      categoryId: "pedagogy",
      language: "fr",
      locked: false,
      pinned: false,
      acceptedPostId: null,
      author: expect.objectContaining({ id: expect.any(String), name: expect.any(String) }),
    });
    expect(topic.tags.sort()).toEqual(["group-project", "motivation"]);
    expect(topic.bodyHtml).toContain("<strong>point</strong>");
    expect(topic.createdAt).toMatch(isoPattern);
    expect(topic.url).toBe(`${server.config.publicUrl}/discussions/t/${topic.id}`);
    // Visible to the next read, by someone else.
    const other = who === "trainer" ? as.peer : as.trainer;
    expect((await json(await other.get(api(`/topics/${topic.id}`)), 200)).topic.title).toBe(title);
  });

  it("makes the author follow the topic they start", async () => {
    const topic = await newTopic(as.peer);
    const rows = await queryRows<{ level: string }>(
      server.services.db,
      sql`select level from subscriptions where user_id = (select id from users where email = ${people.peer}) and target_type = 'topic' and target_id = ${topic.id}`,
    );
    expect(rows).toEqual([{ level: "watching" }]);
  });

  it("refuses a stranger with 401 and stores nothing", async () => {
    const before = await snapshot();
    await expectProblem(await stranger.post(api("/topics"), { categoryId: "pedagogy", title: "Bonjour à tous", body: "x", language: "fr" }), 401);
    await expectProblem(
      await stranger.post(api("/topics"), { categoryId: "pedagogy", title: "Bonjour à tous", body: "x", language: "fr" }, { authorization: "Bearer not-a-token" }),
      401,
    );
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a cookie-authenticated write from another origin (403) and stores nothing", async () => {
    const before = await snapshot();
    const res = await as.trainer.post(api("/topics"), { categoryId: "pedagogy", title: "Cross-site topic", body: "x", language: "fr" }, { origin: "https://evil.example" });
    await expectProblem(res, 403);
    expect(await snapshot()).toEqual(before);
  });

  const valid = { categoryId: "classroom-situations", title: "Un titre correct", body: "Un texte", tags: ["motivation"], language: "fr" };
  const badBodies: [string, unknown, number, string?][] = [
    ["a title that is a number", { ...valid, title: 42 }, 422, "title"],
    ["a title too short", { ...valid, title: "ab" }, 422, "title"],
    ["a blank title", { ...valid, title: "     " }, 422, "title"],
    ["a title too long", { ...valid, title: "t".repeat(201) }, 422, "title"],
    ["no title", { categoryId: valid.categoryId, body: valid.body, language: "fr" }, 422, "title"],
    ["an empty body", { ...valid, body: "" }, 422, "body"],
    ["a body that is an object", { ...valid, body: { text: "x" } }, 422, "body"],
    ["a body over 50,000 characters", { ...valid, body: "x".repeat(50_001) }, 422, "body"],
    ["a category that is a number", { ...valid, categoryId: 3 }, 422, "categoryId"],
    ["an unknown category", { ...valid, categoryId: "no-such-category" }, 422, "categoryId"],
    ["an unknown tag", { ...valid, tags: ["motivation", "no-such-tag"] }, 422, "tags"],
    ["tags that are not strings", { ...valid, tags: [1, 2] }, 422, "tags"],
    ["tags that are a number", { ...valid, tags: 7 }, 422, "tags"],
    ["more than 8 tags", { ...valid, tags: ["a", "b", "c", "d", "e", "f", "g", "h", "i"] }, 422, "tags"],
    ["an unknown language", { ...valid, language: "tlh" }, 422, "language"],
    ["an unknown field (mass assignment of pinned)", { ...valid, pinned: true }, 422],
    ["an unknown field (authorId)", { ...valid, authorId: "demo-karim-benali" }, 422],
    ["a __proto__ key", JSON.parse(`{"categoryId":"pedagogy","title":"Un titre correct","body":"x","language":"fr","__proto__":{"role":"admin"}}`), 422],
  ];
  it.each(badBodies)("answers %s with a %i problem and stores nothing", async (_name, body, status, field) => {
    const before = await snapshot();
    await expectProblem(await as.trainer.post(api("/topics"), body), status, field);
    expect(await snapshot()).toEqual(before);
  });

  const badRaw: [string, string, Record<string, string>, number][] = [
    ["malformed JSON", '{"title": "Un titre", "body":', {}, 400],
    ["a JSON array", "[]", {}, 400],
    ["a JSON string", '"hello"', {}, 400],
    ["JSON null", "null", {}, 400],
    ["a form body", "title=Un+titre&body=x", { "content-type": "application/x-www-form-urlencoded" }, 415],
    ["plain text", "hello", { "content-type": "text/plain" }, 415],
    ["a body over 256 kB", JSON.stringify({ ...valid, body: "x".repeat(300_000) }), {}, 413],
  ];
  it.each(badRaw)("answers %s with a %i problem and stores nothing", async (_name, raw, headers, status) => {
    const before = await snapshot();
    await expectProblem(await as.trainer.request("POST", api("/topics"), { body: raw, headers }), status);
    expect(await snapshot()).toEqual(before);
  });

  it("renders hostile markdown harmlessly on write", async () => {
    const topic = await newTopic(as.trainer, { body: '<img src=x onerror=alert(1)> [x](javascript:alert(1)) <script>alert(1)</script>' });
    expect(topic.bodyHtml).not.toMatch(/onerror|javascript:|<script/i);
    expect(topic.body).toContain("<script>"); // the source is kept as written
  });
});

describe("GET /topics/:id", () => {
  it("answers {topic, posts, nextCursor} in the contract's shape, with string ids", async () => {
    const topic = await newTopic(as.trainer, { tags: ["motivation"], body: "Bonjour @helene.rousseau" });
    const first = await reply(as.peer, topic.id, "Une **réponse**");
    const second = await reply(as.host, topic.id, "A reply to the reply", first.id);
    await json(await as.lead.put(api(`/posts/${first.id}/reactions/helpful`)), 200);
    const page = await json(await as.host.get(api(`/topics/${topic.id}`)), 200);
    expect(Object.keys(page).sort()).toEqual(expect.arrayContaining(["nextCursor", "posts", "topic"]));
    expect(page.topic).toEqual(
      expect.objectContaining({
        id: topic.id,
        title: topic.title,
        body: "Bonjour @helene.rousseau",
        bodyHtml: expect.stringContaining('href="/people/helene.rousseau"'),
        categoryId: "classroom-situations",
        tags: ["motivation"],
        language: "fr",
        author: expect.objectContaining({ id: expect.any(String), name: "Camille Martin" }),
        createdAt: expect.stringMatching(isoPattern),
        locked: false,
        pinned: false,
        acceptedPostId: null,
      }),
    );
    expect(page.nextCursor).toBeNull();
    expect(page.posts).toHaveLength(2);
    const [p1, p2] = page.posts;
    expect(p1).toEqual(
      expect.objectContaining({
        id: first.id,
        parentId: null,
        author: expect.objectContaining({ id: expect.any(String), name: "Hélène Rousseau" }),
        body: "Une **réponse**",
        bodyHtml: expect.stringContaining("<strong>réponse</strong>"),
        createdAt: expect.stringMatching(isoPattern),
        editedAt: null,
        reactions: { helpful: 1, "same-here": 0, thanks: 0 },
      }),
    );
    expect(p2).toEqual(expect.objectContaining({ id: second.id, parentId: first.id, author: expect.objectContaining({ name: "Lucía Fernández Ortega" }) }));
    for (const post of page.posts) {
      expect(post.id).toMatch(/^\d+$/);
      expect(post.url).toBe(`${server.config.publicUrl}/discussions/t/${topic.id}?post=${post.id}#post-${post.id}`);
    }
  });

  it.each(everyone)("is readable by a %s", async (who) => {
    const topic = await newTopic(as.trainer);
    expect((await json(await as[who].get(api(`/topics/${topic.id}`)), 200)).topic.id).toBe(topic.id);
  });

  it("is 401 for a stranger", async () => {
    const topic = await newTopic(as.trainer);
    await expectProblem(await stranger.get(api(`/topics/${topic.id}`)), 401);
  });

  it.each([["letters", "abc"], ["zero", "0"], ["a negative number", "-1"], ["a decimal", "1.5"], ["an exponent", "1e3"], ["a huge number", "99999999999999999999999"], ["an id nobody has", "987654321"]])(
    "answers 404 problem+json for an id that is %s",
    async (_name, id) => {
      await expectProblem(await as.trainer.get(api(`/topics/${id}`)), 404);
    },
  );

  it.each([["cursor=abc", 400], ["limit=101", 400], ["limit=0", 400], ["limit=ten", 400]] as const)("answers ?%s with a %i problem", async (query, status) => {
    const topic = await newTopic(as.trainer);
    await expectProblem(await as.trainer.get(api(`/topics/${topic.id}?${query}`)), status);
  });

  it("pages first-level replies 20 at a time with nextCursor (25 → 20 + cursor → 5)", async () => {
    const topic = await newTopic(as.trainer);
    const roots: string[] = [];
    for (let i = 1; i <= 25; i++) roots.push((await reply(i % 2 ? as.peer : as.host, topic.id, `Réponse ${i}`)).id);
    const nested = await reply(as.trainer, topic.id, "Under the first one", roots[0]);
    const nestedLast = await reply(as.trainer, topic.id, "Under the last one", roots[24]);

    const first = await json(await as.trainer.get(api(`/topics/${topic.id}`)), 200);
    const firstRoots = first.posts.filter((p: Json) => p.parentId === null).map((p: Json) => p.id);
    expect(firstRoots).toEqual(roots.slice(0, 20));
    expect(first.posts.map((p: Json) => p.id)).toContain(nested.id);
    expect(typeof first.nextCursor).toBe("string");

    const second = await json(await as.trainer.get(api(`/topics/${topic.id}?cursor=${encodeURIComponent(first.nextCursor)}`)), 200);
    expect(second.posts.filter((p: Json) => p.parentId === null).map((p: Json) => p.id)).toEqual(roots.slice(20));
    expect(second.posts.map((p: Json) => p.id)).toContain(nestedLast.id);
    expect(second.posts.map((p: Json) => p.id)).not.toContain(nested.id);
    expect(second.nextCursor).toBeNull();
  });

  describe("replies at depth 5", () => {
    let topicId: string;
    const chain: string[] = [];
    beforeAll(async () => {
      topicId = (await newTopic(as.trainer)).id;
      let parent: string | null = null;
      for (let depth = 0; depth <= 5; depth++) {
        const author = [as.peer, as.trainer, as.host, as.lead, as.admin, as.peer][depth];
        const post: Json = await reply(author, topicId, `Niveau ${depth}`, parent);
        chain.push(post.id);
        parent = post.id;
      }
    });

    it("GET /posts/:id keeps the parentId chain down to depth 5", async () => {
      for (let depth = 0; depth <= 5; depth++) {
        const { post } = await json(await as.trainer.get(api(`/posts/${chain[depth]}`)), 200);
        expect(post.parentId, `depth ${depth}`).toBe(depth === 0 ? null : chain[depth - 1]);
        expect(post.body).toBe(`Niveau ${depth}`);
      }
    });

    it("GET /topics/:id returns the whole branch, depth 4 and 5 included, with its parentId chain", async () => {
      // api.md: "the tree may be any depth"; the API has no "continue this thread" endpoint, so a client that only
      // has the topic page must still be able to reach every reply of the page's first-level replies.
      const page = await json(await as.trainer.get(api(`/topics/${topicId}`)), 200);
      const byId = new Map<string, Json>(page.posts.map((p: Json) => [p.id, p]));
      expect([...byId.keys()]).toEqual(chain);
      for (let depth = 1; depth <= 5; depth++) expect(byId.get(chain[depth])?.parentId, `depth ${depth}`).toBe(chain[depth - 1]);
    });
  });
});

describe("GET /topics (list)", () => {
  it.each(everyone)("answers {items, nextCursor} to a %s", async (who) => {
    const topic = await newTopic(as.trainer);
    const page = await json(await as[who].get(api("/topics?sort=latest")), 200);
    expect(page).toEqual(expect.objectContaining({ items: expect.any(Array), nextCursor: expect.toSatisfy((v) => v === null || typeof v === "string") }));
    const item = page.items.find((i: Json) => i.id === topic.id);
    expect(item).toEqual(expect.objectContaining({ id: topic.id, title: topic.title, categoryId: topic.categoryId, language: "fr", url: topic.url }));
    expect(item.author).toEqual(expect.objectContaining({ id: expect.any(String), name: "Camille Martin" }));
  });

  it("is 401 for a stranger", async () => {
    await expectProblem(await stranger.get(api("/topics")), 401);
  });

  it.each([
    ["limit=101", 400],
    ["limit=1000", 400],
    ["limit=0", 400],
    ["limit=-5", 400],
    ["limit=lots", 400],
    ["sort=popular", 400],
    ["language=klingon", 400],
    ["cursor=not-a-cursor", 400],
    [`cursor=${Buffer.from('["yesterday", 1]').toString("base64url")}`, 400],
    ["category[a]=b", 400],
  ] as const)("answers ?%s with a %i problem, never a 500", async (query, status) => {
    await expectProblem(await as.trainer.get(api(`/topics?${query}`)), status);
  });

  it("accepts limit=100, and says so for an unknown category or tag (400 naming it, not an empty list)", async () => {
    expect((await json(await as.trainer.get(api("/topics?limit=100")), 200)).items.length).toBeLessThanOrEqual(100);
    const category = await expectProblem(await as.trainer.get(api("/topics?category=no-such-category")), 400, "category");
    expect(category.detail).toContain("no-such-category");
    const tag = await expectProblem(await as.trainer.get(api("/topics?tag=git&tag=no-such-tag")), 400, "tag");
    expect(tag.errors.tag[0]).toContain("no-such-tag");
    expect(tag.errors.tag[0]).not.toContain("git,");
  });

  describe("filters and sorts within one category", () => {
    let category: string;
    const t: Record<string, Json> = {};
    beforeAll(async () => {
      category = await newCategory();
      t.gitJs = await newTopic(as.trainer, { categoryId: category, tags: ["git", "javascript"], language: "fr" });
      t.git = await newTopic(as.peer, { categoryId: category, tags: ["git"], language: "en" });
      t.js = await newTopic(as.host, { categoryId: category, tags: ["javascript"], language: "es" });
      t.none = await newTopic(as.lead, { categoryId: category, tags: [], language: "fr" });
      // The oldest topic gets the newest reply: most active, and the only answered one.
      await reply(as.peer, t.gitJs.id, "Essaie git bisect");
    });

    it("filters by category", async () => {
      expect((await listIds(as.trainer, `category=${category}&sort=latest`)).sort()).toEqual(ids(Object.values(t)).sort());
    });

    it("filters by one tag, and by two tags combined with AND", async () => {
      expect(await listIds(as.trainer, `category=${category}&sort=latest&tag=git`)).toEqual([t.git.id, t.gitJs.id]);
      expect(await listIds(as.trainer, `category=${category}&sort=latest&tag=javascript`)).toEqual([t.js.id, t.gitJs.id]);
      expect(await listIds(as.trainer, `category=${category}&sort=latest&tag=git&tag=javascript`)).toEqual([t.gitJs.id]);
      expect(await listIds(as.trainer, `sort=latest&tag=git&tag=javascript&tag=motivation`)).not.toContain(t.gitJs.id);
    });

    it("filters by content language", async () => {
      expect(await listIds(as.trainer, `category=${category}&sort=latest&language=en`)).toEqual([t.git.id]);
      expect(await listIds(as.trainer, `category=${category}&sort=latest&language=fr`)).toEqual([t.none.id, t.gitJs.id]);
      expect(await listIds(as.trainer, `category=${category}&sort=latest&language=ro`)).toEqual([]);
    });

    it("sorts latest (newest first), active (latest reply first) and unanswered (no replies)", async () => {
      expect(await listIds(as.trainer, `category=${category}&sort=latest`)).toEqual([t.none.id, t.js.id, t.git.id, t.gitJs.id]);
      expect(await listIds(as.trainer, `category=${category}&sort=active`)).toEqual([t.gitJs.id, t.none.id, t.js.id, t.git.id]);
      expect(await listIds(as.trainer, `category=${category}&sort=unanswered`)).toEqual([t.none.id, t.js.id, t.git.id]);
    });

    it("counts replies in the list", async () => {
      const page = await json(await as.trainer.get(api(`/topics?category=${category}&sort=latest`)), 200);
      expect(page.items.find((i: Json) => i.id === t.gitJs.id).replyCount).toBe(1);
      expect(page.items.find((i: Json) => i.id === t.git.id).replyCount).toBe(0);
    });
  });

  it.each(["latest", "active", "unanswered"])("walks every topic exactly once with cursor pagination (sort=%s)", async (sort) => {
    const category = await newCategory();
    const created: string[] = [];
    for (let i = 0; i < 7; i++) created.push((await newTopic(i % 2 ? as.peer : as.trainer, { categoryId: category })).id);
    const pages = await allPages(as.trainer, `category=${category}&sort=${sort}&limit=3`);
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(pages.flat()).toEqual([...created].reverse());
  });

  it("does not skip topics whose times differ by less than a millisecond when paging", async () => {
    // PostgreSQL keeps microseconds; a cursor that keeps only milliseconds loses the rows in between.
    const category = await newCategory();
    const older = await newTopic(as.trainer, { categoryId: category });
    const newer = await newTopic(as.trainer, { categoryId: category });
    await server.services.db.execute(sql`update topics set created_at = '2030-01-01T00:00:00.000200Z', last_posted_at = '2030-01-01T00:00:00.000200Z' where id = ${Number(older.id)}`);
    await server.services.db.execute(sql`update topics set created_at = '2030-01-01T00:00:00.000700Z', last_posted_at = '2030-01-01T00:00:00.000700Z' where id = ${Number(newer.id)}`);
    for (const sort of ["latest", "active"]) {
      expect((await allPages(as.trainer, `category=${category}&sort=${sort}&limit=1`)).flat(), sort).toEqual([newer.id, older.id]);
    }
  });
});

describe("unread tracking and view counts in the list", () => {
  const item = async (client: TestClient, topicId: string) =>
    ((await json(await client.get(api("/topics?sort=latest&limit=100")), 200)).items as Json[]).find((i) => i.id === topicId)!;

  it("counts views, and marks a topic unread until read, then again when a new reply comes", async () => {
    const topic = await newTopic(as.peer);
    await reply(as.host, topic.id, "Première réponse");
    expect((await item(as.trainer, topic.id)).unread).toBe(true);
    await json(await as.trainer.get(api(`/topics/${topic.id}`)), 200);
    await server.services.activity.flush();
    const read = await item(as.trainer, topic.id);
    expect(read.unread).toBe(false);
    expect(read.viewCount).toBe(1);
    await reply(as.host, topic.id, "Deuxième réponse");
    expect((await item(as.trainer, topic.id)).unread).toBe(true);
  });

  it("still sees a new reply when reply ids grow a digit (99999 → 100000)", async () => {
    // Ids compared as text would say "100000" < "99999".
    await server.services.db.execute(sql`select setval(pg_get_serial_sequence('posts', 'id'), 99998)`);
    const topic = await newTopic(as.peer);
    expect((await reply(as.host, topic.id, "Réponse 99999")).id).toBe("99999");
    await json(await as.trainer.get(api(`/topics/${topic.id}`)), 200);
    await server.services.activity.flush();
    expect((await item(as.trainer, topic.id)).unread).toBe(false);
    expect((await reply(as.host, topic.id, "Réponse 100000")).id).toBe("100000");
    expect((await item(as.trainer, topic.id)).unread).toBe(true);
  });
});

describe("GET /topics/:id/revisions", () => {
  const userId = async (who: Who) =>
    (await queryRows<{ id: string }>(server.services.db, sql`select id from users where email = ${people[who]}`))[0].id;

  it("is 401 for a stranger", async () => {
    const topic = await newTopic(as.trainer);
    await json(await as.trainer.patch(api(`/topics/${topic.id}`), { title: unique("Nouveau titre") }), 200);
    await expectProblem(await stranger.get(api(`/topics/${topic.id}/revisions`)), 401);
  });

  it("keeps each earlier title and text whole, oldest first, with who wrote it and when, readable by every role", async () => {
    const topic = await newTopic(as.trainer, { title: "Version 1 du titre", body: "Texte 1" });
    const leadEdit = (await json(await as.lead.patch(api(`/topics/${topic.id}`), { body: "Texte 2 (modéré)" }), 200)).topic;
    await json(await as.trainer.patch(api(`/topics/${topic.id}`), { title: "Version 3 du titre", body: "Texte 3" }), 200);
    const expected = [
      { title: "Version 1 du titre", body: "Texte 1", editor: await userId("trainer"), createdAt: topic.createdAt },
      { title: "Version 1 du titre", body: "Texte 2 (modéré)", editor: await userId("lead"), createdAt: leadEdit.editedAt },
    ];
    for (const who of everyone) {
      const { items, ...rest } = await json(await as[who].get(api(`/topics/${topic.id}/revisions`)), 200);
      expect(rest, who).toEqual({});
      expect(items.map((r: Json) => ({ title: r.title, body: r.body, editor: r.editor.id, createdAt: r.createdAt })), who).toEqual(expected);
      for (const r of items) {
        expect(Object.keys(r).sort()).toEqual(["body", "createdAt", "editor", "id", "title"]);
        expect(r.id).toMatch(/^\d+$/);
        expect(r.editor).toEqual({ id: expect.any(String), name: expect.any(String), handle: expect.any(String) });
        expect(r.createdAt).toMatch(isoPattern);
      }
    }
    const current = (await json(await as.peer.get(api(`/topics/${topic.id}`)), 200)).topic;
    expect([current.title, current.body]).toEqual(["Version 3 du titre", "Texte 3"]);
  });

  it("keeps no revision for a topic never edited, an edit that changes nothing, or a change of tags only", async () => {
    const topic = await newTopic(as.trainer, { title: "Titre stable", body: "Texte stable" });
    expect((await json(await as.peer.get(api(`/topics/${topic.id}/revisions`)), 200)).items).toEqual([]);
    await json(await as.trainer.patch(api(`/topics/${topic.id}`), { title: "Titre stable", body: "Texte stable" }), 200);
    await json(await as.trainer.patch(api(`/topics/${topic.id}`), { tags: ["git"] }), 200);
    expect((await json(await as.peer.get(api(`/topics/${topic.id}/revisions`)), 200)).items).toEqual([]);
  });

  it("shows an erased editor as a deleted user, never by name", async () => {
    const topic = await newTopic(as.trainer, { body: "Avant" });
    await json(await as.trainer.patch(api(`/topics/${topic.id}`), { body: "Après" }), 200);
    const id = await userId("trainer");
    await server.services.db.execute(sql`update users set erased_at = now() where id = ${id}`);
    try {
      const { items } = await json(await as.peer.get(api(`/topics/${topic.id}/revisions`)), 200);
      expect(items[0].editor).toEqual({ id, name: "deleted user", handle: "" });
      expect(JSON.stringify(items)).not.toContain("Camille");
    } finally {
      await server.services.db.execute(sql`update users set erased_at = null where id = ${id}`);
    }
  });

  it.each([
    ["an id that is not a number", "abc"],
    ["an id nobody has", "987654321"],
    ["an id past a safe integer", "99999999999999999999"],
    ["a negative id", "-1"],
  ])("%s → 404, not 500", async (_name, id) => {
    await expectProblem(await as.lead.get(api(`/topics/${id}/revisions`)), 404);
  });
});

describe("hidden and deleted topics", () => {
  let hidden: Json;
  let hiddenPost: Json;
  let category: string;
  const outsiders: Who[] = ["trainer", "peer", "host"];

  beforeAll(async () => {
    category = await newCategory();
    hidden = await newTopic(as.trainer, { categoryId: category, tags: ["harassment"], title: "Sujet caché par la modération" });
    hiddenPost = await reply(as.peer, hidden.id, "Une réponse dans un sujet caché");
    await setVisibility("topics", hidden.id, "hidden");
  });

  it.each(outsiders)("a hidden topic is 404 for a %s on every endpoint, the same 404 as an id nobody has", async (who) => {
    const client = as[who];
    const missing = await expectProblem(await client.get(api("/topics/987654321")), 404);
    const answers: [string, Response][] = [
      ["GET topic", await client.get(api(`/topics/${hidden.id}`))],
      ["PATCH topic", await client.patch(api(`/topics/${hidden.id}`), { title: "Nouveau titre" })],
      ["POST reply", await client.post(api(`/topics/${hidden.id}/posts`), { body: "Je réponds quand même" })],
      ["POST reply to post", await client.post(api(`/topics/${hidden.id}/posts`), { body: "Et ici", parentId: hiddenPost.id })],
      ["GET post", await client.get(api(`/posts/${hiddenPost.id}`))],
      ["PATCH post", await client.patch(api(`/posts/${hiddenPost.id}`), { body: "modifié" })],
      ["DELETE post", await client.delete(api(`/posts/${hiddenPost.id}`))],
      ["GET revisions", await client.get(api(`/posts/${hiddenPost.id}/revisions`))],
      ["GET topic revisions", await client.get(api(`/topics/${hidden.id}/revisions`))],
      ["PUT reaction", await client.put(api(`/posts/${hiddenPost.id}/reactions/thanks`))],
      ["DELETE reaction", await client.delete(api(`/posts/${hiddenPost.id}/reactions/thanks`))],
      ["PUT subscription", await client.put(api(`/topics/${hidden.id}/subscription`))],
      ["DELETE subscription", await client.delete(api(`/topics/${hidden.id}/subscription`))],
      ["POST accept", await client.post(api(`/topics/${hidden.id}/accept`), { postId: hiddenPost.id })],
    ];
    for (const [name, res] of answers) {
      const text = await res.text();
      expect(res.status, `${name}: ${text}`).toBe(404);
      expect(JSON.parse(text), name).toEqual(missing);
    }
  });

  it("a hidden topic is absent from every list a trainer sees, and from tag counts", async () => {
    for (const query of [`category=${category}`, "sort=latest", "sort=active", "sort=unanswered", "tag=harassment", "language=fr&sort=latest"]) {
      expect(await listIds(as.trainer, query), query).not.toContain(hidden.id);
    }
    const tags = await json(await as.trainer.get(api("/tags")), 200);
    const before = tags.find((t: Json) => t.slug === "harassment").count;
    await setVisibility("topics", hidden.id, "visible");
    const after = (await json(await as.trainer.get(api("/tags")), 200)).find((t: Json) => t.slug === "harassment").count;
    await setVisibility("topics", hidden.id, "hidden");
    expect(after).toBe(before + 1);
  });

  it("a hidden topic stays out of the notifications of the people who had one about it", async () => {
    const notes = await json(await as.trainer.get(api("/notifications")), 200);
    expect(notes.items.filter((n: Json) => n.url.includes(`/discussions/t/${hidden.id}`))).toEqual([]);
  });

  it.each(["lead", "admin"] as const)("a hidden topic stays readable by a %s, with its replies", async (who) => {
    const page = await json(await as[who].get(api(`/topics/${hidden.id}`)), 200);
    expect(page.topic.title).toBe("Sujet caché par la modération");
    expect(page.posts.map((p: Json) => p.body)).toEqual(["Une réponse dans un sujet caché"]);
    expect((await json(await as[who].get(api(`/posts/${hiddenPost.id}/revisions`)), 200)).items).toEqual([]);
    expect((await json(await as[who].get(api(`/topics/${hidden.id}/revisions`)), 200)).items).toEqual([]);
  });

  it.each(everyone)("a deleted topic is 404 for a %s, and absent from lists", async (who) => {
    const topic = await newTopic(as.trainer, { categoryId: category });
    const post = await reply(as.peer, topic.id, "Réponse");
    await setVisibility("topics", topic.id, "deleted");
    await expectProblem(await as[who].get(api(`/topics/${topic.id}`)), 404);
    await expectProblem(await as[who].get(api(`/topics/${topic.id}/revisions`)), 404);
    await expectProblem(await as[who].get(api(`/posts/${post.id}`)), 404);
    await expectProblem(await as[who].post(api(`/topics/${topic.id}/posts`), { body: "encore" }), 404);
    await expectProblem(await as[who].put(api(`/posts/${post.id}/reactions/helpful`)), 404);
    expect(await listIds(as[who], `category=${category}&sort=latest`)).not.toContain(topic.id);
  });
});

describe("GET /categories", () => {
  it.each(everyone)("answers the whole list to a %s as [{id, slug, name, description}]", async (who) => {
    const list = (await json(await as[who].get(api("/categories")), 200)) as unknown as Json[];
    expect(Array.isArray(list)).toBe(true);
    const ids = list.map((c: Json) => c.id);
    for (const id of ["classroom-situations", "pedagogy", "tech-and-tools", "inclusion-support", "recruiting-onboarding", "mobility-questions", "network-life"]) {
      expect(ids).toContain(id);
    }
    for (const c of list) expect(c).toEqual(expect.objectContaining({ id: expect.any(String), slug: expect.any(String), name: expect.any(String), description: expect.any(String) }));
  });

  it("names categories in the reader's language", async () => {
    const fr = await json(await as.trainer.get(api("/categories")), 200);
    const en = await json(await as.host.get(api("/categories")), 200); // Lucía reads in English
    expect(fr.find((c: Json) => c.id === "classroom-situations").name).toBe("Situations de classe");
    expect(en.find((c: Json) => c.id === "classroom-situations").name).toBe("Classroom situations");
  });

  it("is 401 for a stranger", async () => {
    await expectProblem(await stranger.get(api("/categories")), 401);
  });
});

describe("POST /categories (leads manage categories)", () => {
  it.each(["lead", "admin"] as const)("lets a %s add a category, listed afterwards", async (who) => {
    const id = unique(`cat-${who}`).toLowerCase();
    const created = await json(await as[who].post(api("/categories"), { id, nameFr: "Évaluation par les pairs", nameEn: "Peer assessment" }), 201);
    expect(created).toEqual(expect.objectContaining({ id, slug: id }));
    expect((await json(await as.trainer.get(api("/categories")), 200)).map((c: Json) => c.id)).toContain(id);
  });

  it.each(["trainer", "peer", "host"] as const)("refuses a %s with 403 and stores nothing", async (who) => {
    const before = await snapshot();
    await expectProblem(await as[who].post(api("/categories"), { id: unique("cat-no").toLowerCase(), nameFr: "Non", nameEn: "No" }), 403);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a stranger with 401", async () => {
    await expectProblem(await stranger.post(api("/categories"), { id: "cat-stranger", nameFr: "Non", nameEn: "No" }), 401);
  });

  it.each([
    ["an id with spaces and capitals", { id: "Bad Id", nameFr: "Nom", nameEn: "Name" }, "id"],
    ["a missing English name", { id: "cat-missing-en", nameFr: "Nom" }, "nameEn"],
    ["a name that is a number", { id: "cat-number", nameFr: 1, nameEn: "Name" }, "nameFr"],
    ["an unknown field", { id: "cat-unknown", nameFr: "Nom", nameEn: "Name", colour: "red" }, undefined],
  ] as const)("answers %s with a 422 problem and stores nothing", async (_name, body, field) => {
    const before = await snapshot();
    await expectProblem(await as.lead.post(api("/categories"), body), 422, field);
    expect(await snapshot()).toEqual(before);
  });

  it("answers malformed JSON with 400", async () => {
    await expectProblem(await as.lead.request("POST", api("/categories"), { body: "{id:" }), 400);
  });
});

describe("tags", () => {
  it.each(everyone)("GET /tags answers [{slug, label, group, count}] to a %s", async (who) => {
    const list = (await json(await as[who].get(api("/tags")), 200)) as unknown as Json[];
    expect(list.length).toBeGreaterThanOrEqual(20);
    for (const t of list) expect(t).toEqual(expect.objectContaining({ slug: expect.any(String), label: expect.any(String), group: expect.any(String), count: expect.any(Number) }));
    const dropout = list.find((t: Json) => t.slug === "dropout-risk");
    expect(dropout?.label).toBe(who === "host" ? "Dropout risk" : "Risque de décrochage");
  });

  it("GET /tags is 401 for a stranger", async () => {
    await expectProblem(await stranger.get(api("/tags")), 401);
  });

  it("counts the topics that use a tag", async () => {
    const count = async () => (await json(await as.trainer.get(api("/tags")), 200)).find((t: Json) => t.slug === "cheating").count as number;
    const before = await count();
    await newTopic(as.trainer, { tags: ["cheating"] });
    await newTopic(as.peer, { tags: ["cheating", "evaluation"] });
    expect(await count()).toBe(before + 2);
  });

  it.each(["lead", "admin"] as const)("POST /tags lets a %s add a tag with labels per language", async (who) => {
    const slug = unique(`tag-${who}`).toLowerCase();
    const created = await json(await as[who].post(api("/tags"), { slug, group: "theme", labels: { fr: "Intelligence artificielle", en: "Artificial intelligence", es: "Inteligencia artificial" } }), 201);
    expect(created).toEqual(expect.objectContaining({ slug, group: "theme", count: 0 }));
    const seen = (await json(await as.host.get(api("/tags")), 200)).find((t: Json) => t.slug === slug);
    expect(seen.label).toBe("Artificial intelligence");
    // A topic may use it right away.
    expect((await newTopic(as.trainer, { tags: [slug] })).tags).toEqual([slug]);
  });

  it.each(["trainer", "peer", "host"] as const)("POST /tags and POST /tags/:slug/merge refuse a %s with 403 and store nothing", async (who) => {
    const before = await snapshot();
    await expectProblem(await as[who].post(api("/tags"), { slug: unique("tag-no").toLowerCase(), group: "theme", labels: { fr: "Non", en: "No" } }), 403);
    await expectProblem(await as[who].post(api("/tags/cheating/merge"), { into: "evaluation" }), 403);
    expect(await snapshot()).toEqual(before);
  });

  it("POST /tags and merges are 401 for a stranger", async () => {
    await expectProblem(await stranger.post(api("/tags"), { slug: "tag-stranger", group: "theme", labels: { fr: "Non", en: "No" } }), 401);
    await expectProblem(await stranger.post(api("/tags/cheating/merge"), { into: "evaluation" }), 401);
  });

  it.each([
    ["a slug with capitals and spaces", { slug: "Bad Slug", group: "theme", labels: { fr: "a", en: "b" } }, "slug"],
    ["no English label", { slug: "tag-no-en", group: "theme", labels: { fr: "a" } }, "labels.en"],
    ["labels that are a string", { slug: "tag-labels-string", group: "theme", labels: "AI" }, "labels"],
    ["an unknown field", { slug: "tag-unknown-field", group: "theme", labels: { fr: "a", en: "b" }, colour: "red" }, undefined],
  ] as const)("POST /tags answers %s with a 422 problem and stores nothing", async (_name, body, field) => {
    const before = await snapshot();
    await expectProblem(await as.lead.post(api("/tags"), body), 422, field);
    expect(await snapshot()).toEqual(before);
  });

  it("a merge by a lead moves every use to the other tag, then removes the merged tag", async () => {
    const from = unique("tag-from").toLowerCase();
    const into = unique("tag-into").toLowerCase();
    for (const slug of [from, into]) await json(await as.lead.post(api("/tags"), { slug, group: "theme", labels: { fr: slug, en: slug } }), 201);
    const onlyFrom = await newTopic(as.trainer, { tags: [from, "git"] });
    const both = await newTopic(as.peer, { tags: [from, into] });
    const onlyInto = await newTopic(as.host, { tags: [into] });

    const merged = await json(await as.lead.post(api(`/tags/${from}/merge`), { into }), 200);
    expect(merged).toEqual(expect.objectContaining({ slug: into, count: 3 }));
    const tags = await json(await as.trainer.get(api("/tags")), 200);
    expect(tags.map((t: Json) => t.slug)).not.toContain(from);
    expect((await json(await as.trainer.get(api(`/topics/${onlyFrom.id}`)), 200)).topic.tags).toEqual(["git", into].sort());
    expect((await json(await as.trainer.get(api(`/topics/${both.id}`)), 200)).topic.tags).toEqual([into]);
    expect((await listIds(as.trainer, `tag=${into}&sort=latest`)).slice(0, 3).sort()).toEqual([onlyFrom.id, both.id, onlyInto.id].sort());
    // The merged tag is gone: a filter by it says so.
    await expectProblem(await as.trainer.get(api(`/topics?tag=${from}`)), 400, "tag");
  });

  it("a merge moves the people following the merged tag to the other tag", async () => {
    // Following a tag (the tag filter pages offer it) is a use of the tag: after a merge they follow the survivor.
    const from = unique("tag-followed").toLowerCase();
    const into = unique("tag-survivor").toLowerCase();
    for (const slug of [from, into]) await json(await as.lead.post(api("/tags"), { slug, group: "theme", labels: { fr: slug, en: slug } }), 201);
    const follower = (await queryRows<{ id: string }>(server.services.db, sql`select id from users where email = ${people.peer}`))[0].id;
    await server.services.db.execute(sql`insert into subscriptions (user_id, target_type, target_id, level) values (${follower}, 'tag', ${from}, 'watching')`);
    await json(await as.lead.post(api(`/tags/${from}/merge`), { into }), 200);
    const rows = await queryRows<{ target_id: string }>(server.services.db, sql`select target_id from subscriptions where user_id = ${follower} and target_type = 'tag' and target_id in (${from}, ${into})`);
    expect(rows.map((r) => r.target_id)).toEqual([into]);
  });

  it.each([
    ["an unknown tag", "no-such-tag", { into: "evaluation" }, 422],
    ["into an unknown tag", "cheating", { into: "no-such-tag" }, 422],
    ["into itself", "cheating", { into: "cheating" }, 409],
    ["a target that is a number", "cheating", { into: 5 }, 422],
    ["no target", "cheating", {}, 422],
    ["an unknown field", "cheating", { into: "evaluation", force: true }, 422],
  ] as const)("a merge of %s is a %i problem and changes nothing", async (_name, from, body, status) => {
    const before = await snapshot();
    await expectProblem(await as.lead.post(api(`/tags/${from}/merge`), body), status);
    expect(await snapshot()).toEqual(before);
  });
});
