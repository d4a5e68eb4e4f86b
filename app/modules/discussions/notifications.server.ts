import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database, Queryable } from "../../../db/client";
import { queryRows } from "../../../db/client";
import { notifications, subscriptions, users } from "../../../db/schema";
import type { Services } from "../platform/services";
import type { Actor } from "../accounts/permissions";
import { can } from "../accounts/permissions";

export type NotificationKind = "reply" | "mention" | "accepted" | "watching" | "new-topic" | (string & {});

export type NotificationView = {
  id: string;
  kind: NotificationKind;
  read: boolean;
  createdAt: string;
  url: string;
  actor: { id: string; name: string } | null;
  topic: { id: string; title: string } | null;
  postId: string | null;
};

/** A notification made inside a transaction, pushed to the person's sockets once it commits. */
export type PendingPush = {
  userId: string;
  notification: Omit<NotificationView, "url"> & { url: string | null; topicId: string | null };
};

/** Kinds worth an e-mail of their own to people who chose "immediately"; the rest wait for the page or the digest. */
export const immediateEmailKinds: ReadonlySet<string> = new Set(["mention", "reply"]);
export const notificationEmailJob = "send-notification-email";
export const notificationDigestJob = "send-notification-digest";
export type NotificationEmailJobData = { notificationId: string };

type Candidate = { userId: string; kind: NotificationKind };

/**
 * Writes one notification per person (the most personal reason wins: reply to me, then mention, then
 * following), skipping the actor, people who muted the topic and accounts that are no longer active.
 */
async function record(
  db: Queryable,
  candidates: Candidate[],
  context: { actorId: string; topicId: number; postId: number | null; mutedTarget?: { type: "topic"; id: string } },
): Promise<PendingPush[]> {
  const byUser = new Map<string, NotificationKind>();
  for (const c of candidates) if (c.userId !== context.actorId && !byUser.has(c.userId)) byUser.set(c.userId, c.kind);
  if (byUser.size === 0) return [];
  const ids = [...byUser.keys()];
  // Only people who can see the topic: while it is hidden, that is leads and admins.
  const [seen] = await queryRows<{ visibility: string; case_author_id: string | null; case_anonymous: boolean | null; case_status: string | null }>(
    db,
    sql`select t.visibility, c.author_id as case_author_id, c.anonymous as case_anonymous, c.status as case_status
      from topics t left join cases c on c.topic_id = t.id where t.id = ${context.topicId}`,
  );
  // A case not yet published is its author's, the leads' and the admins' only.
  const leadsOnly = seen?.visibility !== "visible" || (seen.case_status !== null && seen.case_status !== "published");
  // The anonymous author of a case, replying or mentioning in its discussion, is not named: the notification has no actor.
  const actorId = seen?.case_anonymous && seen.case_author_id === context.actorId ? null : context.actorId;
  const active = new Set(
    (
      await db
        .select({ id: users.id, role: users.role })
        .from(users)
        .where(and(inArray(users.id, ids), isNull(users.deactivatedAt), isNull(users.erasedAt)))
    )
      .filter((u) => !leadsOnly || u.role === "lead" || u.role === "admin" || (seen?.case_author_id === u.id && seen.visibility === "visible"))
      .map((u) => u.id),
  );
  const muted = new Set(
    (
      await db
        .select({ userId: subscriptions.userId })
        .from(subscriptions)
        .where(and(inArray(subscriptions.userId, ids), eq(subscriptions.targetType, "topic"), eq(subscriptions.targetId, String(context.topicId)), eq(subscriptions.level, "muted")))
    ).map((s) => s.userId),
  );
  const rows = [...byUser].filter(([userId]) => active.has(userId) && !muted.has(userId));
  if (rows.length === 0) return [];
  const inserted = await db
    .insert(notifications)
    .values(rows.map(([userId, kind]) => ({ userId, kind, actorId, topicId: context.topicId, postId: context.postId })))
    .onConflictDoNothing()
    .returning();
  const [about] = await queryRows<{ actor_name: string | null; topic_title: string | null }>(
    db,
    sql`select (select name from users where id = ${actorId}) as actor_name,
        (select title from topics where id = ${context.topicId}) as topic_title`,
  );
  const actor = actorId && about?.actor_name ? { id: actorId, name: about.actor_name } : null;
  const topic = about?.topic_title ? { id: String(context.topicId), title: about.topic_title } : null;
  return inserted.map((n) => ({
    userId: n.userId,
    notification: {
      id: String(n.id),
      kind: n.kind,
      read: false,
      createdAt: n.createdAt.toISOString(),
      url: notificationPath(n.topicId, n.postId),
      topicId: n.topicId === null ? null : String(n.topicId),
      topic,
      postId: n.postId === null ? null : String(n.postId),
      actor,
    },
  }));
}

export const notificationPath = (topicId: number | null, postId: number | null) =>
  topicId === null ? null : postId === null ? `/discussions/t/${topicId}` : `/discussions/t/${topicId}?post=${postId}#post-${postId}`;

async function watchersOf(db: Queryable, targets: { type: "topic" | "category" | "tag"; ids: string[] }[]): Promise<string[]> {
  const out: string[] = [];
  for (const target of targets) {
    if (target.ids.length === 0) continue;
    const rows = await db
      .select({ userId: subscriptions.userId })
      .from(subscriptions)
      .where(and(eq(subscriptions.targetType, target.type), inArray(subscriptions.targetId, target.ids), eq(subscriptions.level, "watching")));
    out.push(...rows.map((r) => r.userId));
  }
  return out;
}

export async function notifyNewPost(
  db: Queryable,
  input: { topicId: number; postId: number; actorId: string; topicAuthorId: string | null; parentAuthorId: string | null; mentionedIds: string[] },
): Promise<PendingPush[]> {
  const candidates: Candidate[] = [];
  const repliedTo = input.parentAuthorId ?? input.topicAuthorId;
  if (repliedTo) candidates.push({ userId: repliedTo, kind: "reply" });
  for (const id of input.mentionedIds) candidates.push({ userId: id, kind: "mention" });
  if (input.topicAuthorId !== null) {
    for (const id of await watchersOf(db, [{ type: "topic", ids: [String(input.topicId)] }])) candidates.push({ userId: id, kind: "watching" });
  }
  return record(db, candidates, { actorId: input.actorId, topicId: input.topicId, postId: input.postId });
}

export async function notifyNewTopic(
  db: Queryable,
  input: { topicId: number; actorId: string; mentionedIds: string[]; categoryId: string; tags: string[] },
): Promise<PendingPush[]> {
  const candidates: Candidate[] = input.mentionedIds.map((userId) => ({ userId, kind: "mention" }));
  const watchers = await watchersOf(db, [
    { type: "category", ids: [input.categoryId] },
    { type: "tag", ids: input.tags },
  ]);
  for (const id of watchers) candidates.push({ userId: id, kind: "new-topic" });
  return record(db, candidates, { actorId: input.actorId, topicId: input.topicId, postId: null });
}

export async function notifyAccepted(db: Queryable, input: { topicId: number; postId: number; actorId: string; postAuthorId: string }) {
  return record(db, [{ userId: input.postAuthorId, kind: "accepted" }], { actorId: input.actorId, topicId: input.topicId, postId: input.postId });
}

/** Notifications about content the viewer may no longer see (hidden or deleted since) do not exist for them. */
function visibleTo(viewer: NonNullable<Actor>) {
  return can(viewer, { action: "content:see-hidden" })
    ? sql`(t.id is null or t.visibility <> 'deleted') and (p.id is null or p.visibility <> 'deleted')`
    : sql`(t.id is null or t.visibility = 'visible') and (p.id is null or p.visibility = 'visible')`;
}

/**
 * My notifications, newest first, with the unread count. Notifications about content I can no longer see
 * (hidden or deleted since) are left out, and so is their count.
 */
export async function listNotifications(
  db: Database,
  viewer: NonNullable<Actor>,
  publicUrl: string,
  options: { before?: number; limit?: number } = {},
): Promise<{ items: NotificationView[]; unread: number; nextCursor: string | null }> {
  const limit = Math.min(Math.max(options.limit ?? 20, 1), 100);
  const visible = visibleTo(viewer);
  const rows = await queryRows<{
    id: number;
    kind: string;
    read_at: string | Date | null;
    created_at: string | Date;
    topic_id: number | null;
    post_id: number | null;
    topic_title: string | null;
    actor_id: string | null;
    actor_name: string | null;
    actor_erased: boolean | null;
  }>(
    db,
    sql`select n.id, n.kind, n.read_at, n.created_at, n.topic_id, n.post_id, t.title as topic_title,
        a.id as actor_id, a.name as actor_name, (a.erased_at is not null) as actor_erased
      from notifications n
      left join topics t on t.id = n.topic_id
      left join posts p on p.id = n.post_id
      left join users a on a.id = n.actor_id
      where n.user_id = ${viewer.id} and ${visible} ${options.before ? sql`and n.id < ${options.before}` : sql``}
      order by n.id desc
      limit ${limit + 1}`,
  );
  const [{ unread }] = await queryRows<{ unread: number }>(
    db,
    sql`select count(*)::int as unread from notifications n
      left join topics t on t.id = n.topic_id left join posts p on p.id = n.post_id
      where n.user_id = ${viewer.id} and n.read_at is null and ${visible}`,
  );
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => ({
      id: String(r.id),
      kind: r.kind,
      read: r.read_at !== null,
      createdAt: new Date(r.created_at).toISOString(),
      url: publicUrl + (notificationPath(r.topic_id, r.post_id) ?? "/notifications"),
      actor: r.actor_id && r.actor_name ? { id: r.actor_id, name: r.actor_erased ? "deleted user" : r.actor_name } : null,
      topic: r.topic_id && r.topic_title ? { id: String(r.topic_id), title: r.topic_title } : null,
      postId: r.post_id === null ? null : String(r.post_id),
    })),
    unread,
    nextCursor: rows.length > limit && page.length ? String(page[page.length - 1].id) : null,
  };
}

export async function markNotificationsRead(db: Database, userId: string, which: { ids: number[] } | { all: true }) {
  const condition =
    "all" in which ? and(eq(notifications.userId, userId), isNull(notifications.readAt)) : and(eq(notifications.userId, userId), inArray(notifications.id, which.ids.length ? which.ids : [-1]));
  await db.update(notifications).set({ readAt: new Date() }).where(condition);
}

/** The bell's number: one indexed count, cheap enough for every page. */
export async function unreadCount(db: Queryable, viewer: NonNullable<Actor>): Promise<number> {
  const [row] = await queryRows<{ unread: number }>(
    db,
    sql`select count(*)::int as unread from notifications n
      left join topics t on t.id = n.topic_id left join posts p on p.id = n.post_id
      where n.user_id = ${viewer.id} and n.read_at is null and ${visibleTo(viewer)}`,
  );
  return row?.unread ?? 0;
}

/**
 * Opening one of my notifications from the page: marks it read and gives the path to go to, or null when it is
 * not mine or is about something I may no longer see.
 */
export async function openNotification(db: Database, viewer: NonNullable<Actor>, id: number): Promise<string | null> {
  const [row] = await queryRows<{ id: number; topic_id: number | null; post_id: number | null }>(
    db,
    sql`select n.id, n.topic_id, n.post_id from notifications n
      left join topics t on t.id = n.topic_id left join posts p on p.id = n.post_id
      where n.id = ${id} and n.user_id = ${viewer.id} and ${visibleTo(viewer)}`,
  );
  if (!row) return null;
  await db.update(notifications).set({ readAt: new Date() }).where(and(eq(notifications.id, Number(row.id)), isNull(notifications.readAt)));
  return notificationPath(row.topic_id, row.post_id) ?? "/notifications";
}

type AfterCommitServices = Pick<Services, "realtime" | "jobs"> & Partial<Pick<Services, "log">>;

/**
 * What follows a committed change that made notifications: each is pushed to the person's open sockets
 * (`notification:new`), and a mention or a reply gets an e-mail job (the job itself checks the person's
 * preference, their account and the content's visibility when it runs). Never throws: the change is done.
 */
export async function afterCommit(services: AfterCommitServices, pushes: PendingPush[]): Promise<void> {
  for (const push of pushes) {
    try {
      services.realtime.toUser(push.userId, "notification:new", push.notification);
    } catch (err) {
      services.log?.warn({ err, userId: push.userId }, "live notification push failed");
    }
  }
  const mails = pushes.filter((push) => immediateEmailKinds.has(push.notification.kind));
  await Promise.all(
    mails.map((push) =>
      services.jobs
        .send<NotificationEmailJobData>(notificationEmailJob, { notificationId: push.notification.id })
        .catch((err: unknown) => services.log?.error({ err, notificationId: push.notification.id }, "could not queue the notification e-mail")),
    ),
  );
}

