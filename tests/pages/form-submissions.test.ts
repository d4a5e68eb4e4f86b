import { and, count, eq, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTokens, cases, formSubmissions, invitations, moderationActions, notifications, posts, topics, users } from "../../db/schema";
import { formSubmissionSweepJob } from "../../app/modules/platform/form-submissions.server";
import { startTestServer, type TestClient, type TestServer } from "../setup/harness";
import { api, json, people, unique } from "../discussions/api-helpers";

/**
 * Creating forms posted twice, the way a browser without JavaScript does it (a double click, back and resubmit, a
 * POST retried after a timeout): each rendered form carries a key, and the same form posted again creates nothing
 * more and gets the first answer back — for every kind of creating form.
 */

let server: TestServer;
let camille: TestClient; // trainer
let helene: TestClient; // trainer, a peer
let lead: TestClient;
let admin: TestClient;
let topicId = "";
let heleneReplyId = "";

beforeAll(async () => {
  server = await startTestServer({ remix: "development" });
  [camille, helene, lead, admin] = await Promise.all([
    server.signedIn(people.trainer),
    server.signedIn(people.peer),
    server.signedIn(people.lead),
    server.signedIn(people.admin),
  ]);
  const topic = await json(await camille.post(api("/topics"), { categoryId: "pedagogy", title: unique("Formulaires envoyés deux fois"), body: "Le sujet.", tags: [], language: "fr" }), 201);
  topicId = topic.topic.id;
  heleneReplyId = (await json(await helene.post(api(`/topics/${topicId}/posts`), { body: "Une première réponse." }), 201)).post.id;
}, 120_000);
afterAll(() => server?.stop());

/** Posts an urlencoded form the way a browser without JavaScript does, repeated names included. */
const submit = (client: TestClient, path: string, fields: [string, string][]) =>
  client.request("POST", path, { body: new URLSearchParams(fields).toString(), headers: { "content-type": "application/x-www-form-urlencoded" } });

const html = async (client: TestClient, path: string) => {
  const res = await client.get(path);
  expect(res.status, path).toBe(200);
  return res.text();
};

/** The key of the page's creating form(s): a hidden field. */
const keysIn = (page: string) => [...page.matchAll(/<input type="hidden" name="formKey" value="([^"]*)"\/?>/g)].map((m) => m[1]);
const keyIn = (page: string) => keysIn(page)[0] ?? "";

const decode = (text: string) => text.replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

const db = () => server.services.db;
async function countOf(table: PgTable, where: SQL) {
  const [row] = await db().select({ n: count() }).from(table).where(where);
  return row.n;
}

/** Posts the same form twice, one after the other: both answers, in order. */
async function twice(client: TestClient, path: string, fields: [string, string][]) {
  const first = await submit(client, path, fields);
  const second = await submit(client, path, fields);
  return [
    { status: first.status, location: first.headers.get("location"), body: await first.text() },
    { status: second.status, location: second.headers.get("location"), body: await second.text() },
  ];
}

describe("a creating form posted twice creates one thing and answers both posts alike", () => {
  it("new topic: one topic, both posts go to it", async () => {
    const key = keyIn(await html(camille, "/discussions/new"));
    const title = unique("Un sujet envoyé deux fois");
    const [first, second] = await twice(camille, "/discussions/new", [
      ["formKey", key],
      ["categoryId", "pedagogy"],
      ["title", title],
      ["body", "Double clic sur « Publier »."],
      ["language", "fr"],
    ]);
    expect(first.status).toBe(302);
    expect(first.location).toMatch(/^\/discussions\/t\/\d+$/);
    expect(second).toMatchObject({ status: 302, location: first.location });
    expect(await countOf(topics, eq(topics.title, title))).toBe(1);
  });

  it("reply to a topic: one reply, both posts go to its permalink; the page after it carries a new key", async () => {
    const page = await html(camille, `/discussions/t/${topicId}`);
    const key = keyIn(page);
    const body = unique("Réponse envoyée deux fois");
    const [first, second] = await twice(camille, `/discussions/t/${topicId}`, [["formKey", key], ["intent", "reply"], ["body", body]]);
    expect(first.status).toBe(302);
    expect(first.location).toMatch(new RegExp(`^/discussions/t/${topicId}\\?post=(\\d+)#post-\\1$`));
    expect(second).toMatchObject({ status: 302, location: first.location });
    expect(await countOf(posts, eq(posts.body, body))).toBe(1);
    const [{ replies }] = await db().select({ replies: topics.replyCount }).from(topics).where(eq(topics.id, Number(topicId)));
    expect(replies).toBe(Number((await json(await camille.get(api(`/topics/${topicId}`)), 200)).topic.replyCount));

    const after = await html(camille, first.location!);
    expect(keyIn(after)).toMatch(/^[\w-]{43}$/);
    expect(keyIn(after)).not.toBe(key);
    // The next reply, from the page shown after the first, is a new one.
    const next = unique("La réponse suivante");
    const third = await submit(camille, `/discussions/t/${topicId}`, [["formKey", keyIn(after)], ["intent", "reply"], ["body", next]]);
    expect(third.status).toBe(302);
    expect(third.headers.get("location")).not.toBe(first.location);
    expect(await countOf(posts, eq(posts.body, next))).toBe(1);
  });

  it("reply to one post (its own reply box): one reply under it, on the topic page and on the thread page", async () => {
    const page = await html(camille, `/discussions/t/${topicId}?reply=${heleneReplyId}`);
    expect(page).toContain(`name="parentId" value="${heleneReplyId}"`);
    const body = unique("Réponse à Hélène envoyée deux fois");
    const fields: [string, string][] = [["formKey", keyIn(page)], ["intent", "reply"], ["parentId", heleneReplyId], ["body", body]];
    const [first, second] = await twice(camille, `/discussions/t/${topicId}?reply=${heleneReplyId}`, fields);
    expect(first.status).toBe(302);
    expect(second).toMatchObject({ status: 302, location: first.location });
    const rows = await db().select({ parentId: posts.parentId }).from(posts).where(eq(posts.body, body));
    expect(rows).toEqual([{ parentId: Number(heleneReplyId) }]);

    const thread = await html(helene, `/discussions/thread/${heleneReplyId}?reply=${heleneReplyId}`);
    const threadBody = unique("Depuis la page du fil");
    const again = await twice(helene, `/discussions/thread/${heleneReplyId}`, [["formKey", keyIn(thread)], ["intent", "reply"], ["parentId", heleneReplyId], ["body", threadBody]]);
    expect(again[0].status).toBe(302);
    expect(again[1]).toMatchObject({ status: 302, location: again[0].location });
    expect(await countOf(posts, eq(posts.body, threadBody))).toBe(1);
  });

  it("new case and a reply in its discussion: one case, one reply", async () => {
    const title = unique("Cas envoyé deux fois");
    const form: [string, string][] = [
      ["formKey", keyIn(await html(camille, "/cases/new"))],
      ["intent", "publish"],
      ["title", title],
      ["context.programme", "web-developer"],
      ["context.week", "6"],
      ["situation", "Un apprenant ne vient plus depuis une semaine."],
      ["actionsTaken", "Un message court, puis un appel."],
      ["outcome", "Il est revenu."],
      ["lessons", "Appeler tôt."],
      ["questions", "Quels signaux faibles repérez-vous ?"],
      ["tags", "dropout-risk"],
      ["language", "fr"],
      ["noIdentifiablePeople", "on"],
    ];
    const [first, second] = await twice(camille, "/cases/new", form);
    expect(first.status).toBe(302);
    expect(first.location).toMatch(/^\/cases\/\d+$/);
    expect(second).toMatchObject({ status: 302, location: first.location });
    expect(await countOf(cases, eq(cases.title, title))).toBe(1);

    const casePage = first.location!;
    const body = unique("Une approche, envoyée deux fois");
    const replies = await twice(helene, casePage, [["formKey", keyIn(await html(helene, casePage))], ["intent", "reply"], ["body", body]]);
    expect(replies[0].status).toBe(302);
    expect(replies[1]).toMatchObject({ status: 302, location: replies[0].location });
    expect(await countOf(posts, eq(posts.body, body))).toBe(1);
  });

  it("invitation: one invitation and one e-mail, both answers show the same link", async () => {
    const email = `${unique("double")}@example.org`;
    const mailsBefore = (await server.mails()).length;
    const [first, second] = await twice(lead, "/invitations", [
      ["formKey", keyIn(await html(lead, "/invitations"))],
      ["intent", "create"],
      ["email", email],
      ["role", "trainer"],
      ["centreId", "simplon-paris"],
    ]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    const link = (body: string) => /http:\/\/[^\s<"]+\/invitations\/[\w-]+/.exec(decode(body))?.[0];
    expect(link(first.body)).toBeDefined();
    expect(link(second.body)).toBe(link(first.body));
    expect(await countOf(invitations, eq(invitations.email, email))).toBe(1);
    const mails = await server.mails();
    expect(mails.slice(mailsBefore).filter((m) => m.includes(email))).toHaveLength(1);
  });

  it("personal access token: one token, both answers show its secret", async () => {
    const name = unique("jeton");
    const [first, second] = await twice(camille, "/settings/tokens", [["formKey", keyIn(await html(camille, "/settings/tokens"))], ["intent", "create"], ["name", name]]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    const secret = (body: string) => /dcpat_[\w-]+/.exec(body)?.[0];
    expect(secret(first.body)).toBeDefined();
    expect(secret(second.body)).toBe(secret(first.body));
    expect(await countOf(apiTokens, eq(apiTokens.name, name))).toBe(1);
    // The secret works, and the database keeps nothing that shows it.
    const client = server.client();
    client.headers.authorization = `Bearer ${secret(first.body)}`;
    expect((await client.get(api("/me"))).status).toBe(200);
    const stored = await db().execute(sql`select form_key, fingerprint, result from form_submissions where kind = 'api-token'`);
    expect(JSON.stringify(stored)).not.toContain(secret(first.body)!);
    expect(JSON.stringify(stored)).not.toContain(name);
  });

  it("admin's new member: one account, both posts go to it", async () => {
    const email = `${unique("membre")}@example.org`;
    const [first, second] = await twice(admin, "/admin/users/new", [
      ["formKey", keyIn(await html(admin, "/admin/users/new"))],
      ["email", email],
      ["name", "Membre Double"],
      ["handle", ""],
      ["role", "trainer"],
      ["centreId", "simplon-paris"],
      ["password", "a-long-enough-passphrase-2026"],
    ]);
    expect(first.status).toBe(302);
    expect(first.location).toMatch(/^\/admin\/users\/[\w-]+\?created=1$/);
    expect(second).toMatchObject({ status: 302, location: first.location });
    expect(await countOf(users, eq(users.email, email))).toBe(1);
  });
});

describe("an identity reveal posted twice", () => {
  it("is logged once and told to the author once; both answers name the author", async () => {
    const pablo = await server.signedIn("pablo.navarro@demo.compass");
    const created = await submit(pablo, "/cases/new", [
      ["formKey", keyIn(await html(pablo, "/cases/new"))],
      ["intent", "publish"],
      ["title", unique("Cas anonyme")],
      ["situation", "Un apprenant ne vient plus depuis une semaine."],
      ["actionsTaken", "Un appel."],
      ["outcome", "Il est revenu."],
      ["lessons", "Appeler tôt."],
      ["questions", "Et vous ?"],
      ["tags", "dropout-risk"],
      ["language", "fr"],
      ["noIdentifiablePeople", "on"],
      ["anonymous", "on"],
    ]);
    expect(created.status).toBe(302);
    const casePage = created.headers.get("location")!;
    const caseId = /^\/cases\/(\d+)$/.exec(casePage)![1];
    const [first, second] = await twice(lead, casePage, [["formKey", keyIn(await html(lead, casePage))], ["intent", "reveal"], ["reason", "Signalement d’un risque pour un apprenant."]]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(decode(first.body)).toContain('href="/people/pablo.navarro"');
    expect(decode(second.body)).toContain('href="/people/pablo.navarro"');
    expect(await countOf(moderationActions, and(eq(moderationActions.targetId, caseId), eq(moderationActions.action, "reveal-identity"))!)).toBe(1);
    const [author] = await db().select({ id: users.id }).from(users).where(eq(users.email, "pablo.navarro@demo.compass"));
    expect(await countOf(notifications, and(eq(notifications.userId, author.id), eq(notifications.kind, "identity-reveal"))!)).toBe(1);
  });
});

describe("form keys", () => {
  it("are one per person: someone else's post with the same key is theirs", async () => {
    const key = keyIn(await html(camille, `/discussions/t/${topicId}`));
    const body = unique("Même clé, deux personnes");
    const mine = await submit(camille, `/discussions/t/${topicId}`, [["formKey", key], ["intent", "reply"], ["body", body]]);
    const theirs = await submit(helene, `/discussions/t/${topicId}`, [["formKey", key], ["intent", "reply"], ["body", body]]);
    expect(mine.status).toBe(302);
    expect(theirs.status).toBe(302);
    expect(theirs.headers.get("location")).not.toBe(mine.headers.get("location"));
    expect(await countOf(posts, eq(posts.body, body))).toBe(2);
  });

  it("refuse the same key with other content (422, the text kept, a new key to send it as a new post)", async () => {
    const key = keyIn(await html(camille, `/discussions/t/${topicId}`));
    const body = unique("Premier envoi");
    expect((await submit(camille, `/discussions/t/${topicId}`, [["formKey", key], ["intent", "reply"], ["body", body]])).status).toBe(302);
    const changed = unique("Texte changé puis renvoyé");
    const res = await submit(camille, `/discussions/t/${topicId}`, [["formKey", key], ["intent", "reply"], ["body", changed]]);
    expect(res.status).toBe(422);
    const page = decode(await res.text());
    expect(page).toContain("Ce formulaire a déjà été envoyé, avec un autre contenu.");
    expect(page).toContain(changed);
    expect(await countOf(posts, eq(posts.body, changed))).toBe(0);
    const fresh = keysIn(page);
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh).not.toContain(key);
    const resent = await submit(camille, `/discussions/t/${topicId}`, [["formKey", fresh[0]], ["intent", "reply"], ["body", changed]]);
    expect(resent.status).toBe(302);
    expect(await countOf(posts, eq(posts.body, changed))).toBe(1);
    // Another kind of form posted with a spent key is refused too.
    const token = await submit(camille, "/settings/tokens", [["formKey", key], ["intent", "create"], ["name", unique("clé usée")]]);
    expect(token.status).toBe(422);
  });

  it("refuse a malformed key with a 400 and store nothing; a form without a key still works", async () => {
    const title = unique("Clé abîmée");
    for (const bad of ["abc", "x".repeat(65), "clé-avec-des-accents-éééééééééééééééééé", "a b c d e f g h i j k l m n o p"]) {
      const res = await submit(camille, "/discussions/new", [["formKey", bad], ["categoryId", "pedagogy"], ["title", title], ["body", "Texte."], ["language", "fr"]]);
      expect(res.status, bad).toBe(400);
      expect(decode(await res.text())).toContain(title);
    }
    expect(await countOf(topics, eq(topics.title, title))).toBe(0);
    // A form rendered before keys existed (or cached) is not refused; it is just not protected.
    const old = unique("Formulaire sans clé");
    expect((await submit(camille, `/discussions/t/${topicId}`, [["intent", "reply"], ["body", old]])).status).toBe(302);
    expect(await countOf(posts, eq(posts.body, old))).toBe(1);
  });

  it("are forgotten after a day by the sweeping job", async () => {
    const [camilleRow] = await db().select({ id: users.id }).from(users).where(eq(users.email, people.trainer));
    const before = await db().select({ n: count() }).from(formSubmissions).where(eq(formSubmissions.userId, camilleRow.id));
    expect(before[0].n).toBeGreaterThan(2);
    await db().execute(sql`update form_submissions set created_at = now() - interval '25 hours' where user_id = ${camilleRow.id}`);
    const fresh = unique("Réponse récente");
    expect((await submit(camille, `/discussions/t/${topicId}`, [["formKey", keyIn(await html(camille, `/discussions/t/${topicId}`))], ["intent", "reply"], ["body", fresh]])).status).toBe(302);
    await server.jobs.send(formSubmissionSweepJob, {});
    await server.jobs.drain();
    const left = await db().select({ kind: formSubmissions.kind }).from(formSubmissions).where(eq(formSubmissions.userId, camilleRow.id));
    expect(left).toEqual([{ kind: "reply" }]);
  });
});

describe.runIf(process.env.DATABASE_URL)("two posts of one form at the same time (PostgreSQL)", () => {
  it("one creates, the other waits on the key's row and answers with the first result", async () => {
    const body = unique("Deux envois simultanés");
    const key = keyIn(await html(camille, `/discussions/t/${topicId}`));
    const fields: [string, string][] = [["formKey", key], ["intent", "reply"], ["body", body]];
    const watcher = postgres(server.config.databaseUrl!, { max: 2, onnotice: () => {} });
    try {
      let both: Promise<Response[]> | undefined;
      // Hold the topic's row: the first post claims the key, then waits for the topic; the second waits on the key.
      await watcher.begin(async (tx) => {
        await tx`select id from topics where id = ${Number(topicId)} for update`;
        both = Promise.all([submit(camille, `/discussions/t/${topicId}`, fields), submit(camille, `/discussions/t/${topicId}`, fields)]);
        const waiting = async () =>
          (await watcher`select query from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`).map((r) => String(r.query));
        const deadline = Date.now() + 20_000;
        let queries = await waiting();
        while (queries.length < 2 && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 50));
          queries = await waiting();
        }
        expect(queries.some((q) => /^insert into "form_submissions"/i.test(q)), queries.join("\n")).toBe(true);
        expect(queries.some((q) => /from "topics".*for update/is.test(q)), queries.join("\n")).toBe(true);
        // Committing releases the topic: the first post goes on and commits, then the second replays it.
      });
      const answers = await both!;
      expect(answers.map((r) => r.status)).toEqual([302, 302]);
      expect(answers[0].headers.get("location")).toMatch(new RegExp(`^/discussions/t/${topicId}\\?post=\\d+#post-\\d+$`));
      expect(answers[1].headers.get("location")).toBe(answers[0].headers.get("location"));
      expect(await countOf(posts, eq(posts.body, body))).toBe(1);
    } finally {
      await watcher.end();
    }
  });
});
