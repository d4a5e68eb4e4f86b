import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io, type Socket } from "socket.io-client";
import { notificationPushSchema } from "../../app/modules/discussions/schemas";
import { startTestServer, type TestClient, type TestServer } from "../setup/harness";
import { api, everyone, json, people, unique, type Json, type Who } from "../discussions/api-helpers";

/**
 * An anonymous case's author is hidden from everyone but the author — leads and admins included — on every surface:
 * the case, lists, search (by text and by the author's name), the case's discussion (topic, the author's replies,
 * their reactions, revisions), notifications (and their live push and e-mail), other people's exports. Each check
 * reads the raw response text: the author's id, name and handle must not be in it.
 */

let server: TestServer;
const as = {} as Record<Who, TestClient>;
let stranger: TestClient;
const author = { who: "trainer" as Who, name: "Camille Martin", handle: "camille.martin", id: "" };
const others = everyone.filter((w) => w !== author.who);
const word = `zorblax${Date.now().toString(36)}`;
let kase: Json;
let authorReply: Json;
let peerReply: Json;
let peerSocket: Socket;
const pushed: Json[] = [];

beforeAll(async () => {
  server = await startTestServer();
  for (const who of everyone) as[who] = await server.signedIn(people[who]);
  stranger = server.client();
  author.id = (await json(await as.trainer.get(api("/me")), 200)).user.id;
  peerSocket = io(`http://127.0.0.1:${server.port}`, {
    extraHeaders: { cookie: as.peer.cookieHeader(), origin: server.config.publicUrl },
    transports: ["websocket"],
  });
  peerSocket.on("notification:new", (n: Json) => pushed.push(n));
  await new Promise<void>((resolve) => {
    peerSocket.on("connect", () => resolve());
    setTimeout(resolve, 3000);
  });

  kase = (
    await json(
      await as.trainer.post(api("/cases"), {
        title: `Une apprenante ${word} harcelée dans le chat du groupe`,
        context: { programme: "web-developer", week: 9, groupSize: 16, learnerProfile: "mixed" },
        situation: `Une apprenante m’a signalé des messages ${word} insistants dans le chat du groupe.`,
        actionsTaken: "Entretien avec elle, puis avec la personne concernée, puis rappel des règles au groupe.",
        outcome: "Les messages ont cessé.",
        lessons: "Prendre chaque signalement au sérieux.",
        questions: "Comment prévenir ?",
        tags: ["harassment"],
        language: "fr",
        anonymous: true,
        noIdentifiablePeople: true,
      }),
      201,
    )
  ).case;
  // A peer replies, the anonymous author answers them (and mentions the host), and reacts to the peer's reply.
  peerReply = (await json(await as.peer.post(api(`/topics/${kase.topicId}/posts`), { body: `Avez-vous prévenu la direction ? ${word}` }), 201)).post;
  authorReply = (await json(await as.trainer.post(api(`/topics/${kase.topicId}/posts`), { body: `Oui, dès le ${word} premier jour. @lucia.fernandez une idée ?`, parentId: peerReply.id }), 201)).post;
  await json(await as.trainer.put(api(`/posts/${peerReply.id}/reactions/thanks`)), 200);
  await json(await as.trainer.patch(api(`/posts/${authorReply.id}`), { body: `Oui, dès le premier jour ${word}.` }), 200);
  await json(await as.trainer.put(api(`/cases/${kase.id}/helped/${peerReply.id}`)), 200);
  await server.services.jobs.drain();
});
afterAll(async () => {
  peerSocket?.close();
  await server?.stop();
});

function expectNoAuthor(text: string, where: string) {
  expect(author.id, "author id known").toBeTruthy();
  expect(text.includes(author.id), `${where}: author id`).toBe(false);
  expect(text.includes(author.name), `${where}: author name`).toBe(false);
  expect(text.includes(author.handle), `${where}: author handle`).toBe(false);
}

async function rawOf(client: TestClient, path: string, status = 200): Promise<string> {
  const res = await client.get(api(path));
  const text = await res.text();
  expect(res.status, `${path}: ${text.slice(0, 300)}`).toBe(status);
  return text;
}

describe("an anonymous case, for every role but its author", () => {
  for (const who of ["peer", "host", "lead", "admin"] as Who[]) {
    it(`hides the author from ${who} on every surface`, async () => {
      const c = as[who];
      const one = await rawOf(c, `/cases/${kase.id}`);
      expectNoAuthor(one, "GET /cases/:id");
      expect(JSON.parse(one).case).toMatchObject({ author: null, isMine: false, anonymous: true });
      expectNoAuthor(await rawOf(c, `/cases?q=${word}`), "GET /cases?q");
      expectNoAuthor(await rawOf(c, `/cases?tag=harassment&limit=100&facets=true`), "GET /cases?tag");
      const topic = await rawOf(c, `/topics/${kase.topicId}`);
      expectNoAuthor(topic, "GET /topics/:id");
      const page = JSON.parse(topic);
      expect(page.topic.author).toBeNull();
      expect(page.posts.find((p: Json) => p.id === authorReply.id).author).toBeNull();
      expect(page.posts.find((p: Json) => p.id === peerReply.id).author).not.toBeNull();
      expect(page.posts.find((p: Json) => p.id === peerReply.id).reactions.thanks).toBe(1);
      expectNoAuthor(await rawOf(c, `/posts/${authorReply.id}`), "GET /posts/:id");
      expectNoAuthor(await rawOf(c, `/posts/${authorReply.id}/revisions`), "GET /posts/:id/revisions");
      const search = await rawOf(c, `/search?q=${word}`);
      expectNoAuthor(search, "GET /search");
      const hits = JSON.parse(search).items as Json[];
      expect(hits.map((h) => `${h.type}:${h.id}`)).toEqual(expect.arrayContaining([`case:${kase.id}`, `post:${authorReply.id}`]));
      for (const byName of [author.handle, `@${author.handle}`]) {
        const found = JSON.parse(await rawOf(c, `/search?q=${word}&author=${encodeURIComponent(byName)}`)).items as Json[];
        expect(found, `search by author ${byName}`).toEqual([]);
      }
      expectNoAuthor(await rawOf(c, `/search?q=${encodeURIComponent(author.name)}&type=case`), "search by name");
      expectNoAuthor(await rawOf(c, "/notifications?limit=100"), "GET /notifications");
      expectNoAuthor(await rawOf(c, "/me/export"), "GET /me/export");
      // Related cases may include the author's signed cases (the seed has some); anonymous ones name nobody.
      const related = JSON.parse(await rawOf(c, `/cases/${kase.id}/related`));
      for (const item of related.cases as Json[]) if (item.anonymous) expect(item.author).toBeNull();
    });
  }

  it("hides the author's reaction from the reactors list", async () => {
    const page = JSON.parse(await rawOf(as.peer, `/topics/${kase.topicId}`));
    const reply = page.posts.find((p: Json) => p.id === peerReply.id);
    expect(reply.reactors.thanks).toEqual([]);
  });

  it("sends notifications without an actor, live and by e-mail", async () => {
    const peerNotes = JSON.parse(await rawOf(as.peer, "/notifications?limit=100")).items as Json[];
    const reply = peerNotes.find((n) => n.kind === "reply");
    expect(reply).toBeTruthy();
    expect(reply?.actor).toBeNull();
    const hostNotes = JSON.parse(await rawOf(as.host, "/notifications?limit=100")).items as Json[];
    const mention = hostNotes.find((n) => n.kind === "mention");
    expect(mention, "the host was mentioned").toBeTruthy();
    expect(mention?.actor).toBeNull();
    const live = pushed.filter((n) => n.kind === "reply");
    expect(live.length, "the peer's socket got the reply live").toBeGreaterThan(0);
    expect(live[0].actor).toBeNull();
    // Each push is the payload the OpenAPI document declares for `notification:new`.
    for (const n of pushed) expect(notificationPushSchema.safeParse(n).error?.issues ?? [], JSON.stringify(n)).toEqual([]);
    expectNoAuthor(JSON.stringify(pushed), "socket notification:new");
    const mails = (await server.mails()).filter((m) => (m.includes(word) || m.includes(kase.title)) && !/^To:.*trainer\.paris@demo\.compass/im.test(m));
  expect(mails.length).toBeGreaterThan(0);
  for (const mail of mails) expectNoAuthor(mail, "e-mail to someone else");
  });

  it("is not answered to a stranger at all", async () => {
    for (const path of [`/cases/${kase.id}`, `/cases?q=${word}`, `/topics/${kase.topicId}`, `/search?q=${word}`]) {
      const res = await stranger.get(api(path));
      expect(res.status).toBe(401);
      expectNoAuthor(await res.text(), `stranger ${path}`);
    }
  });
});

describe("the author", () => {
  it("sees themself and isMine, and their export lists the case", async () => {
    const mine = JSON.parse(await rawOf(as.trainer, `/cases/${kase.id}`)).case;
    expect(mine).toMatchObject({ isMine: true, author: { handle: author.handle } });
    const page = JSON.parse(await rawOf(as.trainer, `/topics/${kase.topicId}`));
    expect(page.topic.author?.handle).toBe(author.handle);
    const exported = JSON.parse(await rawOf(as.trainer, "/me/export"));
    expect(exported.cases.map((c: Json) => c.id)).toContain(kase.id);
  });

  it("is told about a reveal, and only the reveal names them to a lead", async () => {
    const before = await rawOf(as.lead, `/cases/${kase.id}`);
    expectNoAuthor(before, "before reveal");
    const revealed = JSON.parse(await rawOf(as.lead, `/cases/${kase.id}/identity?reason=${unique("check")}`));
    expect(revealed.author.handle).toBe(author.handle);
    const notes = JSON.parse(await rawOf(as.trainer, "/notifications?limit=100")).items as Json[];
    expect(notes.some((n) => n.kind === "identity-reveal")).toBe(true);
    // The reveal does not make the case itself name its author afterwards.
    expectNoAuthor(await rawOf(as.lead, `/cases/${kase.id}`), "after reveal");
    expectNoAuthor(await rawOf(as.admin, "/moderation/log?limit=100"), "moderation log");
  });
});

describe("a non-anonymous case", () => {
  it("names its author to everyone signed in", async () => {
    const open = (await json(await as.peer.post(api("/cases"), { title: unique("Un cas signé"), situation: "Une situation.", language: "fr", anonymous: false, noIdentifiablePeople: true }), 201)).case;
    for (const who of others) expect((await json(await as[who].get(api(`/cases/${open.id}`)), 200)).case.author?.name).toBeTruthy();
  });
});
