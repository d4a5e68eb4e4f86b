import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appSecrets, notifications, posts, users } from "../../db/schema";
import {
  getEmailPreference,
  notificationDigestJob,
  notificationEmailJob,
  sendNotificationDigests,
  sendNotificationEmail,
  setEmailPreference,
  unsubscribeUrl,
} from "../../app/modules/discussions/notification-email.server";
import { afterCommit, type NotificationEmailJobData, type PendingPush } from "../../app/modules/discussions/notifications.server";
import { getOrCreateSecret } from "../../app/modules/platform/secrets.server";
import { readMail } from "../setup/mail";
import { startTestServer, type TestClient, type TestServer } from "../setup/harness";

let server: TestServer;
let camille: TestClient; // trainer.paris, French
let helene: TestClient; // trainer.lyon, French
let karim: TestClient; // lead, French
let lucia: TestClient; // host.madrid, English
const ids: Record<string, string> = {};
/** Pushes made by the app since the last `settle()`: what topics.server.ts hands to afterCommit once it commits. */
const pushes: PendingPush[] = [];

beforeAll(async () => {
  server = await startTestServer({ remix: "development" });
  // The same lines server/services-factory.ts carries (registering again only replaces the handler).
  server.jobs.register(notificationEmailJob, (data: NotificationEmailJobData) => sendNotificationEmail(server.services, data));
  server.jobs.register(notificationDigestJob, () => sendNotificationDigests(server.services));
  const realtime = server.services.realtime;
  const toUser = realtime.toUser.bind(realtime);
  realtime.toUser = (userId, event, payload) => {
    if (event === "notification:new") pushes.push({ userId, notification: payload as PendingPush["notification"] });
    toUser(userId, event, payload);
  };
  [camille, helene, karim, lucia] = await Promise.all(
    ["trainer.paris@demo.compass", "trainer.lyon@demo.compass", "lead@demo.compass", "host.madrid@demo.compass"].map((e) => server.signedIn(e)),
  );
  for (const [name, c] of Object.entries({ camille, helene, karim, lucia })) {
    ids[name] = ((await (await c.get("/api/v1/me")).json()) as { user: { id: string } }).user.id;
  }
}, 120_000);
afterAll(() => server?.stop());

/**
 * Runs what follows the commits so far (e-mail jobs included) and returns the mails written since `from`. Until
 * topics.server.ts calls afterCommit itself this is where the jobs are queued; once it does, the jobs queued here
 * find the notification already e-mailed and send nothing twice.
 */
async function settle(from: number) {
  const silent = { toUser() {}, disconnectUser() {}, disconnectSession() {} };
  await afterCommit({ ...server.services, realtime: silent }, pushes.splice(0));
  return (await server.mails()).slice(from).map(readMail);
}
const mailCount = async () => (await server.mails()).length;

/** Keeps the jobs queued while `work` runs (so that content can change before they run), and returns them. */
async function holdingJobs(work: () => Promise<void>) {
  const jobs = server.services.jobs;
  const send = jobs.send;
  const held: { name: string; data: object }[] = [];
  jobs.send = async (name, data) => void held.push({ name, data });
  try {
    await work();
  } finally {
    jobs.send = send;
  }
  return held;
}
async function release(held: { name: string; data: object }[], from: number) {
  for (const job of held) await server.services.jobs.send(job.name, job.data);
  return (await server.mails()).slice(from).map(readMail);
}
const headersOf = (raw: string) => raw.slice(0, raw.search(/\r?\n\r?\n/)).replace(/\r?\n[ \t]+/g, " ");
const header = (raw: string, name: string) => new RegExp(`^${name}:[ \\t]*(.*)$`, "im").exec(headersOf(raw))?.[1] ?? "";

async function newTopic(c: TestClient, title: string, body = "Comment faites-vous ?", language = "fr") {
  const res = await c.post("/api/v1/topics", { categoryId: "classroom-situations", title, body, tags: [], language });
  expect(res.status).toBe(201);
  return ((await res.json()) as { topic: { id: string } }).topic.id;
}
async function reply(c: TestClient, topicId: string, body: string, parentId?: string) {
  const res = await c.post(`/api/v1/topics/${topicId}/posts`, { body, ...(parentId ? { parentId } : {}) });
  expect(res.status).toBe(201);
  return ((await res.json()) as { post: { id: string } }).post.id;
}

describe("immediate e-mails", () => {
  it("mails a reply at once, in French, with the title, an excerpt, the link and a one-click unsubscribe", async () => {
    const topicId = await newTopic(camille, "Un apprenant décroche en semaine 6");
    const from = await mailCount();
    const postId = await reply(helene, topicId, "Un entretien individuel, **sans jugement**, puis un objectif à deux semaines.");
    const mails = await settle(from);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail.to).toContain("trainer.paris@demo.compass");
    expect(mail.subject).toBe("Hélène Rousseau vous a répondu : Un apprenant décroche en semaine 6");
    expect(mail.text).toContain("Bonjour Camille Martin,");
    expect(mail.text).toContain("« Un apprenant décroche en semaine 6 »");
    expect(mail.text).toContain("> Un entretien individuel, sans jugement, puis un objectif à deux semaines.");
    expect(mail.text).toContain(`${server.config.publicUrl}/discussions/t/${topicId}?post=${postId}#post-${postId}`);
    const link = /(http\S+\/unsubscribe\?u=[^&\s]+&s=[\w-]+)/.exec(mail.text)?.[1];
    expect(link).toBeDefined();
    expect(link).toBe(await unsubscribeUrl(server.services, ids.camille));
    expect(header(mail.raw, "List-Unsubscribe")).toBe(`<${link}>`);
    expect(header(mail.raw, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const [row] = await server.services.db.select().from(notifications).where(eq(notifications.postId, Number(postId)));
    expect(row.emailedAt).toBeInstanceOf(Date);
    // A repeated job sends nothing twice.
    await server.services.jobs.send(notificationEmailJob, { notificationId: String(row.id) });
    expect(await mailCount()).toBe(from + 1);
  });

  it("writes in the recipient's language, and mails a mention", async () => {
    const topicId = await newTopic(camille, "Projet de groupe : un conflit qui s'envenime");
    const from = await mailCount();
    await reply(camille, topicId, "@lucia.fernandez tu as déjà vécu ça à Madrid ?");
    const [mail, ...rest] = await settle(from);
    expect(rest).toEqual([]);
    expect(mail.to).toContain("host.madrid@demo.compass");
    expect(mail.subject).toBe("Camille Martin mentioned you: Projet de groupe : un conflit qui s'envenime");
    expect(mail.text).toContain("Hello Lucía Fernández Ortega,");
    expect(mail.text).toContain("Read and reply:");
    expect(mail.text).toContain("Stop all notification e-mails:");
  });

  it("sends nothing for what is not a mention or a reply to me", async () => {
    const topicId = await newTopic(camille, "Un sujet suivi par Karim");
    expect((await karim.put(`/api/v1/topics/${topicId}/subscription`, { level: "watching" })).status).toBe(200);
    const from = await mailCount();
    const postId = await reply(helene, topicId, "Première réponse.");
    const mails = await settle(from);
    // Camille (the asker) gets her reply e-mail; Karim, only watching, gets none.
    expect(mails.map((m) => m.to)).toEqual([expect.stringContaining("trainer.paris@demo.compass")]);
    const rows = await server.services.db.select().from(notifications).where(eq(notifications.postId, Number(postId)));
    expect(rows).toContainEqual(expect.objectContaining({ userId: ids.karim, kind: "watching", emailedAt: null }));
  });

  it("never mails about content hidden or deleted by the time the job runs, nor to a deactivated person", async () => {
    const topicId = await newTopic(camille, "Triche au projet final");
    const from = await mailCount();
    const held = await holdingJobs(async () => {
      const hidden = await reply(helene, topicId, "Un contenu signalé.");
      const deleted = await reply(karim, topicId, "Un contenu supprimé.");
      await settle(from);
      await server.services.db.update(posts).set({ visibility: "hidden" }).where(eq(posts.id, Number(hidden)));
      expect((await karim.delete(`/api/v1/posts/${deleted}`)).status).toBe(204);
    });
    expect(held.length).toBeGreaterThanOrEqual(2);
    expect(await release(held, from)).toEqual([]);

    const again = await holdingJobs(async () => {
      await reply(lucia, topicId, "A reply nobody will be mailed about.");
      await settle(from);
      await server.services.db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, ids.camille));
    });
    try {
      expect(again.length).toBeGreaterThanOrEqual(1);
      expect(await release(again, from)).toEqual([]);
    } finally {
      await server.services.db.update(users).set({ deactivatedAt: null }).where(eq(users.id, ids.camille));
    }
  });
});

describe("daily digest and never", () => {
  it("daily: no e-mail at once, then one digest with the unread notifications of the day, once", async () => {
    await setEmailPreference(server.services.db, ids.helene, "daily");
    try {
      const topicId = await newTopic(helene, "Niveaux très hétérogènes dans le groupe");
      const from = await mailCount();
      await reply(camille, topicId, "Des binômes de niveaux différents.");
      await reply(karim, topicId, "Et des défis optionnels, @helene.rousseau.");
      await reply(lucia, topicId, "We use levelled exercises.");
      expect(await settle(from)).toEqual([]);
      // One already read is not in the digest.
      const mine = (await (await helene.get("/api/v1/notifications")).json()) as { items: { id: string; actor: { name: string } }[] };
      const lucias = mine.items.find((n) => n.actor.name.startsWith("Lucía"))!;
      await helene.post("/api/v1/notifications/read", { ids: [lucias.id] });

      await server.services.jobs.send(notificationDigestJob, {});
      const digests = (await server.mails()).slice(from).map(readMail);
      expect(digests).toHaveLength(1);
      const [digest] = digests;
      expect(digest.to).toContain("trainer.lyon@demo.compass");
      expect(digest.subject).toMatch(/^\d+ nouvelles? notifications? sur Digital Compass$/);
      expect(digest.text).toContain("Camille Martin vous a répondu dans « Niveaux très hétérogènes dans le groupe »");
      expect(digest.text).toContain("Karim Benali vous a répondu dans « Niveaux très hétérogènes dans le groupe »");
      expect(digest.text).not.toContain("Lucía Fernández Ortega vous a répondu dans « Niveaux");
      expect(digest.text).toContain(`${server.config.publicUrl}/discussions/t/${topicId}?post=`);
      expect(header(digest.raw, "List-Unsubscribe")).toBe(`<${await unsubscribeUrl(server.services, ids.helene)}>`);
      expect(header(digest.raw, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");

      await sendNotificationDigests(server.services);
      expect(await mailCount()).toBe(from + 1);
    } finally {
      await setEmailPreference(server.services.db, ids.helene, "immediate");
    }
  });

  it("never: neither at once nor in a digest", async () => {
    await setEmailPreference(server.services.db, ids.karim, "never");
    try {
      const topicId = await newTopic(karim, "Comment accueillir un·e nouveau·elle formateur·rice ?");
      const from = await mailCount();
      await reply(helene, topicId, "Un parrainage de trois mois.");
      await reply(camille, topicId, "@karim.benali je te propose mon planning d'intégration.");
      expect(await settle(from)).toEqual([]);
      await sendNotificationDigests(server.services);
      expect(await mailCount()).toBe(from);
    } finally {
      await setEmailPreference(server.services.db, ids.karim, "immediate");
    }
  });
});

describe("unsubscribe", () => {
  it("keeps one secret, made on first use", async () => {
    const first = await getOrCreateSecret(server.services.db, "test-secret");
    expect(first).toMatch(/^[\w-]{40,}$/);
    expect(await getOrCreateSecret(server.services.db, "test-secret")).toBe(first);
    const rows = await server.services.db.select().from(appSecrets).where(eq(appSecrets.name, "test-secret"));
    expect(rows).toHaveLength(1);
  });

  it("asks for confirmation on GET, and a click on the button unsubscribes without signing in", async () => {
    const link = await unsubscribeUrl(server.services, ids.lucia);
    const path = link.slice(server.config.publicUrl.length);
    const visitor = server.client();
    const page = await visitor.get(path, { "accept-language": "en" });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Unsubscribe me");
    expect(html).not.toContain("host.madrid@demo.compass");
    expect(await getEmailPreference(server.services.db, ids.lucia)).toBe("immediate");
    const u = new URL(link).searchParams.get("u")!;
    const s = new URL(link).searchParams.get("s")!;
    const done = await visitor.submit(path, { u, s }, { "accept-language": "en" });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("Done: you will no longer get notification e-mails.");
    expect(await getEmailPreference(server.services.db, ids.lucia)).toBe("never");
    await setEmailPreference(server.services.db, ids.lucia, "immediate");
  });

  it("answers a mail client's RFC 8058 one-click POST with 200", async () => {
    const link = await unsubscribeUrl(server.services, ids.helene);
    const res = await fetch(`http://127.0.0.1:${server.port}${link.slice(server.config.publicUrl.length)}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
      redirect: "manual",
    });
    expect(res.status).toBe(200);
    expect(await getEmailPreference(server.services.db, ids.helene)).toBe("never");
    await setEmailPreference(server.services.db, ids.helene, "immediate");
  });

  it("refuses a forged or incomplete link with 400 and changes nothing", async () => {
    const link = new URL(await unsubscribeUrl(server.services, ids.camille));
    const u = link.searchParams.get("u")!;
    const good = link.searchParams.get("s")!;
    const forged = (good[0] === "A" ? "B" : "A") + good.slice(1);
    const otherUser = `/unsubscribe?u=${encodeURIComponent(ids.karim)}&s=${good}`;
    const visitor = server.client();
    for (const path of [`/unsubscribe?u=${encodeURIComponent(u)}&s=${forged}`, otherUser, `/unsubscribe?u=${encodeURIComponent(u)}`, "/unsubscribe"]) {
      const page = await visitor.get(path);
      expect(page.status).toBe(400);
      expect(await page.text()).toContain("Lien de désabonnement non valide");
      expect((await visitor.submit(path, { u, s: forged })).status).toBe(400);
    }
    expect(await getEmailPreference(server.services.db, ids.camille)).toBe("immediate");
    expect(await getEmailPreference(server.services.db, ids.karim)).toBe("immediate");
  });
});

describe("the e-mail settings page", () => {
  it("sends a stranger to sign in", async () => {
    const res = await server.client().get("/settings/notifications");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/login?redirectTo=%2Fsettings%2Fnotifications");
  });

  it("shows the three choices with mine checked, saves a new one, and refuses anything else", async () => {
    const html = await (await camille.get("/settings/notifications")).text();
    expect(html).toContain("<legend>Recevoir un e-mail</legend>");
    expect(html).toMatch(/<input type="radio" id="email-immediate"[^>]*checked/);
    expect(html).toMatch(/<input type="radio" id="email-daily"[^>]*value="daily"/);
    expect(html).toMatch(/<input type="radio" id="email-never"[^>]*value="never"/);
    expect(html).not.toMatch(/<input type="radio" id="email-daily"[^>]*checked/);

    const saved = await camille.submit("/settings/notifications", { emailNotifications: "daily" });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe("/settings/notifications?saved=1");
    expect(await getEmailPreference(server.services.db, ids.camille)).toBe("daily");
    const after = await (await camille.get("/settings/notifications?saved=1")).text();
    expect(after).toContain("C’est enregistré");
    expect(after).toMatch(/<input type="radio" id="email-daily"[^>]*checked/);

    const bad = await camille.submit("/settings/notifications", { emailNotifications: "hourly" });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toMatch(/id="error-emailNotifications">Choisissez l’une des trois options\./);
    expect(await getEmailPreference(server.services.db, ids.camille)).toBe("daily");

    const en = await lucia.submit("/settings/notifications", {});
    expect(en.status).toBe(422);
    expect(await en.text()).toContain("Choose one of the three options.");
    await setEmailPreference(server.services.db, ids.camille, "immediate");
  });
});
