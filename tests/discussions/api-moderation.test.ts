import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { startTestServer, type TestClient, type TestServer } from "../setup/harness";
import { api, everyone, expectProblem, json, people, unique, type Json, type Who } from "./api-helpers";

/**
 * Locking, unlocking, pinning and unpinning topics through POST /moderation/actions, and the moderation log
 * (api.md: Discussions, Moderation; issue 3): leads and admins may, trainers and hosts may not, strangers are 401.
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

const tables = ["topics", "posts", "moderation_actions", "notifications"];
async function snapshot(): Promise<Record<string, number>> {
  const [row] = await queryRows<Record<string, number>>(
    server.services.db,
    sql.raw(`select ${tables.map((t) => `(select count(*)::int from ${t}) as ${t}`).join(", ")}, (select count(*)::int from topics where locked) as locked, (select count(*)::int from topics where pinned) as pinned`),
  );
  return row;
}

async function newCategory(): Promise<string> {
  const id = unique("mod").toLowerCase();
  await json(await as.lead.post(api("/categories"), { id, nameFr: `Catégorie ${id}`, nameEn: `Category ${id}` }), 201);
  return id;
}

async function newTopic(client: TestClient = as.trainer, fields: Json = {}): Promise<Json> {
  const res = await client.post(api("/topics"), {
    categoryId: "network-life",
    title: unique("Rencontre des formateurs"),
    body: "Qui vient à la rencontre de juin ?",
    language: "fr",
    ...fields,
  });
  return (await json(res, 201)).topic;
}

async function moderate(client: TestClient, topicId: string, action: string, reason = "Raison de test") {
  return client.post(api("/moderation/actions"), { targetType: "topic", targetId: topicId, action, reason });
}

async function topicState(topicId: string) {
  const { topic } = await json(await as.lead.get(api(`/topics/${topicId}`)), 200);
  return { locked: topic.locked as boolean, pinned: topic.pinned as boolean };
}

const listIds = async (client: TestClient, query: string) => ((await json(await client.get(api(`/topics?${query}`)), 200)).items as Json[]).map((i) => i.id as string);

describe("POST /moderation/actions", () => {
  const actions = [
    ["lock", { locked: true, pinned: false }],
    ["pin", { locked: false, pinned: true }],
  ] as const;

  it.each(["lead", "admin"] as const)("lets a %s lock, unlock, pin and unpin a topic, answered 201", async (who) => {
    const topic = await newTopic();
    for (const [action, state] of actions) {
      const { action: recorded } = await json(await moderate(as[who], topic.id, action, `Pourquoi ${action}`), 201);
      expect(recorded).toEqual(expect.objectContaining({ id: expect.any(String), targetType: "topic", targetId: topic.id, action, reason: `Pourquoi ${action}` }));
      expect(await topicState(topic.id)).toEqual(state);
      const undo = action === "lock" ? "unlock" : "unpin";
      await json(await moderate(as[who], topic.id, undo), 201);
      expect(await topicState(topic.id)).toEqual({ locked: false, pinned: false });
    }
  });

  it.each(["trainer", "peer", "host"] as const)("refuses a %s with 403 for every action, storing and changing nothing", async (who) => {
    const topic = await newTopic(as.trainer);
    await json(await moderate(as.lead, topic.id, "pin"), 201);
    const before = await snapshot();
    for (const action of ["lock", "unlock", "pin", "unpin"]) await expectProblem(await moderate(as[who], topic.id, action), 403);
    expect(await snapshot()).toEqual(before);
    expect(await topicState(topic.id)).toEqual({ locked: false, pinned: true });
  });

  it("refuses a stranger with 401, storing nothing", async () => {
    const topic = await newTopic();
    const before = await snapshot();
    for (const action of ["lock", "unlock", "pin", "unpin"]) await expectProblem(await moderate(stranger, topic.id, action), 401);
    expect(await snapshot()).toEqual(before);
  });

  it("is idempotent: locking a locked topic keeps it locked (and is logged)", async () => {
    const topic = await newTopic();
    await json(await moderate(as.lead, topic.id, "lock"), 201);
    await json(await moderate(as.lead, topic.id, "lock"), 201);
    expect(await topicState(topic.id)).toEqual({ locked: true, pinned: false });
  });

  it("accepts targetId as a number", async () => {
    const topic = await newTopic();
    await json(await as.lead.post(api("/moderation/actions"), { targetType: "topic", targetId: Number(topic.id), action: "pin", reason: "" }), 201);
    expect((await topicState(topic.id)).pinned).toBe(true);
  });

  describe("bad input: a clear 4xx and nothing stored", () => {
    let topic: Json;
    beforeAll(async () => {
      topic = await newTopic();
    });
    const cases: [string, () => unknown, number | number[], string?][] = [
      ["an unknown action", () => ({ targetType: "topic", targetId: topic.id, action: "explode", reason: "x" }), 422, "action"],
      ["no action", () => ({ targetType: "topic", targetId: topic.id, reason: "x" }), 422, "action"],
      ["an unknown target type", () => ({ targetType: "planet", targetId: topic.id, action: "lock", reason: "x" }), 422, "targetType"],
      ["no target id", () => ({ targetType: "topic", action: "lock", reason: "x" }), 422, "targetId"],
      ["a target id that is an object", () => ({ targetType: "topic", targetId: { id: 1 }, action: "lock" }), 422, "targetId"],
      ["a target id that is not a number", () => ({ targetType: "topic", targetId: "abc", action: "lock" }), [404, 422]],
      ["a target id nobody has", () => ({ targetType: "topic", targetId: "987654321", action: "lock" }), 404],
      ["a reason that is a number", () => ({ targetType: "topic", targetId: topic.id, action: "lock", reason: 5 }), 422, "reason"],
      ["a reason over 1,000 characters", () => ({ targetType: "topic", targetId: topic.id, action: "lock", reason: "r".repeat(1001) }), 422, "reason"],
      ["an unknown field", () => ({ targetType: "topic", targetId: topic.id, action: "lock", reason: "x", actorId: "demo-camille-martin" }), 422],
    ];
    it.each(cases)("%s → %s", async (_name, body, status, field) => {
      const before = await snapshot();
      await expectProblem(await as.lead.post(api("/moderation/actions"), body()), status, field);
      expect(await snapshot()).toEqual(before);
    });
    it.each([
      ["malformed JSON", '{"targetType":"topic",', {}, 400],
      ["a JSON array", "[]", {}, 400],
      ["plain text", "lock it", { "content-type": "text/plain" }, 415],
      ["a body over 256 kB", JSON.stringify({ targetType: "topic", targetId: "1", action: "lock", reason: "r".repeat(300_000) }), {}, 413],
    ] as const)("%s → %i", async (_name, raw, headers, status) => {
      const before = await snapshot();
      await expectProblem(await as.lead.request("POST", api("/moderation/actions"), { body: raw, headers }), status);
      expect(await snapshot()).toEqual(before);
    });
  });

  it("a deleted topic cannot be moderated (404); a hidden one can, by a lead", async () => {
    const deleted = await newTopic();
    const hidden = await newTopic();
    await server.services.db.execute(sql`update topics set visibility = 'deleted' where id = ${Number(deleted.id)}`);
    await server.services.db.execute(sql`update topics set visibility = 'hidden' where id = ${Number(hidden.id)}`);
    const before = await snapshot();
    await expectProblem(await moderate(as.lead, deleted.id, "lock"), 404);
    expect(await snapshot()).toEqual(before);
    await json(await moderate(as.lead, hidden.id, "lock"), 201);
    expect(await topicState(hidden.id)).toEqual({ locked: true, pinned: false });
  });
});

describe("a locked topic", () => {
  let topic: Json;
  let post: Json;
  beforeAll(async () => {
    topic = await newTopic(as.trainer);
    post = (await json(await as.peer.post(api(`/topics/${topic.id}/posts`), { body: "Avant le verrou" }), 201)).post;
    await json(await moderate(as.lead, topic.id, "lock", "Le débat tourne en rond"), 201);
  });

  it("shows locked: true on its page and in lists", async () => {
    expect((await json(await as.trainer.get(api(`/topics/${topic.id}`)), 200)).topic.locked).toBe(true);
    const item = (await json(await as.trainer.get(api("/topics?category=network-life&sort=latest&limit=100")), 200)).items.find((i: Json) => i.id === topic.id);
    expect(item.locked).toBe(true);
  });

  it.each(everyone)("refuses a reply from a %s with 409 and says why, storing nothing", async (who) => {
    const before = await snapshot();
    const first = await expectProblem(await as[who].post(api(`/topics/${topic.id}/posts`), { body: "Encore un mot" }), 409);
    const nested = await expectProblem(await as[who].post(api(`/topics/${topic.id}/posts`), { body: "Sous la réponse", parentId: post.id }), 409);
    for (const problem of [first, nested]) {
      expect(problem.detail).toMatch(who === "host" ? /locked/i : /verrouill/i);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("takes replies again once unlocked", async () => {
    const other = await newTopic(as.trainer);
    await json(await moderate(as.admin, other.id, "lock"), 201);
    await expectProblem(await as.peer.post(api(`/topics/${other.id}/posts`), { body: "Refusé" }), 409);
    await json(await moderate(as.admin, other.id, "unlock", "Apaisé"), 201);
    await json(await as.peer.post(api(`/topics/${other.id}/posts`), { body: "Accepté" }), 201);
  });
});

describe("pinned topics", () => {
  it("lead their category's list, whatever the sort, until unpinned", async () => {
    const category = await newCategory();
    const old = await newTopic(as.trainer, { categoryId: category, title: "Règles de la catégorie" });
    const middle = await newTopic(as.peer, { categoryId: category });
    const recent = await newTopic(as.host, { categoryId: category });
    await json(await as.peer.post(api(`/topics/${middle.id}/posts`), { body: "Réponse récente" }), 201);
    await json(await moderate(as.lead, old.id, "pin", "À lire avant de poster"), 201);
    expect(await listIds(as.trainer, `category=${category}&sort=latest`)).toEqual([old.id, recent.id, middle.id]);
    expect(await listIds(as.trainer, `category=${category}&sort=active`)).toEqual([old.id, middle.id, recent.id]);
    const item = (await json(await as.trainer.get(api(`/topics?category=${category}`)), 200)).items[0];
    expect(item).toEqual(expect.objectContaining({ id: old.id, pinned: true }));
    await json(await moderate(as.lead, old.id, "unpin"), 201);
    expect(await listIds(as.trainer, `category=${category}&sort=latest`)).toEqual([recent.id, middle.id, old.id]);
  });

  it("show each topic exactly once when the category list is paged with a cursor", async () => {
    const category = await newCategory();
    const created: string[] = [];
    for (let i = 0; i < 5; i++) created.push((await newTopic(as.trainer, { categoryId: category })).id);
    const pinned = created[0]; // the oldest
    await json(await moderate(as.lead, pinned, "pin"), 201);
    for (const limit of [1, 2, 3]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let guard = 0; guard < 20; guard++) {
        const page: Json = await json(await as.trainer.get(api(`/topics?category=${category}&sort=latest&limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`)), 200);
        seen.push(...page.items.map((i: Json) => i.id));
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      expect(seen, `limit=${limit}`).toEqual([pinned, ...created.slice(1).reverse()]);
    }
  });
});

describe("GET /moderation/log", () => {
  it.each(["lead", "admin"] as const)("shows a %s who did what, to what, when and why, newest first", async (who) => {
    const topic = await newTopic();
    const started = Date.now() - 1000;
    await json(await moderate(as.lead, topic.id, "lock", "Échanges trop vifs"), 201);
    await json(await moderate(as.admin, topic.id, "pin", "Sujet de référence"), 201);
    const { items, nextCursor } = await json(await as[who].get(api("/moderation/log?limit=2")), 200);
    expect(items).toHaveLength(2);
    expect(items[0]).toEqual(
      expect.objectContaining({
        id: expect.stringMatching(/^\d+$/),
        actor: expect.objectContaining({ id: "demo-sophie-lefevre", name: "Sophie Lefèvre" }),
        targetType: "topic",
        targetId: topic.id,
        action: "pin",
        reason: "Sujet de référence",
      }),
    );
    expect(items[1]).toEqual(
      expect.objectContaining({
        actor: expect.objectContaining({ id: "demo-karim-benali", name: "Karim Benali" }),
        targetId: topic.id,
        action: "lock",
        reason: "Échanges trop vifs",
      }),
    );
    for (const item of items) expect(Date.parse(item.createdAt)).toBeGreaterThanOrEqual(started);
    expect(typeof nextCursor).toBe("string");
    const next = await json(await as[who].get(api(`/moderation/log?limit=2&cursor=${nextCursor}`)), 200);
    expect(next.items.map((i: Json) => i.id)).not.toContain(items[0].id);
    expect(Number(next.items[0].id)).toBeLessThan(Number(items[1].id));
  });

  it("records every lock, unlock, pin and unpin", async () => {
    const topic = await newTopic();
    for (const action of ["lock", "unlock", "pin", "unpin"]) await json(await moderate(as.lead, topic.id, action, `raison ${action}`), 201);
    const { items } = await json(await as.lead.get(api("/moderation/log?limit=100")), 200);
    const mine = items.filter((i: Json) => i.targetId === topic.id);
    expect(mine.map((i: Json) => [i.action, i.reason])).toEqual([
      ["unpin", "raison unpin"],
      ["pin", "raison pin"],
      ["unlock", "raison unlock"],
      ["lock", "raison lock"],
    ]);
  });

  it.each(["trainer", "peer", "host"] as const)("is 403 for a %s", async (who) => {
    await expectProblem(await as[who].get(api("/moderation/log")), 403);
  });

  it("is 401 for a stranger", async () => {
    await expectProblem(await stranger.get(api("/moderation/log")), 401);
  });

  it.each(["limit=101", "limit=0", "cursor=abc"])("refuses ?%s with 400", async (query) => {
    await expectProblem(await as.lead.get(api(`/moderation/log?${query}`)), 400);
  });
});
