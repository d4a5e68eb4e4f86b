import { createHmac, timingSafeEqual } from "node:crypto";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { queryRows } from "../../../db/client";
import { notifications, users } from "../../../db/schema";
import type { Services } from "../platform/services";
import { createTranslator, isLocale, type Locale, type MessageKey, type Translate } from "../../i18n";
import { getOrCreateSecret } from "../platform/secrets.server";
import {
  immediateEmailKinds,
  notificationDigestJob,
  notificationEmailJob,
  notificationPath,
  type NotificationEmailJobData,
} from "./notifications.server";

export { notificationDigestJob, notificationEmailJob };

export const emailPreferences = ["immediate", "daily", "never"] as const;
export type EmailPreference = (typeof emailPreferences)[number];
export const isEmailPreference = (value: unknown): value is EmailPreference => emailPreferences.includes(value as EmailPreference);

/** The daily digest runs at 07:00 (pg-boss cron, UTC) or every 24 hours in-process. */
export const digestSchedule = { cron: "0 7 * * *", everyMs: 24 * 60 * 60 * 1000 };
/** How far back the digest looks: a day, with an hour's slack for a late run (emailed_at prevents repeats). */
const digestWindow = sql`interval '25 hours'`;
/** Lines written out in a digest; the rest are counted with a link to the page. */
const digestLines = 20;
const excerptLength = 280;

type MailServices = Pick<Services, "db" | "mailer" | "config"> & Partial<Pick<Services, "log">>;

// ---------------------------------------------------------------------------------------------------------------
// Preferences and one-click unsubscribe

export async function getEmailPreference(db: Database, userId: string): Promise<EmailPreference> {
  const [row] = await db.select({ value: users.emailNotifications }).from(users).where(eq(users.id, userId));
  return row?.value ?? "immediate";
}

export async function setEmailPreference(db: Database, userId: string, value: EmailPreference): Promise<void> {
  await db.update(users).set({ emailNotifications: value, updatedAt: new Date() }).where(eq(users.id, userId));
}

const unsubscribeSecretName = "unsubscribe";

async function unsubscribeSignature(db: Database, userId: string) {
  const secret = await getOrCreateSecret(db, unsubscribeSecretName);
  return createHmac("sha256", secret).update(`unsubscribe:${userId}`).digest("base64url");
}

/** The link every notification e-mail carries: it works without signing in, for this person only. */
export async function unsubscribeUrl(services: Pick<Services, "db" | "config">, userId: string): Promise<string> {
  const signature = await unsubscribeSignature(services.db, userId);
  return `${services.config.publicUrl}/unsubscribe?u=${encodeURIComponent(userId)}&s=${signature}`;
}

export async function verifyUnsubscribe(db: Database, userId: unknown, signature: unknown): Promise<boolean> {
  if (typeof userId !== "string" || typeof signature !== "string" || !userId || userId.length > 100 || signature.length > 100) return false;
  const expected = Buffer.from(await unsubscribeSignature(db, userId));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** One click: no more notification e-mails for this person. False (and nothing changed) for a forged link. */
export async function unsubscribe(db: Database, userId: unknown, signature: unknown): Promise<boolean> {
  if (!(await verifyUnsubscribe(db, userId, signature))) return false;
  await setEmailPreference(db, userId as string, "never");
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// Writing the e-mails

const kindKeys: Record<string, MessageKey> = {
  reply: "notify.kind.reply",
  mention: "notify.kind.mention",
  accepted: "notify.kind.accepted",
  watching: "notify.kind.watching",
  "new-topic": "notify.kind.new-topic",
  "case-review": "notify.kind.case-review",
  "identity-reveal": "notify.kind.identity-reveal",
  "case-follow-up": "notify.kind.case-follow-up",
};

function sentence(t: Translate, kind: string, actorName: string | null, topicTitle: string | null) {
  const actor = actorName ?? t("notify.someone");
  const topic = topicTitle ?? t("notify.aTopic");
  return t(kindKeys[kind] ?? "notify.kind.other", { actor, topic });
}

/** A plain-text excerpt cut on a word, quoted line by line. */
export function excerpt(text: string, max = excerptLength): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const quote = (text: string) =>
  text
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");

function footer(t: Translate, services: Pick<Services, "config">, reason: MessageKey, unsubscribe: string) {
  return [
    "-- ",
    t(reason),
    t("notify.mail.footerSettings", { url: `${services.config.publicUrl}/settings/notifications` }),
    t("notify.mail.footerUnsubscribe", { url: unsubscribe }),
  ].join("\n");
}

const unsubscribeHeaders = (url: string) => ({
  "List-Unsubscribe": `<${url}>`,
  "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
});

const localeOf = (value: string | null): Locale => (isLocale(value) ? value : "fr");

type ImmediateRow = {
  id: number;
  kind: string;
  topic_id: number | null;
  post_id: number | null;
  read_at: string | Date | null;
  emailed_at: string | Date | null;
  user_id: string;
  email: string;
  name: string;
  locale: string | null;
  preference: string;
  active: boolean;
  topic_title: string | null;
  topic_visibility: string | null;
  topic_text: string | null;
  post_visibility: string | null;
  post_text: string | null;
  actor_name: string | null;
  actor_erased: boolean | null;
};

/**
 * The job behind an immediate e-mail: one mention or reply, in the recipient's language, with the topic's title,
 * an excerpt and the link. Nothing is sent when the person chose another rhythm, has already read it, is no longer
 * active, or when the topic or the post is hidden or deleted by now. `emailed_at` is claimed first so that a
 * repeated job sends nothing twice, and released again if the mail could not go (the queue then retries).
 */
export async function sendNotificationEmail(services: MailServices, job: NotificationEmailJobData): Promise<void> {
  const id = Number(job.notificationId);
  if (!Number.isSafeInteger(id) || id <= 0) return;
  const [row] = await queryRows<ImmediateRow>(
    services.db,
    sql`select n.id, n.kind, n.topic_id, n.post_id, n.read_at, n.emailed_at,
        u.id as user_id, u.email, u.name, u.locale, u.email_notifications as preference,
        (u.deactivated_at is null and u.erased_at is null) as active,
        t.title as topic_title, t.visibility as topic_visibility, t.body_text as topic_text,
        p.visibility as post_visibility, p.body_text as post_text,
        a.name as actor_name, (a.erased_at is not null) as actor_erased
      from notifications n
      join users u on u.id = n.user_id
      left join topics t on t.id = n.topic_id
      left join posts p on p.id = n.post_id
      left join users a on a.id = n.actor_id
      where n.id = ${id}`,
  );
  if (!row || row.emailed_at !== null || row.read_at !== null) return;
  if (!immediateEmailKinds.has(row.kind) || row.preference !== "immediate" || !row.active) return;
  if (row.topic_id === null || row.topic_visibility !== "visible") return;
  if (row.post_id !== null && row.post_visibility !== "visible") return;

  const claimed = await services.db
    .update(notifications)
    .set({ emailedAt: new Date() })
    .where(and(eq(notifications.id, id), isNull(notifications.emailedAt), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  if (claimed.length === 0) return;

  const locale = localeOf(row.locale);
  const t = createTranslator(locale);
  const actor = row.actor_name && !row.actor_erased ? row.actor_name : t("notify.someone");
  const topic = row.topic_title ?? t("notify.aTopic");
  const link = services.config.publicUrl + notificationPath(row.topic_id, row.post_id);
  const unsubscribe = await unsubscribeUrl(services, row.user_id);
  const kind = row.kind === "mention" ? "mention" : "reply";
  const text = [
    t("notify.mail.greeting", { name: row.name }),
    "",
    t(kind === "mention" ? "notify.mail.mentionIntro" : "notify.mail.replyIntro", { actor, topic }),
    "",
    quote(excerpt(row.post_text ?? row.topic_text ?? "")),
    "",
    t("notify.mail.open", { url: link }),
    "",
    footer(t, services, "notify.mail.footerImmediate", unsubscribe),
    "",
  ].join("\n");
  try {
    await services.mailer.send({
      to: row.email,
      subject: t(kind === "mention" ? "notify.mail.mentionSubject" : "notify.mail.replySubject", { actor, topic }),
      text,
      headers: unsubscribeHeaders(unsubscribe),
    });
  } catch (err) {
    await services.db.update(notifications).set({ emailedAt: null }).where(eq(notifications.id, id));
    throw err;
  }
}

type DigestRow = {
  id: number | string;
  kind: string;
  topic_id: number | null;
  post_id: number | null;
  topic_title: string | null;
  actor_name: string | null;
  actor_erased: boolean | null;
};

/** What a digest may mention: visible content only, whoever the reader is (an e-mail travels). */
const digestVisible = sql`(t.id is null or t.visibility = 'visible') and (p.id is null or p.visibility = 'visible')`;

/**
 * The scheduled job: one e-mail per person in daily mode with their unread notifications of the last day that no
 * e-mail has carried yet. A failure for one person does not stop the others; the job fails at the end so the
 * queue knows.
 */
export async function sendNotificationDigests(services: MailServices): Promise<void> {
  const people = await queryRows<{ id: string; email: string; name: string; locale: string | null }>(
    services.db,
    sql`select u.id, u.email, u.name, u.locale from users u
      where u.email_notifications = 'daily' and u.deactivated_at is null and u.erased_at is null
        and exists (
          select 1 from notifications n
          left join topics t on t.id = n.topic_id left join posts p on p.id = n.post_id
          where n.user_id = u.id and n.read_at is null and n.emailed_at is null
            and n.created_at > now() - ${digestWindow} and ${digestVisible})
      order by u.id`,
  );
  const failures: unknown[] = [];
  for (const person of people) {
    try {
      await sendDigestTo(services, person);
    } catch (err) {
      services.log?.error({ err, userId: person.id }, "notification digest failed");
      failures.push(err);
    }
  }
  if (failures.length) throw new Error(`${failures.length} notification digest(s) failed`);
}

async function sendDigestTo(services: MailServices, person: { id: string; email: string; name: string; locale: string | null }) {
  const rows = await queryRows<DigestRow>(
    services.db,
    sql`select n.id, n.kind, n.topic_id, n.post_id, t.title as topic_title, a.name as actor_name, (a.erased_at is not null) as actor_erased
      from notifications n
      left join topics t on t.id = n.topic_id
      left join posts p on p.id = n.post_id
      left join users a on a.id = n.actor_id
      where n.user_id = ${person.id} and n.read_at is null and n.emailed_at is null
        and n.created_at > now() - ${digestWindow} and ${digestVisible}
      order by n.id desc
      limit 500`,
  );
  if (rows.length === 0) return;
  // bigint columns come back as strings from some drivers: compare numbers.
  const claimed = await services.db
    .update(notifications)
    .set({ emailedAt: new Date() })
    .where(and(eq(notifications.userId, person.id), inArray(notifications.id, rows.map((r) => Number(r.id))), isNull(notifications.emailedAt)))
    .returning({ id: notifications.id });
  const mine = new Set(claimed.map((c) => Number(c.id)));
  const items = rows.filter((r) => mine.has(Number(r.id)));
  if (items.length === 0) return;

  const t = createTranslator(localeOf(person.locale));
  const base = services.config.publicUrl;
  const unsubscribe = await unsubscribeUrl(services, person.id);
  const lines = items.slice(0, digestLines).flatMap((r) => [
    `- ${sentence(t, r.kind, r.actor_name && !r.actor_erased ? r.actor_name : null, r.topic_title)}`,
    `  ${base}${notificationPath(r.topic_id, r.post_id) ?? "/notifications"}`,
  ]);
  const more = items.length - digestLines;
  const text = [
    t("notify.mail.greeting", { name: person.name }),
    "",
    t("notify.mail.digestIntro"),
    "",
    ...lines,
    ...(more > 0 ? ["", t("notify.mail.digestMore", { count: more, url: `${base}/notifications` })] : []),
    "",
    t("notify.mail.digestAll", { url: `${base}/notifications` }),
    "",
    footer(t, services, "notify.mail.footerDaily", unsubscribe),
    "",
  ].join("\n");
  try {
    await services.mailer.send({
      to: person.email,
      subject: t("notify.mail.digestSubject", { count: items.length }),
      text,
      headers: unsubscribeHeaders(unsubscribe),
    });
  } catch (err) {
    await services.db.update(notifications).set({ emailedAt: null }).where(inArray(notifications.id, [...mine]));
    throw err;
  }
}
