import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { startTestServer, type TestClient, type TestServer } from "../setup/harness";
import { api, everyone, expectProblem, json, people, unique, type Json, type Who } from "./api-helpers";

/**
 * Replies, edits with revisions, soft delete, reactions, accepted answers, subscriptions, mentions and
 * notifications through /api/v1 (api.md: Discussions, Notifications; issue 3): each role, a stranger, bad input.
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

const tables = ["topics", "posts", "topic_tags", "revisions", "reactions", "subscriptions", "notifications", "moderation_actions"];
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

async function newTopic(client: TestClient = as.trainer, fields: Json = {}): Promise<Json> {
  const res = await client.post(api("/topics"), {
    categoryId: "classroom-situations",
    title: unique("Conflit dans un projet de groupe"),
    body: "Deux apprenants ne se parlent plus.",
    language: "fr",
    ...fields,
  });
  return (await json(res, 201)).topic;
}

async function reply(client: TestClient, topicId: string, body: string, parentId?: string | null): Promise<Json> {
  return (await json(await client.post(api(`/topics/${topicId}/posts`), parentId === undefined ? { body } : { body, parentId }), 201)).post;
}

async function page(client: TestClient, topicId: string): Promise<Json> {
  return json(await client.get(api(`/topics/${topicId}`)), 200);
}

async function postOnPage(client: TestClient, topicId: string, postId: string): Promise<Json> {
  const found = (await page(client, topicId)).posts.find((p: Json) => p.id === postId);
  expect(found, `post ${postId} on the page`).toBeDefined();
  return found;
}

async function notifications(client: TestClient): Promise<Json> {
  return json(await client.get(api("/notifications?limit=100")), 200);
}

const userId = async (who: Who) =>
  (await queryRows<{ id: string }>(server.services.db, sql`select id from users where email = ${people[who]}`))[0].id;

describe("POST /topics/:id/posts (reply)", () => {
  it.each(everyone)("lets a %s reply, 201 {post}, visible on the next read", async (who) => {
    const topic = await newTopic();
    const { post } = await json(await as[who].post(api(`/topics/${topic.id}/posts`), { body: `Réponse de ${who}` }), 201);
    expect(post).toEqual(
      expect.objectContaining({
        id: expect.stringMatching(/^\d+$/),
        parentId: null,
        body: `Réponse de ${who}`,
        bodyHtml: `<p>Réponse de ${who}</p>\n`,
        author: expect.objectContaining({ id: await userId(who), name: expect.any(String) }),
        editedAt: null,
        reactions: { helpful: 0, "same-here": 0, thanks: 0 },
      }),
    );
    expect((await page(as.peer, topic.id)).posts.map((p: Json) => p.id)).toEqual([post.id]);
  });

  it("replies to a reply, keeping parentId", async () => {
    const topic = await newTopic();
    const first = await reply(as.peer, topic.id, "Premier niveau");
    const second = await reply(as.trainer, topic.id, "Deuxième niveau", first.id);
    expect(second.parentId).toBe(first.id);
    expect((await postOnPage(as.host, topic.id, second.id)).parentId).toBe(first.id);
    // parentId may also be given as a number, or null for a first-level reply.
    expect((await reply(as.host, topic.id, "Troisième", Number(second.id) as unknown as string)).parentId).toBe(second.id);
    expect((await reply(as.host, topic.id, "Premier niveau aussi", null)).parentId).toBeNull();
  });

  it("is 401 for a stranger and stores nothing", async () => {
    const topic = await newTopic();
    const before = await snapshot();
    await expectProblem(await stranger.post(api(`/topics/${topic.id}/posts`), { body: "Coucou" }), 401);
    expect(await snapshot()).toEqual(before);
  });

  describe("bad input: a clear 4xx and nothing stored", () => {
    let topic: Json;
    let otherTopicPost: Json;
    let deletedParent: Json;
    beforeAll(async () => {
      topic = await newTopic();
      otherTopicPost = await reply(as.peer, (await newTopic()).id, "Dans un autre sujet");
      deletedParent = await reply(as.peer, topic.id, "Sera supprimé");
      await json(await as.peer.delete(api(`/posts/${deletedParent.id}`)), 204);
    });

    const cases: [string, () => { path: string; body: unknown }, number, string?][] = [
      ["an empty body", () => ({ path: `/topics/${topic.id}/posts`, body: { body: "" } }), 422, "body"],
      ["a blank body", () => ({ path: `/topics/${topic.id}/posts`, body: { body: " \n\t " } }), 422, "body"],
      ["a body that is a number", () => ({ path: `/topics/${topic.id}/posts`, body: { body: 12 } }), 422, "body"],
      ["no body", () => ({ path: `/topics/${topic.id}/posts`, body: {} }), 422, "body"],
      ["a body over 50,000 characters", () => ({ path: `/topics/${topic.id}/posts`, body: { body: "y".repeat(50_001) } }), 422, "body"],
      ["an unknown field", () => ({ path: `/topics/${topic.id}/posts`, body: { body: "ok", authorId: "demo-karim-benali" } }), 422],
      ["a parentId that is not a number", () => ({ path: `/topics/${topic.id}/posts`, body: { body: "ok", parentId: "abc" } }), 422, "parentId"],
      ["a parentId of 0", () => ({ path: `/topics/${topic.id}/posts`, body: { body: "ok", parentId: 0 } }), 422, "parentId"],
      ["a negative parentId", () => ({ path: `/topics/${topic.id}/posts`, body: { body: "ok", parentId: "-4" } }), 422, "parentId"],
      ["a parentId that is an object", () => ({ path: `/topics/${topic.id}/posts`, body: { body: "ok", parentId: { id: 1 } } }), 422, "parentId"],
      ["a parentId nobody has", () => ({ path: `/topics/${topic.id}/posts`, body: { body: "ok", parentId: "987654321" } }), 422, "parentId"],
      ["a parentId from another topic", () => ({ path: `/topics/${topic.id}/posts`, body: { body: "ok", parentId: otherTopicPost.id } }), 422, "parentId"],
      ["a deleted parent", () => ({ path: `/topics/${topic.id}/posts`, body: { body: "ok", parentId: deletedParent.id } }), 409],
      ["a topic id that is not a number", () => ({ path: `/topics/abc/posts`, body: { body: "ok" } }), 404],
      ["a topic id nobody has", () => ({ path: `/topics/987654321/posts`, body: { body: "ok" } }), 404],
    ];
    it.each(cases)("%s → %i", async (_name, make, status, field) => {
      const { path, body } = make();
      const before = await snapshot();
      await expectProblem(await as.trainer.post(api(path), body), status, field);
      expect(await snapshot()).toEqual(before);
    });

    it.each([
      ["malformed JSON", '{"body": "x', 400],
      ["a JSON array", '[{"body":"x"}]', 400],
      ["a body over 256 kB", JSON.stringify({ body: "z".repeat(300_000) }), 413],
    ] as const)("%s → %i", async (_name, raw, status) => {
      const before = await snapshot();
      await expectProblem(await as.trainer.request("POST", api(`/topics/${topic.id}/posts`), { body: raw }), status);
      expect(await snapshot()).toEqual(before);
    });
  });
});

describe("PATCH /posts/:id and GET /posts/:id/revisions", () => {
  it.each([
    ["the author", "peer", 200],
    ["another trainer", "trainer", 403],
    ["a host", "host", 403],
    ["a lead", "lead", 200],
    ["an admin", "admin", 200],
  ] as const)("%s editing a reply → %i", async (_name, who, status) => {
    const topic = await newTopic();
    const post = await reply(as.peer, topic.id, "Version 1");
    const before = await snapshot();
    const res = await as[who].patch(api(`/posts/${post.id}`), { body: "Version **2**" });
    if (status === 200) {
      const { post: edited } = await json(res, 200);
      expect(edited).toEqual(expect.objectContaining({ id: post.id, body: "Version **2**", bodyHtml: "<p>Version <strong>2</strong></p>\n", editedAt: expect.any(String) }));
      expect(edited.author.id).toBe(await userId("peer")); // an edit does not change who wrote the post
      expect((await postOnPage(as.host, topic.id, post.id)).body).toBe("Version **2**");
    } else {
      await expectProblem(res, status);
      expect(await snapshot()).toEqual(before);
      expect((await postOnPage(as.host, topic.id, post.id)).body).toBe("Version 1");
    }
  });

  it("is 401 for a stranger and changes nothing", async () => {
    const topic = await newTopic();
    const post = await reply(as.peer, topic.id, "Version 1");
    await expectProblem(await stranger.patch(api(`/posts/${post.id}`), { body: "Piraté" }), 401);
    await expectProblem(await stranger.get(api(`/posts/${post.id}/revisions`)), 401);
    expect((await postOnPage(as.host, topic.id, post.id)).body).toBe("Version 1");
  });

  it("keeps each earlier version whole, oldest first, readable by everyone", async () => {
    const topic = await newTopic();
    const post = await reply(as.peer, topic.id, "Version 1\n\nAvec un deuxième paragraphe.");
    await json(await as.peer.patch(api(`/posts/${post.id}`), { body: "Version 2" }), 200);
    await json(await as.lead.patch(api(`/posts/${post.id}`), { body: "Version 3 (modérée)" }), 200);
    await json(await as.peer.patch(api(`/posts/${post.id}`), { body: "Version 4" }), 200);
    for (const who of everyone) {
      const { items } = await json(await as[who].get(api(`/posts/${post.id}/revisions`)), 200);
      expect(items.map((r: Json) => r.body), who).toEqual(["Version 1\n\nAvec un deuxième paragraphe.", "Version 2", "Version 3 (modérée)"]);
      for (const r of items) {
        expect(r).toEqual(expect.objectContaining({ id: expect.stringMatching(/^\d+$/), editor: expect.objectContaining({ id: expect.any(String), name: expect.any(String) }) }));
        expect(r.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);
      }
    }
    expect((await postOnPage(as.trainer, topic.id, post.id)).body).toBe("Version 4");
  });

  it("says who wrote each earlier version and when", async () => {
    // Version 1 is Hélène's, written when the post was created; version 2 is Karim's (a lead), written at his edit.
    const topic = await newTopic();
    const post = await reply(as.peer, topic.id, "Version 1");
    const afterLeadEdit = (await json(await as.lead.patch(api(`/posts/${post.id}`), { body: "Version 2" }), 200)).post;
    await json(await as.peer.patch(api(`/posts/${post.id}`), { body: "Version 3" }), 200);
    const { items } = await json(await as.trainer.get(api(`/posts/${post.id}/revisions`)), 200);
    expect(items.map((r: Json) => [r.body, r.editor.id, r.createdAt])).toEqual([
      ["Version 1", await userId("peer"), post.createdAt],
      ["Version 2", await userId("lead"), afterLeadEdit.editedAt],
    ]);
  });

  it("an edit that changes nothing keeps no revision", async () => {
    const topic = await newTopic();
    const post = await reply(as.peer, topic.id, "Pareil");
    await json(await as.peer.patch(api(`/posts/${post.id}`), { body: "Pareil" }), 200);
    expect((await json(await as.peer.get(api(`/posts/${post.id}/revisions`)), 200)).items).toEqual([]);
  });

  it("re-renders hostile markdown on edit", async () => {
    const topic = await newTopic();
    const post = await reply(as.peer, topic.id, "Propre");
    const { post: edited } = await json(await as.peer.patch(api(`/posts/${post.id}`), { body: "<img src=x onerror=alert(1)> [a](javascript:alert(1))" }), 200);
    expect(edited.bodyHtml).not.toMatch(/onerror|javascript:/i);
  });

  describe("bad input: a clear 4xx and no revision stored", () => {
    let post: Json;
    beforeAll(async () => {
      post = await reply(as.peer, (await newTopic()).id, "Original");
    });
    it.each([
      ["an empty body", () => ({ path: `/posts/${post.id}`, body: { body: "" } }), 422, "body"],
      ["a body that is a list", () => ({ path: `/posts/${post.id}`, body: { body: ["a"] } }), 422, "body"],
      ["an unknown field", () => ({ path: `/posts/${post.id}`, body: { body: "ok", authorId: "demo-karim-benali" } }), 422],
      ["a post id that is not a number", () => ({ path: `/posts/abc`, body: { body: "ok" } }), 404],
      ["a post id nobody has", () => ({ path: `/posts/987654321`, body: { body: "ok" } }), 404],
    ] as const)("%s → %i", async (_name, make, status, field?: string) => {
      const { path, body } = make();
      const before = await snapshot();
      await expectProblem(await as.peer.patch(api(path), body), status, field);
      expect(await snapshot()).toEqual(before);
    });
    it("malformed JSON → 400, and the revisions of an unknown or non-numeric post → 404", async () => {
      await expectProblem(await as.peer.request("PATCH", api(`/posts/${post.id}`), { body: "{" }), 400);
      await expectProblem(await as.peer.get(api("/posts/abc/revisions")), 404);
      await expectProblem(await as.peer.get(api("/posts/987654321/revisions")), 404);
    });
  });
});

describe("DELETE /posts/:id (soft delete)", () => {
  it.each([
    ["the author", "peer", 204],
    ["another trainer", "trainer", 403],
    ["a host", "host", 403],
    ["a lead", "lead", 204],
    ["an admin", "admin", 204],
  ] as const)("%s deleting a reply → %i", async (_name, who, status) => {
    const topic = await newTopic();
    const post = await reply(as.peer, topic.id, "À supprimer peut-être");
    const res = await as[who].delete(api(`/posts/${post.id}`));
    if (status === 204) expect(res.status).toBe(204);
    else await expectProblem(res, status);
    expect((await postOnPage(as.host, topic.id, post.id)).body).toBe(status === 204 ? "" : "À supprimer peut-être");
  });

  it("is 401 for a stranger", async () => {
    const post = await reply(as.peer, (await newTopic()).id, "Reste là");
    await expectProblem(await stranger.delete(api(`/posts/${post.id}`)), 401);
  });

  it("leaves a placeholder that keeps the tree: children stay with their parentId, the text is gone everywhere", async () => {
    const topic = await newTopic();
    const parent = await reply(as.peer, topic.id, "Un secret à effacer : 0612345678");
    const child = await reply(as.trainer, topic.id, "Réponse à la réponse", parent.id);
    const grandchild = await reply(as.host, topic.id, "Encore en dessous", child.id);
    await json(await as.peer.put(api(`/posts/${parent.id}/reactions/thanks`)), 200);
    const before = await snapshot();
    expect((await as.peer.delete(api(`/posts/${parent.id}`))).status).toBe(204);
    const after = await snapshot();
    expect(after.posts).toBe(before.posts); // soft: the row stays

    for (const who of everyone) {
      const p = await page(as[who], topic.id);
      expect(p.posts.map((x: Json) => x.id), who).toEqual([parent.id, child.id, grandchild.id]);
      const placeholder = p.posts[0];
      expect(placeholder, who).toEqual(expect.objectContaining({ id: parent.id, parentId: null, body: "", bodyHtml: "", author: null, deleted: true }));
      expect(p.posts[1].parentId).toBe(parent.id);
      expect(p.posts[2].parentId).toBe(child.id);
      expect(JSON.stringify(p), who).not.toContain("0612345678");
      const single = await json(await as[who].get(api(`/posts/${parent.id}`)), 200);
      expect(JSON.stringify(single)).not.toContain("0612345678");
    }
  });

  it("a deleted post can no longer be edited, deleted, reacted to or read in revisions; replying under it is 409", async () => {
    const topic = await newTopic();
    const post = await reply(as.peer, topic.id, "Bientôt supprimé");
    await json(await as.peer.patch(api(`/posts/${post.id}`), { body: "Modifié avant suppression" }), 200);
    expect((await as.peer.delete(api(`/posts/${post.id}`))).status).toBe(204);
    await expectProblem(await as.peer.delete(api(`/posts/${post.id}`)), 404);
    await expectProblem(await as.lead.patch(api(`/posts/${post.id}`), { body: "Ressuscité" }), 404);
    await expectProblem(await as.peer.put(api(`/posts/${post.id}/reactions/helpful`)), 404);
    await expectProblem(await as.trainer.get(api(`/posts/${post.id}/revisions`)), 404);
    const detail = (await expectProblem(await as.trainer.post(api(`/topics/${topic.id}/posts`), { body: "Je réponds", parentId: post.id }), 409)).detail;
    expect(detail).toMatch(/supprimé/);
  });

  it("deleting the accepted answer clears acceptedPostId", async () => {
    const topic = await newTopic();
    const post = await reply(as.peer, topic.id, "La solution");
    await json(await as.trainer.post(api(`/topics/${topic.id}/accept`), { postId: post.id }), 200);
    expect((await as.peer.delete(api(`/posts/${post.id}`))).status).toBe(204);
    expect((await page(as.trainer, topic.id)).topic.acceptedPostId).toBeNull();
  });
});

describe("PUT / DELETE /posts/:id/reactions/:kind", () => {
  const reactionRows = async (postId: string) =>
    (await queryRows<{ n: number }>(server.services.db, sql`select count(*)::int as n from reactions where post_id = ${Number(postId)}`))[0].n;

  it.each(everyone)("lets a %s react and take it back", async (who) => {
    const post = await reply(as.peer, (await newTopic()).id, "Merci pour vos idées");
    const added = await json(await as[who].put(api(`/posts/${post.id}/reactions/same-here`)), 200);
    expect(added.post.reactions).toEqual({ helpful: 0, "same-here": 1, thanks: 0 });
    const removed = await json(await as[who].delete(api(`/posts/${post.id}/reactions/same-here`)), 200);
    expect(removed.post.reactions).toEqual({ helpful: 0, "same-here": 0, thanks: 0 });
  });

  it("is 401 for a stranger", async () => {
    const post = await reply(as.peer, (await newTopic()).id, "x y z");
    await expectProblem(await stranger.put(api(`/posts/${post.id}/reactions/helpful`)), 401);
    await expectProblem(await stranger.delete(api(`/posts/${post.id}/reactions/helpful`)), 401);
    expect(await reactionRows(post.id)).toBe(0);
  });

  it("one per person and kind: counts stay right after repeated PUT and DELETE", async () => {
    const topic = await newTopic();
    const post = await reply(as.peer, topic.id, "Une idée utile");
    const put = async (who: Who, kind: string) => (await json(await as[who].put(api(`/posts/${post.id}/reactions/${kind}`)), 200)).post.reactions;
    const del = async (who: Who, kind: string) => (await json(await as[who].delete(api(`/posts/${post.id}/reactions/${kind}`)), 200)).post.reactions;

    expect(await put("trainer", "helpful")).toEqual({ helpful: 1, "same-here": 0, thanks: 0 });
    expect(await put("trainer", "helpful")).toEqual({ helpful: 1, "same-here": 0, thanks: 0 });
    expect(await put("trainer", "helpful")).toEqual({ helpful: 1, "same-here": 0, thanks: 0 });
    expect(await put("host", "helpful")).toEqual({ helpful: 2, "same-here": 0, thanks: 0 });
    expect(await put("trainer", "thanks")).toEqual({ helpful: 2, "same-here": 0, thanks: 1 });
    expect(await put("trainer", "same-here")).toEqual({ helpful: 2, "same-here": 1, thanks: 1 });
    expect(await del("trainer", "helpful")).toEqual({ helpful: 1, "same-here": 1, thanks: 1 });
    expect(await del("trainer", "helpful")).toEqual({ helpful: 1, "same-here": 1, thanks: 1 });
    expect(await del("lead", "helpful")).toEqual({ helpful: 1, "same-here": 1, thanks: 1 }); // never reacted
    expect(await put("trainer", "helpful")).toEqual({ helpful: 2, "same-here": 1, thanks: 1 });
    expect(await reactionRows(post.id)).toBe(4);
    expect((await postOnPage(as.admin, topic.id, post.id)).reactions).toEqual({ helpful: 2, "same-here": 1, thanks: 1 });
  });

  it("stays one per person under concurrent PUTs", async () => {
    const topic = await newTopic();
    const post = await reply(as.peer, topic.id, "Concurrence");
    const answers = await Promise.all(Array.from({ length: 6 }, () => as.trainer.put(api(`/posts/${post.id}/reactions/thanks`))));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect((await postOnPage(as.trainer, topic.id, post.id)).reactions.thanks).toBe(1);
    expect(await reactionRows(post.id)).toBe(1);
  });

  it.each([
    ["an unknown kind", (id: string) => `/posts/${id}/reactions/love`],
    ["a kind in capitals", (id: string) => `/posts/${id}/reactions/HELPFUL`],
    ["a post id that is not a number", () => `/posts/abc/reactions/helpful`],
    ["a post id nobody has", () => `/posts/987654321/reactions/helpful`],
  ])("%s → 404 and nothing stored", async (_name, path) => {
    const post = await reply(as.peer, (await newTopic()).id, "Réaction");
    const before = await snapshot();
    await expectProblem(await as.trainer.put(api(path(post.id))), 404);
    await expectProblem(await as.trainer.delete(api(path(post.id))), 404);
    expect(await snapshot()).toEqual(before);
  });
});

describe("POST /topics/:id/accept", () => {
  let topic: Json;
  let answer: Json;
  let other: Json;
  beforeAll(async () => {
    topic = await newTopic(as.trainer);
    answer = await reply(as.peer, topic.id, "Fais un entretien individuel");
    other = await reply(as.host, topic.id, "Parle à l'équipe", answer.id);
  });

  it("lets the topic's author accept a reply, 200 {topic}", async () => {
    const { topic: accepted } = await json(await as.trainer.post(api(`/topics/${topic.id}/accept`), { postId: answer.id }), 200);
    expect(accepted).toEqual(expect.objectContaining({ id: topic.id, acceptedPostId: answer.id }));
    expect((await page(as.host, topic.id)).topic.acceptedPostId).toBe(answer.id);
  });

  it.each(["lead", "admin"] as const)("lets a %s accept a reply on someone else's topic", async (who) => {
    const { topic: accepted } = await json(await as[who].post(api(`/topics/${topic.id}/accept`), { postId: other.id }), 200);
    expect(accepted.acceptedPostId).toBe(other.id);
    await json(await as.trainer.post(api(`/topics/${topic.id}/accept`), { postId: answer.id }), 200);
  });

  it.each(["peer", "host"] as const)("refuses a %s who did not ask (403), the accepted answer unchanged", async (who) => {
    await json(await as.trainer.post(api(`/topics/${topic.id}/accept`), { postId: answer.id }), 200);
    const before = await snapshot();
    await expectProblem(await as[who].post(api(`/topics/${topic.id}/accept`), { postId: other.id }), 403);
    expect((await page(as.trainer, topic.id)).topic.acceptedPostId).toBe(answer.id);
    expect(await snapshot()).toEqual(before);
  });

  it("is 401 for a stranger", async () => {
    await expectProblem(await stranger.post(api(`/topics/${topic.id}/accept`), { postId: other.id }), 401);
  });

  it("refuses a post of another topic with 422, the accepted answer unchanged", async () => {
    await json(await as.trainer.post(api(`/topics/${topic.id}/accept`), { postId: answer.id }), 200);
    const elsewhere = await reply(as.peer, (await newTopic(as.trainer)).id, "Ailleurs");
    await expectProblem(await as.trainer.post(api(`/topics/${topic.id}/accept`), { postId: elsewhere.id }), 422, "postId");
    expect((await page(as.trainer, topic.id)).topic.acceptedPostId).toBe(answer.id);
  });

  it.each([
    ["a postId that is not a number", { postId: "abc" }, 422, "postId"],
    ["a postId nobody has", { postId: "987654321" }, 422, "postId"],
    ["no postId", {}, 422, "postId"],
    ["a postId that is a list", { postId: [1] }, 422, "postId"],
    ["an unknown field", { postId: "1", pin: true }, 422, undefined],
  ] as const)("refuses %s with a clear %i", async (_name, body, status, field) => {
    await expectProblem(await as.trainer.post(api(`/topics/${topic.id}/accept`), body), status, field);
    expect((await page(as.trainer, topic.id)).topic.acceptedPostId).toBe(answer.id);
  });

  it("refuses a deleted reply with 422, and a topic id that is not a number with 404", async () => {
    const gone = await reply(as.peer, topic.id, "Supprimée");
    expect((await as.peer.delete(api(`/posts/${gone.id}`))).status).toBe(204);
    await expectProblem(await as.trainer.post(api(`/topics/${topic.id}/accept`), { postId: gone.id }), 422, "postId");
    await expectProblem(await as.trainer.post(api(`/topics/abc/accept`), { postId: answer.id }), 404);
  });

  it("clears the accepted answer with postId null", async () => {
    const t = await newTopic(as.trainer);
    const p = await reply(as.peer, t.id, "Solution");
    await json(await as.trainer.post(api(`/topics/${t.id}/accept`), { postId: p.id }), 200);
    expect((await json(await as.trainer.post(api(`/topics/${t.id}/accept`), { postId: null }), 200)).topic.acceptedPostId).toBeNull();
  });

  it("notifies the author of the accepted reply once", async () => {
    const t = await newTopic(as.trainer);
    const p = await reply(as.peer, t.id, "Ma solution");
    await json(await as.trainer.post(api(`/topics/${t.id}/accept`), { postId: p.id }), 200);
    await json(await as.trainer.post(api(`/topics/${t.id}/accept`), { postId: p.id }), 200);
    const accepted = (await notifications(as.peer)).items.filter((n: Json) => n.kind === "accepted" && n.url.includes(`/discussions/t/${t.id}?`));
    expect(accepted).toHaveLength(1);
  });
});

describe("PUT / DELETE /topics/:id/subscription", () => {
  const level = async (who: Who, topicId: string) =>
    (
      await queryRows<{ level: string }>(
        server.services.db,
        sql`select level from subscriptions where user_id = ${await userId(who)} and target_type = 'topic' and target_id = ${topicId}`,
      )
    )[0]?.level ?? null;

  it.each(everyone)("lets a %s follow, mute and leave a topic; both verbs are idempotent", async (who) => {
    const topic = await newTopic(who === "trainer" ? as.peer : as.trainer);
    await json(await as[who].put(api(`/topics/${topic.id}/subscription`)), 200);
    await json(await as[who].put(api(`/topics/${topic.id}/subscription`)), 200);
    expect(await level(who, topic.id)).toBe("watching");
    await json(await as[who].put(api(`/topics/${topic.id}/subscription`), { level: "muted" }), 200);
    expect(await level(who, topic.id)).toBe("muted");
    expect((await as[who].delete(api(`/topics/${topic.id}/subscription`))).status).toBe(204);
    expect((await as[who].delete(api(`/topics/${topic.id}/subscription`))).status).toBe(204);
    expect(await level(who, topic.id)).toBeNull();
  });

  it("is 401 for a stranger", async () => {
    const topic = await newTopic();
    await expectProblem(await stranger.put(api(`/topics/${topic.id}/subscription`)), 401);
    await expectProblem(await stranger.delete(api(`/topics/${topic.id}/subscription`)), 401);
  });

  it.each([
    ["an unknown level", { level: "loud" }, 422],
    ["a level that is a number", { level: 1 }, 422],
    ["an unknown field", { level: "watching", email: true }, 422],
  ] as const)("refuses %s with %i and stores nothing", async (_name, body, status) => {
    const topic = await newTopic();
    const before = await snapshot();
    await expectProblem(await as.peer.put(api(`/topics/${topic.id}/subscription`), body), status);
    expect(await snapshot()).toEqual(before);
  });

  it("answers 404 for topic ids that are not numbers or that nobody has", async () => {
    for (const id of ["abc", "0", "987654321"]) {
      await expectProblem(await as.peer.put(api(`/topics/${id}/subscription`)), 404);
      await expectProblem(await as.peer.delete(api(`/topics/${id}/subscription`)), 404);
    }
  });

  it("a muted topic sends no reply notifications; a followed one does", async () => {
    const topic = await newTopic(as.trainer);
    await json(await as.trainer.put(api(`/topics/${topic.id}/subscription`), { level: "muted" }), 200);
    await reply(as.peer, topic.id, "Une réponse pendant la sourdine");
    expect((await notifications(as.trainer)).items.filter((n: Json) => n.url.includes(`/discussions/t/${topic.id}?`))).toEqual([]);
    await json(await as.host.put(api(`/topics/${topic.id}/subscription`)), 200);
    expect((await as.trainer.delete(api(`/topics/${topic.id}/subscription`))).status).toBe(204);
    const later = await reply(as.peer, topic.id, "Une réponse pour les abonnés");
    expect((await notifications(as.host)).items.map((n: Json) => n.url)).toContain(`${server.config.publicUrl}/discussions/t/${topic.id}?post=${later.id}#post-${later.id}`);
  });
});

describe("mentions and notifications", () => {
  it("a reply notifies the topic's author, with the contract's shape, newest first", async () => {
    const topic = await newTopic(as.trainer);
    const before = (await notifications(as.trainer)).unread;
    const post = await reply(as.peer, topic.id, "Je te réponds");
    const notes = await notifications(as.trainer);
    expect(notes.unread).toBe(before + 1);
    const [latest] = notes.items;
    expect(latest).toEqual(
      expect.objectContaining({
        id: expect.stringMatching(/^\d+$/),
        kind: "reply",
        read: false,
        createdAt: expect.stringMatching(/Z$/),
        url: `${server.config.publicUrl}/discussions/t/${topic.id}?post=${post.id}#post-${post.id}`,
        actor: expect.objectContaining({ id: await userId("peer"), name: "Hélène Rousseau" }),
      }),
    );
  });

  it("a mention notifies the people who exist, and links only them", async () => {
    const before = (await notifications(as.lead)).items.length;
    const topic = await newTopic(as.trainer, { body: "Qu'en pensez-vous @karim.benali et @personne.inconnue ?" });
    expect(topic.bodyHtml).toContain('href="/people/karim.benali"');
    expect(topic.bodyHtml).not.toContain("/people/personne.inconnue");
    expect(topic.bodyHtml).toContain("@personne.inconnue");
    const notes = (await notifications(as.lead)).items;
    expect(notes.length).toBe(before + 1);
    expect(notes[0]).toEqual(expect.objectContaining({ kind: "mention", url: `${server.config.publicUrl}/discussions/t/${topic.id}` }));
    const post = await reply(as.peer, topic.id, "@sophie.lefevre @ghost.user regarde ça");
    const adminNotes = (await notifications(as.admin)).items;
    expect(adminNotes[0]).toEqual(expect.objectContaining({ kind: "mention", url: expect.stringContaining(`?post=${post.id}#post-${post.id}`) }));
  });

  it("an edit notifies people newly mentioned, not those already mentioned", async () => {
    const topic = await newTopic(as.trainer);
    const post = await reply(as.peer, topic.id, "Salut @sophie.lefevre");
    const adminBefore = (await notifications(as.admin)).items.length;
    const leadBefore = (await notifications(as.lead)).items.length;
    await json(await as.peer.patch(api(`/posts/${post.id}`), { body: "Salut @sophie.lefevre et @karim.benali" }), 200);
    expect((await notifications(as.admin)).items.length).toBe(adminBefore);
    expect((await notifications(as.lead)).items.length).toBe(leadBefore + 1);
  });

  it.each([
    ["a ``` fence", "```\n@karim.benali\n```"],
    ["inline code", "Tape `@karim.benali` dans le champ"],
    ["a ~~~ fence", "~~~\n@karim.benali\n~~~"],
    ["an indented code block", "Exemple :\n\n    @karim.benali\n"],
    ["a double-backtick code span", "Écris `` @karim.benali `` ainsi"],
  ])("a handle inside %s notifies nobody", async (_where, body) => {
    const topic = await newTopic(as.trainer);
    const before = (await notifications(as.lead)).items.length;
    const post = await reply(as.peer, topic.id, body);
    expect(post.bodyHtml).not.toContain("/people/karim.benali");
    expect((await notifications(as.lead)).items.length).toBe(before);
  });

  it("POST /notifications/read marks some or all as read", async () => {
    const topic = await newTopic(as.trainer);
    await reply(as.peer, topic.id, "Un");
    await reply(as.host, topic.id, "Deux");
    const notes = await notifications(as.trainer);
    expect(notes.unread).toBeGreaterThanOrEqual(2);
    const [first] = notes.items;
    const { unread } = await json(await as.trainer.post(api("/notifications/read"), { ids: [first.id] }), 200);
    expect(unread).toBe(notes.unread - 1);
    expect((await notifications(as.trainer)).items.find((n: Json) => n.id === first.id).read).toBe(true);
    expect((await json(await as.trainer.post(api("/notifications/read"), { all: true }), 200)).unread).toBe(0);
    expect((await notifications(as.trainer)).unread).toBe(0);
  });

  it("marking someone else's notification ids changes nothing for them", async () => {
    const topic = await newTopic(as.peer);
    await reply(as.host, topic.id, "Pour Hélène");
    const theirs = await notifications(as.peer);
    expect(theirs.unread).toBeGreaterThan(0);
    await json(await as.trainer.post(api("/notifications/read"), { ids: theirs.items.map((n: Json) => n.id) }), 200);
    expect((await notifications(as.peer)).unread).toBe(theirs.unread);
  });

  it.each([
    ["ids that are not a list", { ids: "1" }],
    ["ids that are not numbers", { ids: ["abc"] }],
    ["all: false", { all: false }],
    ["nothing", {}],
    ["an unknown field", { all: true, everyone: true }],
  ])("POST /notifications/read refuses %s with 422", async (_name, body) => {
    await expectProblem(await as.trainer.post(api("/notifications/read"), body), 422);
  });

  it("GET /notifications refuses limit > 100 and a bad cursor with 400, and strangers with 401", async () => {
    await expectProblem(await as.trainer.get(api("/notifications?limit=101")), 400);
    await expectProblem(await as.trainer.get(api("/notifications?cursor=abc")), 400);
    await expectProblem(await stranger.get(api("/notifications")), 401);
    await expectProblem(await stranger.post(api("/notifications/read"), { all: true }), 401);
  });
});

describe("a hidden post", () => {
  let topic: Json;
  let hidden: Json;
  let child: Json;
  beforeAll(async () => {
    topic = await newTopic(as.trainer);
    hidden = await reply(as.peer, topic.id, "Propos déplacés : appelle Jean Dupont au 0698765432");
    child = await reply(as.host, topic.id, "Réponse en dessous", hidden.id);
    await setVisibility("posts", hidden.id, "hidden");
  });

  it.each(["trainer", "peer", "host"] as const)("is a placeholder for a %s, its children kept, its text nowhere", async (who) => {
    const p = await page(as[who], topic.id);
    expect(p.posts.map((x: Json) => x.id)).toEqual([hidden.id, child.id]);
    expect(p.posts[0]).toEqual(expect.objectContaining({ id: hidden.id, parentId: null, body: "", bodyHtml: "", author: null }));
    expect(p.posts[1].parentId).toBe(hidden.id);
    expect(JSON.stringify(p)).not.toContain("0698765432");
    expect(JSON.stringify(await json(await as[who].get(api(`/posts/${hidden.id}`)), 200))).not.toContain("0698765432");
    await expectProblem(await as[who].get(api(`/posts/${hidden.id}/revisions`)), 404);
    await expectProblem(await as[who].put(api(`/posts/${hidden.id}/reactions/helpful`)), 404);
  });

  it("cannot be edited or deleted by its author while hidden", async () => {
    await expectProblem(await as.peer.patch(api(`/posts/${hidden.id}`), { body: "Je corrige" }), 404);
    await expectProblem(await as.peer.delete(api(`/posts/${hidden.id}`)), 404);
    await expectProblem(await as.trainer.post(api(`/topics/${topic.id}/posts`), { body: "Sous le message caché", parentId: hidden.id }), 422, "parentId");
  });

  it.each(["lead", "admin"] as const)("stays readable by a %s", async (who) => {
    const p = await page(as[who], topic.id);
    expect(p.posts[0].body).toContain("0698765432");
    expect((await json(await as[who].get(api(`/posts/${hidden.id}/revisions`)), 200)).items).toEqual([]);
  });
});
