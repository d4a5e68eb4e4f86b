import { eq } from "drizzle-orm";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications, posts, topics, users } from "../../db/schema";
import { afterCommit, listNotifications, unreadCount, type PendingPush } from "../../app/modules/discussions/notifications.server";
import { setSubscription } from "../../app/modules/discussions/topics.server";
import { startTestServer, type TestClient, type TestServer } from "../setup/harness";

let server: TestServer;
const sockets: Socket[] = [];
let camille: TestClient; // trainer.paris, French
let helene: TestClient; // trainer.lyon
let karim: TestClient; // lead
let lucia: TestClient; // host.madrid, English
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer({ remix: "development" });
  [camille, helene, karim, lucia] = await Promise.all(
    ["trainer.paris@demo.compass", "trainer.lyon@demo.compass", "lead@demo.compass", "host.madrid@demo.compass"].map((e) => server.signedIn(e)),
  );
  for (const [name, c] of Object.entries({ camille, helene, karim, lucia })) {
    ids[name] = ((await (await c.get("/api/v1/me")).json()) as { user: { id: string } }).user.id;
  }
}, 120_000);
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await server?.stop();
});

type Item = { id: string; kind: string; read: boolean; url: string; actor: { id: string; name: string } | null; topic: { id: string; title: string } | null; postId: string | null };
type List = { items: Item[]; unread: number; nextCursor: string | null };

const list = async (c: TestClient, query = "") => (await (await c.get(`/api/v1/notifications${query}`)).json()) as List;
const viewer = async (id: string) => (await server.services.db.select().from(users).where(eq(users.id, id)))[0];

async function newTopic(c: TestClient, title: string, body = "Comment faites-vous ?", extra: Record<string, unknown> = {}) {
  const res = await c.post("/api/v1/topics", { categoryId: "pedagogy", title, body, tags: [], language: "fr", ...extra });
  expect(res.status).toBe(201);
  return ((await res.json()) as { topic: { id: string } }).topic.id;
}
async function reply(c: TestClient, topicId: string, body: string, parentId?: string) {
  const res = await c.post(`/api/v1/topics/${topicId}/posts`, { body, ...(parentId ? { parentId } : {}) });
  expect(res.status).toBe(201);
  return ((await res.json()) as { post: { id: string } }).post.id;
}

describe("the list and the unread count", () => {
  it("lists my notifications newest first with who, what and where, and counts the unread", async () => {
    const before = await list(camille);
    const topicId = await newTopic(camille, "Évaluer sans noter : vos pratiques ?");
    const r1 = await reply(helene, topicId, "Des grilles de compétences partagées avec le groupe.");
    await reply(karim, topicId, "Bonne idée, @camille.martin, tu peux partager ta grille ?", r1);
    const after = await list(camille);
    expect(after.unread).toBe(before.unread + 2);
    const [latest, previous] = after.items;
    expect(latest).toMatchObject({ kind: "mention", read: false, actor: { id: ids.karim, name: "Karim Benali" }, topic: { id: topicId, title: "Évaluer sans noter : vos pratiques ?" } });
    expect(previous).toMatchObject({ kind: "reply", actor: { name: "Hélène Rousseau" }, postId: r1 });
    expect(previous.url).toBe(`${server.config.publicUrl}/discussions/t/${topicId}?post=${r1}#post-${r1}`);
    // Hélène is told about Karim's reply to her post; Karim, the author of the change, about nothing.
    expect((await list(helene)).items[0]).toMatchObject({ kind: "reply", actor: { name: "Karim Benali" } });
    expect((await list(karim)).items.find((n) => n.topic?.id === topicId)).toBeUndefined();
    expect(await unreadCount(server.services.db, await viewer(ids.camille))).toBe(after.unread);
    const page = await list(camille, "?limit=1");
    expect(page.items).toHaveLength(1);
    expect(page.nextCursor).toBe(latest.id);
    expect((await list(camille, `?limit=1&cursor=${page.nextCursor}`)).items[0].id).toBe(previous.id);
  });

  it("marks read by id and all at once, never touching anyone else's", async () => {
    const topicId = await newTopic(lucia, "Mobility: how do you prepare the hosting team?");
    await reply(camille, topicId, "Une réunion d'accueil la semaine avant.");
    await reply(helene, topicId, "Un binôme sur place.");
    const luciaItems = (await list(lucia)).items.filter((n) => n.topic?.id === topicId);
    expect(luciaItems).toHaveLength(2);
    const helenesOwn = (await list(helene)).items.find((n) => !n.read);
    expect(helenesOwn).toBeDefined();
    const before = await list(lucia);

    const res = await lucia.post("/api/v1/notifications/read", { ids: [luciaItems[0].id, helenesOwn!.id] });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { unread: number }).unread).toBe(before.unread - 1);
    const after = await list(lucia);
    expect(after.items.find((n) => n.id === luciaItems[0].id)?.read).toBe(true);
    expect(after.items.find((n) => n.id === luciaItems[1].id)?.read).toBe(false);
    expect((await list(helene)).items.find((n) => n.id === helenesOwn!.id)?.read).toBe(false);

    await lucia.post("/api/v1/notifications/read", { all: true });
    expect((await list(lucia)).unread).toBe(0);
    expect((await list(helene)).items.find((n) => n.id === helenesOwn!.id)?.read).toBe(false);
  });

  it("forgets notifications about a post deleted or hidden since, and about a hidden topic", async () => {
    const topicId = await newTopic(camille, "Projets de groupe : qui choisit les équipes ?");
    const start = await list(camille);
    const deleted = await reply(helene, topicId, "Je tire au sort.");
    const hidden = await reply(karim, topicId, "Les apprenant·es, avec des contraintes.");
    const kept = await reply(lucia, topicId, "We mix levels on purpose.");
    expect((await list(camille)).unread).toBe(start.unread + 3);

    expect((await helene.delete(`/api/v1/posts/${deleted}`)).status).toBe(204);
    await server.services.db.update(posts).set({ visibility: "hidden" }).where(eq(posts.id, Number(hidden)));
    const now = await list(camille);
    expect(now.unread).toBe(start.unread + 1);
    expect(now.items.map((n) => n.postId)).toContain(kept);
    expect(now.items.map((n) => n.postId)).not.toContain(deleted);
    expect(now.items.map((n) => n.postId)).not.toContain(hidden);
    expect(await unreadCount(server.services.db, await viewer(ids.camille))).toBe(start.unread + 1);

    await server.services.db.update(topics).set({ visibility: "hidden" }).where(eq(topics.id, Number(topicId)));
    const gone = await list(camille);
    expect(gone.items.filter((n) => n.topic?.id === topicId)).toEqual([]);
    expect(gone.unread).toBe(start.unread);
    await server.services.db.update(topics).set({ visibility: "visible" }).where(eq(topics.id, Number(topicId)));
  });
});

describe("who is notified", () => {
  it("tells no one who muted the topic, not even its author", async () => {
    const topicId = await newTopic(camille, "Un sujet que je mets en sourdine");
    expect((await camille.put(`/api/v1/topics/${topicId}/subscription`, { level: "muted" })).status).toBe(200);
    const before = await list(camille);
    await reply(helene, topicId, "Je réponds quand même.");
    await reply(karim, topicId, "Moi aussi, @camille.martin.");
    const after = await list(camille);
    expect(after.unread).toBe(before.unread);
    expect(after.items.filter((n) => n.topic?.id === topicId)).toEqual([]);
  });

  it("tells people watching a category or a tag about a new topic there", async () => {
    await setSubscription(server.services.db, ids.karim, "category", "tech-and-tools", "watching");
    await setSubscription(server.services.db, ids.lucia, "tag", "digital-beginners", "watching");
    await setSubscription(server.services.db, ids.camille, "category", "tech-and-tools", "muted");
    const topicId = await newTopic(helene, "Enseigner git à des débutant·es", "Par où commencer ?", { categoryId: "tech-and-tools", tags: ["digital-beginners"] });
    expect((await list(karim)).items[0]).toMatchObject({ kind: "new-topic", topic: { id: topicId }, actor: { name: "Hélène Rousseau" } });
    expect((await list(lucia)).items[0]).toMatchObject({ kind: "new-topic", topic: { id: topicId } });
    expect((await list(camille)).items.find((n) => n.topic?.id === topicId)).toBeUndefined();
    // Following the category does not make every reply a notification: that is what following the topic is for.
    const before = (await list(karim)).unread;
    await reply(camille, topicId, "Avec des post-it sur un tableau !");
    expect((await list(karim)).unread).toBe(before);
  });
});

describe("live", () => {
  function open(client: TestClient): Promise<Socket> {
    const socket = connect(`http://127.0.0.1:${server.port}`, {
      transports: ["websocket"],
      reconnection: false,
      extraHeaders: { cookie: client.cookieHeader(), origin: server.config.publicUrl },
    });
    sockets.push(socket);
    return new Promise((resolve, reject) => {
      socket.once("connect", () => resolve(socket));
      socket.once("connect_error", reject);
    });
  }

  it("pushes notification:new to the person's sockets when someone replies", async () => {
    const topicId = await newTopic(camille, "Garder la motivation pendant la recherche de stage");
    const socket = await open(camille);
    const other = await open(karim);
    let karimGot = 0;
    other.on("notification:new", () => karimGot++);
    const received = new Promise<Record<string, unknown>>((resolve) => socket.once("notification:new", resolve));
    const postId = await reply(helene, topicId, "Un point hebdo collectif, court.");
    const payload = await received;
    expect(payload).toMatchObject({
      kind: "reply",
      read: false,
      postId,
      actor: { id: ids.helene, name: "Hélène Rousseau" },
      topic: { id: topicId, title: "Garder la motivation pendant la recherche de stage" },
      url: `/discussions/t/${topicId}?post=${postId}#post-${postId}`,
    });
    // What was pushed is what a reload shows.
    expect((await list(camille)).items[0].id).toBe(payload.id);
    expect(karimGot).toBe(0);
  });

  it("afterCommit pushes live and queues the e-mail of a mention or a reply only", async () => {
    const sent: { name: string; data: unknown }[] = [];
    const pushed: string[] = [];
    const services = {
      realtime: { toUser: (userId: string) => void pushed.push(userId), disconnectUser() {}, disconnectSession() {} },
      jobs: { ...server.services.jobs, send: async (name: string, data: object) => void sent.push({ name, data }) },
    };
    const push = (id: string, kind: string): PendingPush => ({
      userId: ids.camille,
      notification: { id, kind, read: false, createdAt: new Date().toISOString(), url: null, topicId: null, topic: null, postId: null, actor: null },
    });
    await afterCommit(services, [push("1", "reply"), push("2", "watching"), push("3", "mention"), push("4", "new-topic")]);
    expect(pushed).toHaveLength(4);
    expect(sent).toEqual([
      { name: "send-notification-email", data: { notificationId: "1" } },
      { name: "send-notification-email", data: { notificationId: "3" } },
    ]);
    // A queue that refuses does not make the committed change fail.
    const failing = { ...services, jobs: { ...services.jobs, send: async () => Promise.reject(new Error("down")) } };
    await expect(afterCommit(failing, [push("5", "reply")])).resolves.toBeUndefined();
  });
});

describe("the notifications page", () => {
  it("sends a stranger to sign in", async () => {
    const res = await server.client().get("/notifications");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/login?redirectTo=%2Fnotifications");
  });

  it("says each notification in the reader's language, unread ones marked, with a mark-read form", async () => {
    const topicId = await newTopic(lucia, "Welcoming a visiting trainer");
    await reply(camille, topicId, "On prévoit un buddy.");
    const fr = await (await camille.get("/notifications")).text();
    expect(fr).toContain("<h1>Notifications</h1>");
    const en = await (await lucia.get("/notifications")).text();
    expect(en).toContain("Camille Martin replied to you in “Welcoming a visiting trainer”");
    expect(en).toContain("Unread");
    expect(en).toMatch(/<button[^>]*name="intent"[^>]*value="read"/);
    expect(en).toContain("Mark all as read");
    const frItem = (await list(helene)).items[0];
    const html = await (await helene.get("/notifications")).text();
    expect(html).toContain(`href="/notifications?open=${frItem.id}"`);
  });

  it("marks one read and all read with plain forms, and opening one marks it read", async () => {
    const topicId = await newTopic(lucia, "Buddy systems for newcomers");
    await reply(camille, topicId, "Oui !");
    await reply(helene, topicId, "Chez nous aussi.");
    await reply(karim, topicId, "Et un café d'accueil.");
    const [third, second, first] = (await list(lucia)).items;

    const one = await lucia.submit("/notifications", { intent: "read", id: first.id });
    expect(one.status).toBe(302);
    expect(one.headers.get("location")).toBe("/notifications?marked=one");
    expect((await list(lucia)).items.find((n) => n.id === first.id)?.read).toBe(true);
    expect(await (await lucia.get("/notifications?marked=one")).text()).toContain("Notification marked as read.");

    const opened = await lucia.get(`/notifications?open=${second.id}`);
    expect(opened.status).toBe(302);
    expect(opened.headers.get("location")).toBe(second.url.slice(server.config.publicUrl.length));
    expect((await list(lucia)).items.find((n) => n.id === second.id)?.read).toBe(true);
    // Someone else's notification cannot be opened (or marked) through the page.
    expect((await camille.get(`/notifications?open=${third.id}`)).status).toBe(404);
    await camille.submit("/notifications", { intent: "read", id: third.id });
    expect((await list(lucia)).items.find((n) => n.id === third.id)?.read).toBe(false);

    const all = await lucia.submit("/notifications", { intent: "read-all" });
    expect(all.headers.get("location")).toBe("/notifications?marked=all");
    expect((await list(lucia)).unread).toBe(0);
    expect((await lucia.submit("/notifications", { intent: "nonsense" })).status).toBe(400);
  });

  it("pages through older notifications and says when there is nothing", async () => {
    const topicId = await newTopic(karim, "Un sujet très commenté");
    for (let i = 0; i < 21; i++) await reply(i % 2 ? camille : helene, topicId, `Réponse numéro ${i + 1}`);
    const html = await (await karim.get("/notifications")).text();
    const older = /href="\/notifications\?before=(\d+)"/.exec(html);
    expect(older).not.toBeNull();
    const page2 = await (await karim.get(`/notifications?before=${older![1]}`)).text();
    expect(page2).toContain("Revenir aux plus récentes");
    expect(page2).toMatch(/href="\/notifications\?open=\d+"/);

    const stranger = (await server.services.db.select({ id: users.id }).from(users).where(eq(users.email, "trainer.bucharest@demo.compass")))[0];
    await server.services.db.delete(notifications).where(eq(notifications.userId, stranger.id));
    const andrei = await server.signedIn("trainer.bucharest@demo.compass");
    const empty = await (await andrei.get("/notifications")).text();
    expect(empty).toContain("Nothing new for now.");
    expect(empty).toContain('href="/discussions"');
    expect(await listNotifications(server.services.db, await viewer(stranger.id), "")).toMatchObject({ items: [], unread: 0 });
  });
});
