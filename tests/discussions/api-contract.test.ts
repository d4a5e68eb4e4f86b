import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unansweredOperations } from "../setup/api-contract";
import { startTestServer, type TestClient, type TestServer } from "../setup/harness";
import { api, everyone, json, people, unique, type Json, type Who } from "./api-helpers";

/**
 * Every Discussions, Moderation, Notifications, Composer and Search operation answered at least once, each answer
 * checked by the test client against the schema the OpenAPI document declares for it.
 */

let server: TestServer;
const as = {} as Record<Who, TestClient>;

beforeAll(async () => {
  server = await startTestServer();
  for (const who of everyone) as[who] = await server.signedIn(people[who]);
});
afterAll(() => server?.stop());

const newTopic = async (client: TestClient, fields: Json = {}): Promise<Json> =>
  (await json(await client.post(api("/topics"), { categoryId: "classroom-situations", title: unique("Contrat"), body: "Que faire ?", language: "fr", ...fields }), 201)).topic;

describe("Discussions answers match the document", () => {
  it("manages categories and tags (lead)", async () => {
    expect((await json(await as.trainer.get(api("/categories")), 200)).length).toBeGreaterThan(0);
    const id = unique("cat").toLowerCase();
    await json(await as.lead.post(api("/categories"), { id, nameFr: "Catégorie", nameEn: "Category" }), 201);
    const changed = await json(await as.lead.patch(api(`/categories/${id}`), { nameFr: "Catégorie bis", nameEn: "Category bis", position: 3 }), 200);
    expect(changed.position).toBe(3);
    const [a, b] = [unique("tag-a").toLowerCase(), unique("tag-b").toLowerCase()];
    for (const slug of [a, b]) await json(await as.lead.post(api("/tags"), { slug, group: "themes", labels: { fr: slug, en: slug, es: "" } }), 201);
    const merged = await json(await as.lead.post(api(`/tags/${a}/merge`), { into: b }), 200);
    expect(merged.slug).toBe(b);
    expect((await json(await as.trainer.get(api("/tags")), 200)).map((t: Json) => t.slug)).toContain(b);
  });

  it("writes, reads, edits and lists topics and replies", async () => {
    const topic = await newTopic(as.trainer);
    const { post } = await json(await as.peer.post(api(`/topics/${topic.id}/posts`), { body: "Appeler tôt." }), 201);
    const { post: child } = await json(await as.trainer.post(api(`/topics/${topic.id}/posts`), { body: "Merci @helene.rousseau", parentId: post.id }), 201);
    expect(child.parentId).toBe(post.id);
    const page = await json(await as.trainer.get(api(`/topics/${topic.id}?limit=5`)), 200);
    expect(page.posts.map((p: Json) => p.id)).toEqual([post.id, child.id]);
    await json(await as.trainer.patch(api(`/topics/${topic.id}`), { title: unique("Contrat modifié") }), 200);
    expect((await json(await as.trainer.get(api(`/topics/${topic.id}/revisions`)), 200)).items).toHaveLength(1);
    await json(await as.peer.patch(api(`/posts/${post.id}`), { body: "Appeler très tôt." }), 200);
    const revisions = await json(await as.peer.get(api(`/posts/${post.id}/revisions`)), 200);
    expect(revisions.items[0].editor).toMatchObject({ handle: "helene.rousseau" });
    await json(await as.trainer.get(api(`/posts/${post.id}`)), 200);
    const accepted = await json(await as.trainer.post(api(`/topics/${topic.id}/accept`), { postId: post.id }), 200);
    expect(accepted.topic.acceptedPostId).toBe(post.id);
    expect((await json(await as.trainer.put(api(`/posts/${post.id}/reactions/helpful`)), 200)).post.reactions.helpful).toBe(1);
    expect((await json(await as.trainer.delete(api(`/posts/${post.id}/reactions/helpful`)), 200)).post.reactions.helpful).toBe(0);
    expect((await json(await as.peer.put(api(`/topics/${topic.id}/subscription`), { level: "muted" }), 200)).subscription.level).toBe("muted");
    expect((await as.peer.delete(api(`/topics/${topic.id}/subscription`))).status).toBe(204);
    expect((await as.trainer.delete(api(`/posts/${child.id}`))).status).toBe(204);
    const list = await json(await as.trainer.get(api("/topics?sort=latest&limit=100")), 200);
    expect(list.items.map((t: Json) => t.id)).toContain(topic.id);
  });

  it("says a topic I have read that has no reply is not unread (a boolean, never null)", async () => {
    const topic = await newTopic(as.peer);
    await json(await as.trainer.get(api(`/topics/${topic.id}`)), 200);
    await server.services.activity.flush();
    const { items } = await json(await as.trainer.get(api("/topics?sort=latest&limit=100")), 200);
    expect(items.find((t: Json) => t.id === topic.id)?.unread).toBe(false);
  });

  it("moderates a topic and lists the log (lead)", async () => {
    const topic = await newTopic(as.trainer);
    const { action } = await json(await as.lead.post(api("/moderation/actions"), { targetType: "topic", targetId: topic.id, action: "pin", reason: "Utile" }), 201);
    expect(action).toMatchObject({ targetId: topic.id, action: "pin" });
    const log = await json(await as.lead.get(api("/moderation/log?limit=5")), 200);
    expect(log.items[0]).toMatchObject({ action: "pin", target: { type: "topic", id: topic.id } });
  });

  it("lists my notifications and marks them read", async () => {
    const topic = await newTopic(as.trainer);
    await json(await as.peer.post(api(`/topics/${topic.id}/posts`), { body: "Une réponse pour @camille.martin" }), 201);
    const page = await json(await as.trainer.get(api("/notifications?limit=5")), 200);
    expect(page.items.length).toBeGreaterThan(0);
    expect(await json(await as.trainer.post(api("/notifications/read"), { ids: [page.items[0].id] }), 200)).toEqual({ unread: expect.any(Number) });
    expect(await json(await as.trainer.post(api("/notifications/read"), { all: true }), 200)).toEqual({ unread: 0 });
  });

  it("previews markdown, suggests mentions and searches", async () => {
    expect((await json(await as.trainer.post(api("/markdown/preview"), { body: "**Bonjour** @helene.rousseau" }), 200)).html).toContain("<strong>");
    expect((await json(await as.trainer.get(api("/mentions?q=hel")), 200)).map((m: Json) => m.handle)).toContain("helene.rousseau");
    const word = unique("contratrecherche").replace(/[^a-z]/g, "");
    await newTopic(as.trainer, { body: `Le mot ${word} est ici.` });
    const found = await json(await as.peer.get(api(`/search?q=${word}`)), 200);
    expect(found.items[0]).toMatchObject({ type: "topic" });
  });

  it("answered every Discussions, Moderation, Notifications, Composer and Search operation with a declared success", () => {
    expect(unansweredOperations(["Discussions", "Moderation", "Notifications", "Composer", "Search"])).toEqual([]);
  });
});
