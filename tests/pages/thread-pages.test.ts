import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { topics } from "../../db/schema";
import { startTestServer, type TestClient, type TestServer } from "../setup/harness";

let server: TestServer;
let asker: TestClient; // Camille Martin, trainer (Paris)
let peer: TestClient; // Hélène Rousseau, trainer (Lyon)
let lead: TestClient; // Karim Benali, lead

beforeAll(async () => {
  server = await startTestServer({ remix: "development" });
  asker = await server.signedIn("trainer.paris@demo.compass");
  peer = await server.signedIn("trainer.lyon@demo.compass");
  lead = await server.signedIn("lead@demo.compass");
}, 120_000);
afterAll(() => server?.stop());

async function newTopic(client: TestClient, title: string, extra: Record<string, unknown> = {}) {
  const res = await client.post("/api/v1/topics", { categoryId: "classroom-situations", title, body: `Contexte : ${title}.`, tags: ["dropout-risk"], language: "fr", ...extra });
  expect(res.status).toBe(201);
  return (await res.json()).topic as { id: string };
}

async function reply(client: TestClient, topicId: string, body: string, parentId?: string) {
  const res = await client.post(`/api/v1/topics/${topicId}/posts`, { body, ...(parentId ? { parentId } : {}) });
  expect(res.status).toBe(201);
  return (await res.json()).post as { id: string };
}

const page = async (client: TestClient, path: string) => {
  const res = await client.get(path);
  return { status: res.status, html: await res.text(), location: res.headers.get("location") };
};

describe("topic list", () => {
  it("shows a created topic to members and sends strangers to sign in", async () => {
    const topic = await newTopic(asker, "Un apprenant décroche en semaine 6");
    const list = await page(peer, "/discussions");
    expect(list.status).toBe(200);
    expect(list.html).toContain("Un apprenant décroche en semaine 6");
    expect(list.html).toContain(`href="/discussions/t/${topic.id}"`);
    expect(list.html).toContain("Risque de décrochage"); // the tag's label in the reader's language
    const english = await server.signedIn("trainer.bucharest@demo.compass"); // prefers English
    const en = (await page(english, "/discussions?tag=dropout-risk")).html;
    expect(en).toContain("Dropout risk");
    expect(en).toContain("Recently active");
    expect(en).toContain("Un apprenant décroche en semaine 6");

    const stranger = await page(server.client(), "/discussions");
    expect(stranger.status).toBe(302);
    expect(stranger.location).toBe("/login?redirectTo=%2Fdiscussions");
    const strangerTopic = await page(server.client(), `/discussions/t/${topic.id}`);
    expect(strangerTopic.status).toBe(302);
  });

  it("sends each excerpt once: in the page, not again in its data; a data request carries them", async () => {
    const topic = await newTopic(asker, "Une promo qui ne parle plus en atelier", { body: "Depuis trois semaines personne ne prend la parole pendant les ateliers du matin." });
    const list = await page(peer, "/discussions");
    expect(list.html.split("personne ne prend la parole pendant les ateliers").length - 1).toBe(1);
    expect(list.html).toContain(`id="topic-excerpt-${topic.id}"`);
    const data = await (await peer.get("/discussions.data")).text();
    expect(data).toContain("personne ne prend la parole pendant les ateliers");
  });

  it("filters by tag and language, and says so when nothing matches", async () => {
    await newTopic(asker, "Git pour grands débutants", { tags: ["git", "digital-beginners"], categoryId: "tech-and-tools" });
    const both = await page(peer, "/discussions?tag=git&tag=digital-beginners");
    expect(both.html).toContain("Git pour grands débutants");
    expect(both.html).not.toContain("Un apprenant décroche en semaine 6");
    const none = await page(peer, "/discussions?tag=git&language=ro");
    expect(none.status).toBe(200);
    expect(none.html).toContain("Aucun sujet ne correspond à ces filtres");
    const unanswered = await page(peer, "/discussions?sort=unanswered");
    expect(unanswered.html).toContain('aria-current="page"');
  });

  it("has a page per category, where members follow or mute the category", async () => {
    const cat = await page(peer, "/discussions/c/tech-and-tools");
    expect(cat.status).toBe(200);
    expect(cat.html).toContain("Git pour grands débutants");
    expect(cat.html).not.toContain("Un apprenant décroche en semaine 6");
    expect(cat.html).toContain("Vous ne suivez pas « Technique et outils »");
    const res = await peer.submit("/discussions/c/tech-and-tools", { intent: "follow", target: "category", level: "watching" });
    expect(res.status).toBe(302);
    expect((await page(peer, "/discussions/c/tech-and-tools")).html).toContain("Vous êtes notifié·e des nouveautés de « Technique et outils »");
    expect((await page(peer, "/discussions/c/no-such-category")).status).toBe(404);
  });
});

describe("topic page", () => {
  let topicId: string;
  const chain: string[] = [];

  beforeAll(async () => {
    topicId = (await newTopic(asker, "Conflit dans un projet de groupe")).id;
    let parent: string | undefined;
    for (let depth = 0; depth <= 4; depth++) {
      const client = depth % 2 === 0 ? peer : asker;
      const post = await reply(client, topicId, `Réponse au niveau ${depth}`, parent);
      chain.push(post.id);
      parent = post.id;
    }
  });

  it("renders replies four levels deep, then a link to continue the thread", async () => {
    const { status, html } = await page(peer, `/discussions/t/${topicId}`);
    expect(status).toBe(200);
    for (const id of chain.slice(0, 4)) expect(html).toContain(`id="post-${id}"`);
    expect(html).not.toContain(`id="post-${chain[4]}"`);
    expect(html).toContain(`href="/discussions/thread/${chain[3]}"`);
    expect(html).toMatch(/<details open="" class="branch">/);
    const thread = await page(peer, `/discussions/thread/${chain[3]}`);
    expect(thread.status).toBe(200);
    expect(thread.html).toContain(`id="post-${chain[4]}"`);
    expect(thread.html).toContain("Réponse au niveau 4");
    expect(thread.html).toContain(`href="/discussions/t/${topicId}"`);
  });

  it("opens a permalink on the right page, or on the thread page when the post is deep", async () => {
    const shallow = await page(peer, `/discussions/t/${topicId}?post=${chain[2]}`);
    expect(shallow.status).toBe(200);
    expect(shallow.html).toContain(`id="post-${chain[2]}"`);
    const deep = await page(peer, `/discussions/t/${topicId}?post=${chain[4]}`);
    expect(deep.status).toBe(302);
    expect(deep.location).toMatch(new RegExp(`^/discussions/thread/\\d+\\?post=${chain[4]}#post-${chain[4]}$`));
  });

  it("adds a reply posted without JavaScript and goes to its permalink", async () => {
    const res = await asker.submit(`/discussions/t/${topicId}`, { intent: "reply", parentId: chain[0], body: "Merci, je vais essayer **demain**." });
    expect(res.status).toBe(302);
    const location = res.headers.get("location")!;
    expect(location).toMatch(new RegExp(`^/discussions/t/${topicId}\\?post=(\\d+)#post-\\1$`));
    const after = await page(asker, location.split("#")[0]);
    expect(after.html).toContain("Merci, je vais essayer <strong>demain</strong>.");
  });

  it("opens the reply form of one post with ?reply=, as a markdown editor with its own id, on the topic and the thread page", async () => {
    const { html } = await page(asker, `/discussions/t/${topicId}?reply=${chain[0]}`);
    const box = html.slice(html.indexOf(`id="post-${chain[0]}"`));
    const form = box.slice(box.indexOf("reply-form"), box.indexOf("</form>", box.indexOf("reply-form")));
    expect(form).toContain(`name="parentId" value="${chain[0]}"`);
    expect(form).toMatch(/<div class="field markdown-editor"><label for="reply-\d+"/);
    expect(form).toContain(`<label for="reply-${chain[0]}"`);
    expect(form).toMatch(new RegExp(`<textarea id="reply-${chain[0]}" name="body" rows="4" required=""`));
    expect(form).toContain("Votre réponse à Hélène Rousseau");
    // The topic's own reply form keeps its id: two editors, no id twice.
    expect(html).toContain('id="field-body"');
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    // Only the asked post has a form; the others keep a link.
    expect(html).not.toContain(`id="reply-${chain[2]}"`);
    expect(html).toContain(`href="/discussions/t/${topicId}?reply=${chain[2]}#reply-${chain[2]}"`);

    // The "continue this thread" page opens its forms the same way (a topic of its own, to leave the others' unread marks be).
    const other = await newTopic(asker, "Un fil profond");
    const deepChain: string[] = [];
    for (let depth = 0; depth <= 4; depth++) deepChain.push((await reply(depth % 2 ? asker : peer, other.id, `Niveau ${depth}`, deepChain.at(-1))).id);
    const thread = await page(asker, `/discussions/thread/${deepChain[3]}?reply=${deepChain[4]}`);
    expect(thread.status).toBe(200);
    expect(thread.html).toMatch(new RegExp(`<textarea id="reply-${deepChain[4]}" name="body"`));
    expect(thread.html).toContain(`href="/discussions/thread/${deepChain[3]}?reply=${deepChain[3]}#reply-${deepChain[3]}"`);
    const res = await asker.submit(`/discussions/thread/${deepChain[3]}?reply=${deepChain[4]}`, { intent: "reply", parentId: deepChain[4], body: "Une réponse au plus profond" });
    expect(res.status).toBe(302);
    const deep = await page(asker, res.headers.get("location")!.split("#")[0]);
    const followed = deep.status === 302 ? await page(asker, deep.location!.split("#")[0]) : deep;
    expect(followed.html).toContain("Une réponse au plus profond");
  });

  it("answers an empty reply to a post with the error next to its own field, in the reader's language", async () => {
    const res = await asker.submit(`/discussions/t/${topicId}`, { intent: "reply", parentId: chain[0], body: "  " });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(new RegExp(`<textarea id="reply-${chain[0]}" name="body" rows="4" required="" autofocus="" aria-invalid="true" aria-describedby="reply-${chain[0]}-error"`));
    expect(html).toMatch(new RegExp(`<p class="field-error" id="reply-${chain[0]}-error">[^<]+</p>`));
    expect(html).not.toContain('id="error-body"');
  });

  it("keeps what was typed when a reply is invalid", async () => {
    const res = await asker.submit(`/discussions/t/${topicId}`, { intent: "reply", parentId: "999999999", body: "Ma réponse" });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Ma réponse");
    const empty = await asker.submit(`/discussions/t/${topicId}`, { intent: "reply", body: "   " });
    expect(empty.status).toBe(422);
  });

  it("toggles a reaction, idempotently, and shows who reacted", async () => {
    const on = { intent: "react", reaction: `${chain[0]}:helpful:1` };
    expect((await asker.submit(`/discussions/t/${topicId}`, on)).status).toBe(302);
    expect((await asker.submit(`/discussions/t/${topicId}`, on)).status).toBe(302);
    let post = (await (await asker.get(`/api/v1/posts/${chain[0]}`)).json()).post;
    expect(post.reactions.helpful).toBe(1);
    const html = (await page(asker, `/discussions/t/${topicId}`)).html;
    expect(html).toMatch(new RegExp(`form="reactions-form" name="reaction" value="${chain[0]}:helpful:0" aria-pressed="true"[^>]*title="Camille Martin"`));
    // One reactions form for the whole page, whatever the number of posts.
    expect(html.match(/<form[^>]*id="reactions-form"/g)).toHaveLength(1);
    const off = { intent: "react", reaction: `${chain[0]}:helpful:0` };
    expect((await asker.submit(`/discussions/t/${topicId}`, off)).status).toBe(302);
    expect((await asker.submit(`/discussions/t/${topicId}`, off)).status).toBe(302);
    post = (await (await asker.get(`/api/v1/posts/${chain[0]}`)).json()).post;
    expect(post.reactions.helpful).toBe(0);
    const js = await asker.submit(`/discussions/t/${topicId}`, { ...on, js: "1" });
    expect(js.status).toBe(200);
  });

  it("lets the asker mark a solution, shown at the top", async () => {
    expect((await peer.submit(`/discussions/t/${topicId}`, { intent: "accept", postId: chain[0] })).status).toBe(403);
    expect((await asker.submit(`/discussions/t/${topicId}`, { intent: "accept", postId: chain[0] })).status).toBe(302);
    const html = (await page(peer, `/discussions/t/${topicId}`)).html;
    expect(html).toContain('id="accepted-answer"');
    expect(html).toContain("Réponse au niveau 0");
  });

  it("shows a deleted post as a placeholder that keeps its replies", async () => {
    const res = await asker.submit(`/discussions/t/${topicId}`, { intent: "delete", postId: chain[1] });
    expect(res.status).toBe(302);
    const html = (await page(peer, `/discussions/t/${topicId}`)).html;
    expect(html).toContain("Ce message a été supprimé.");
    expect(html).not.toContain("Réponse au niveau 1");
    expect(html).toContain(`id="post-${chain[2]}"`);
    expect((await peer.submit(`/discussions/t/${topicId}`, { intent: "delete", postId: chain[3] })).status).toBe(403);
  });

  it("shows the revision history of an edited post with a word diff", async () => {
    const res = await peer.patch(`/api/v1/posts/${chain[2]}`, { body: "Réponse remaniée au niveau 2" });
    expect(res.status).toBe(200);
    const topicPage = (await page(peer, `/discussions/t/${topicId}`)).html;
    expect(topicPage).toContain(`href="/discussions/p/${chain[2]}/history"`);
    const history = await page(asker, `/discussions/p/${chain[2]}/history`);
    expect(history.status).toBe(200);
    expect(history.html).toMatch(/<ins>.*remaniée.*<\/ins>/);
    expect(history.html).toContain("Hélène Rousseau");
    expect((await page(asker, `/discussions/p/${chain[1]}/history`)).status).toBe(404);
  });

  it("shows the edit history of an edited topic: who, when, word diffs of title and text; 404 where the topic is", async () => {
    const topic = await newTopic(asker, "Titre de départ");
    const before = (await page(peer, `/discussions/t/${topic.id}`)).html;
    expect(before).not.toContain(`href="/discussions/t/${topic.id}/history"`);
    const never = await page(peer, `/discussions/t/${topic.id}/history`);
    expect(never.status).toBe(200);
    expect(never.html).toContain("Ce sujet n’a jamais été modifié.");
    expect((await lead.patch(`/api/v1/topics/${topic.id}`, { title: "Titre de départ précisé", body: "Contexte revu par l’animation." })).status).toBe(200);
    const topicPage = (await page(peer, `/discussions/t/${topic.id}`)).html;
    expect(topicPage).toContain(`href="/discussions/t/${topic.id}/history"`);
    expect(topicPage).toContain("modifié — historique");
    const history = await page(peer, `/discussions/t/${topic.id}/history`);
    expect(history.status).toBe(200);
    expect(history.html).toMatch(/<ins><span class="sr-only">\[ajouté : <\/span> précisé<span/);
    expect(history.html).toMatch(/<span>Contexte <\/span><del><span class="sr-only">\[retiré : <\/span>: Titre de départ\.<span/);
    expect(history.html).toMatch(/<ins><span class="sr-only">\[ajouté : <\/span>revu par l’animation\.<span/);
    expect(history.html).toContain("Version 2 (actuelle)");
    expect(history.html).toMatch(/Écrit par(?:<!-- -->)? <a href="\/people\/[^"]+"[^>]*>Camille Martin<\/a>/);
    expect(history.html).toMatch(/Modifié par(?:<!-- -->)? <a href="\/people\/[^"]+"[^>]*>Karim Benali<\/a>/);
    expect(history.html).toContain(`href="/discussions/t/${topic.id}"`);
    const english = await server.signedIn("trainer.bucharest@demo.compass");
    expect((await page(english, `/discussions/t/${topic.id}/history`)).html).toContain("Topic by Camille Martin · 2 versions");

    await server.services.db.update(topics).set({ visibility: "hidden" }).where(eq(topics.id, Number(topic.id)));
    expect((await page(peer, `/discussions/t/${topic.id}/history`)).status).toBe(404);
    expect((await page(asker, `/discussions/t/${topic.id}/history`)).status).toBe(404);
    expect((await page(lead, `/discussions/t/${topic.id}/history`)).status).toBe(200);
    await server.services.db.update(topics).set({ visibility: "deleted" }).where(eq(topics.id, Number(topic.id)));
    expect((await page(lead, `/discussions/t/${topic.id}/history`)).status).toBe(404);
    expect((await page(peer, "/discussions/t/abc/history")).status).toBe(404);
    expect((await page(peer, "/discussions/t/99999999999999999999/history")).status).toBe(404);
    const stranger = await page(server.client(), `/discussions/t/${topic.id}/history`);
    expect(stranger.status).toBe(302);
    expect(stranger.location).toMatch(/^\/login\?redirectTo=/);
  });

  it("marks new replies since the last visit and jumps to the first one", async () => {
    await page(peer, `/discussions/t/${topicId}`);
    await server.services.activity.flush();
    const fresh = await reply(asker, topicId, "Une nouvelle piste");
    const list = (await page(peer, "/discussions")).html;
    expect(list).toContain(`href="/discussions/t/${topicId}?unread=1"`);
    const jump = await page(peer, `/discussions/t/${topicId}?unread=1`);
    expect(jump.status).toBe(302);
    expect(jump.location).toBe(`/discussions/t/${topicId}?post=${fresh.id}#post-${fresh.id}`);
    expect((await page(peer, `/discussions/t/${topicId}`)).html).toContain("1 nouvelle réponse depuis votre dernière visite");
  });
});

describe("moderation on the topic page", () => {
  it("shows no lock controls to a trainer and refuses a forged lock", async () => {
    const topic = await newTopic(asker, "Sujet à verrouiller");
    const html = (await page(asker, `/discussions/t/${topic.id}`)).html;
    expect(html).not.toContain('value="lock"');
    const forged = await asker.submit(`/discussions/t/${topic.id}`, { intent: "moderate", action: "lock", reason: "je peux ?" });
    expect(forged.status).toBe(403);
    expect((await (await asker.get(`/api/v1/topics/${topic.id}`)).json()).topic.locked).toBe(false);
  });

  it("lets a lead lock with a reason; the page then says locked and offers no reply form", async () => {
    const topic = await newTopic(asker, "Sujet clos par l’animation");
    const first = await reply(peer, topic.id, "Une réponse avant verrouillage");
    expect((await page(lead, `/discussions/t/${topic.id}`)).html).toContain('value="lock"');
    const noReason = await lead.submit(`/discussions/t/${topic.id}`, { intent: "moderate", action: "lock", reason: " " });
    expect(noReason.status).toBe(422);
    expect(await noReason.text()).toContain("Indiquez le motif de cette action.");
    const res = await lead.submit(`/discussions/t/${topic.id}`, { intent: "moderate", action: "lock", reason: "Discussion terminée" });
    expect(res.status).toBe(302);
    const html = (await page(asker, `/discussions/t/${topic.id}`)).html;
    expect(html).toContain("Ce sujet est verrouillé.");
    expect(html).not.toContain('name="intent" value="reply"');
    expect(html).toContain(`id="post-${first.id}"`);
    const refused = await asker.submit(`/discussions/t/${topic.id}`, { intent: "reply", body: "Encore un mot" });
    expect(refused.status).toBe(409);
    expect((await page(lead, "/discussions")).html).toContain("Verrouillé");
  });

  it("makes a hidden topic a 404 for a trainer, visible to a lead", async () => {
    const topic = await newTopic(asker, "Sujet masqué par la modération");
    await server.services.db.update(topics).set({ visibility: "hidden" }).where(eq(topics.id, Number(topic.id)));
    expect((await page(peer, `/discussions/t/${topic.id}`)).status).toBe(404);
    expect((await page(asker, `/discussions/t/${topic.id}`)).status).toBe(404);
    expect((await page(peer, "/discussions")).html).not.toContain("Sujet masqué par la modération");
    const asLead = await page(lead, `/discussions/t/${topic.id}`);
    expect(asLead.status).toBe(200);
    expect(asLead.html).toContain("masqué par la modération");
  });
});

describe("page weight", () => {
  const sentence =
    "J’ai eu le même cas l’an dernier : nous avons formé des binômes mixtes et prévu des défis optionnels pour les plus avancés. " +
    "Le plus utile a été un point individuel de dix minutes chaque vendredi, pour ajuster le rythme, et un tableau partagé où chacun note ce qui le bloque.";

  it("keeps a 20-reply topic page under 100 KB, with every reply on it", async () => {
    const topic = await newTopic(asker, "Niveaux très hétérogènes dans le groupe");
    let parent: string | undefined;
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const post = await reply(i % 2 ? peer : asker, topic.id, `${sentence} (${i})`, i % 4 === 0 ? undefined : parent);
      parent = post.id;
      ids.push(post.id);
      if (i % 3 === 0) await lead.put(`/api/v1/posts/${post.id}/reactions/thanks`);
    }
    for (const client of [lead, asker]) {
      const res = await client.get(`/discussions/t/${topic.id}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(Buffer.byteLength(html)).toBeLessThan(100_000);
      for (const id of ids) expect(html).toContain(`id="post-${id}"`);
      // Each reply's text travels once: in the page, not again in the hydration data.
      expect(html.split("un point individuel de dix minutes chaque vendredi").length - 1).toBe(20);
    }
    // A client-side navigation (a data request) carries the replies' HTML in its data.
    const data = await (await asker.get(`/discussions/t/${topic.id}.data`)).text();
    expect(data.split("un point individuel de dix minutes chaque vendredi").length - 1).toBe(20);
  });

  it("pages a topic with long replies so that no page passes 100 KB, and a permalink still finds its post", async () => {
    const topic = await newTopic(asker, "Beaucoup de longues réponses");
    const long = Array.from({ length: 6 }, () => sentence).join("\n\n");
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push((await reply(i % 2 ? peer : lead, topic.id, `${long} (${i})`)).id);
    const first = await page(asker, `/discussions/t/${topic.id}`);
    expect(Buffer.byteLength(first.html)).toBeLessThan(100_000);
    expect(first.html).toContain(`id="post-${ids[0]}"`);
    expect(first.html).not.toContain(`id="post-${ids[19]}"`);
    const next = first.html.match(/<a [^>]*rel="next"[^>]*>/)?.[0];
    const more = next?.match(/href="([^"]+)"/)?.[1];
    expect(more).toMatch(new RegExp(`^/discussions/t/${topic.id}\\?cursor=\\d+$`));
    const second = await page(asker, more!);
    expect(Buffer.byteLength(second.html)).toBeLessThan(100_000);
    const shown = (html: string) => ids.filter((id) => html.includes(`id="post-${id}"`));
    expect(shown(second.html)[0]).toBe(ids[shown(first.html).length]);
    const deep = await page(asker, `/discussions/t/${topic.id}?post=${ids[25]}`);
    expect(deep.html).toContain(`id="post-${ids[25]}"`);
    expect(Buffer.byteLength(deep.html)).toBeLessThan(100_000);
  });
});
