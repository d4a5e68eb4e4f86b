import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../setup/harness";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

it("ask, reply to a reply, react, accept, get notified", async () => {
  const asker = await server.signedIn("trainer.paris@demo.compass");
  const peer = await server.signedIn("trainer.lyon@demo.compass");
  const created = await asker.post("/api/v1/topics", { categoryId: "classroom-situations", title: "Un apprenant décroche en semaine 6", body: "Que faire ? @helene.rousseau tu as une idée ?", tags: ["dropout-risk"], language: "fr" });
  expect(created.status).toBe(201);
  const { topic } = await created.json();
  const r1 = await (await peer.post(`/api/v1/topics/${topic.id}/posts`, { body: "Un entretien individuel." })).json();
  const r2 = await asker.post(`/api/v1/topics/${topic.id}/posts`, { body: "Merci, et ensuite ?", parentId: r1.post.id });
  expect(r2.status).toBe(201);
  expect((await peer.put(`/api/v1/posts/${r1.post.id}/reactions/helpful`)).status).toBe(200);
  expect((await asker.put(`/api/v1/posts/${r1.post.id}/reactions/helpful`)).status).toBe(200);
  expect((await asker.put(`/api/v1/posts/${r1.post.id}/reactions/helpful`)).status).toBe(200);
  const accepted = await asker.post(`/api/v1/topics/${topic.id}/accept`, { postId: r1.post.id });
  expect((await accepted.json()).topic.acceptedPostId).toBe(r1.post.id);
  const page = await (await peer.get(`/api/v1/topics/${topic.id}`)).json();
  expect(page.posts).toHaveLength(2);
  expect(page.posts[0].reactions.helpful).toBe(2);
  expect(page.posts[1].parentId).toBe(r1.post.id);
  const notes = await (await peer.get("/api/v1/notifications")).json();
  expect(notes.items.map((n: { kind: string }) => n.kind).sort()).toEqual(["accepted", "mention", "reply"]);
  expect(notes.unread).toBe(3);
  const list = await (await peer.get("/api/v1/topics")).json();
  expect(list.items[0].id).toBe(topic.id);
});
