import { and, eq, or, sql, type SQL } from "drizzle-orm";
import type { Database, Queryable } from "../../../db/client";
import { queryRows } from "../../../db/client";
import {
  posts,
  reactions,
  revisions,
  subscriptions,
  topicReads,
  topicTags,
  topics,
  users,
  type ContentLanguage,
  type ReactionKind,
  type Visibility,
} from "../../../db/schema";
import type { Services } from "../platform/services";
import type { AuthUser } from "../accounts/auth.server";
import { can, type Actor } from "../accounts/permissions";
import { hidesPersonInCase } from "../cases/anonymity";
import { caseTopicAccess } from "../cases/access.server";
import { badCursor, DomainError, notFound } from "../platform/errors";
import { claimFormSubmission, type FormKeyOption } from "../platform/form-submissions.server";
import { renderWithMentions as render } from "./compose.server";
import { afterCommit, notifyAccepted, notifyNewPost, notifyNewTopic, type PendingPush } from "./notifications.server";
import { decodeTopicListCursor, type NewTopicInput, type TopicListQuery, type topicModerationActions } from "./schemas";
import { assertCategoryExists, assertTagsExist } from "./taxonomy.server";

/** Replies shown inline under a first-level reply before "continue this thread". */
export const inlineDepth = 3;
export const rootsPerPage = 20;
/** However branchy a page is, it carries at most this many posts. */
const maxPostsPerPage = 400;

export type AuthorView = { id: string; name: string; handle: string } | null;

export type TopicView = {
  id: string;
  title: string;
  body: string;
  bodyHtml: string;
  categoryId: string;
  tags: string[];
  language: ContentLanguage;
  author: AuthorView;
  createdAt: string;
  editedAt: string | null;
  locked: boolean;
  pinned: boolean;
  acceptedPostId: string | null;
  replyCount: number;
  viewCount: number;
  visibility: Visibility;
  url: string;
};

export type PostView = {
  id: string;
  topicId: string;
  parentId: string | null;
  depth: number;
  author: AuthorView;
  body: string;
  bodyHtml: string;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  hidden: boolean;
  childCount: number;
  reactions: Record<ReactionKind, number>;
  reactors: Record<ReactionKind, string[]>;
  myReactions: ReactionKind[];
  url: string;
};

export const topicPath = (id: number | string) => `/discussions/t/${id}`;
export const postPath = (topicId: number | string, postId: number | string) => `${topicPath(topicId)}?post=${postId}#post-${postId}`;

const author = (id: string | null, name: string | null, handle: string | null, erased: boolean): AuthorView =>
  id && name && handle ? (erased ? { id, name: "deleted user", handle: "" } : { id, name, handle }) : null;

function visibleTo(viewer: Actor, visibility: Visibility) {
  return visibility === "visible" || (visibility === "hidden" && can(viewer, { action: "content:see-hidden" }));
}

/** Loads a topic the viewer may see, or throws 404 (hidden and deleted topics do not exist for others). */
export async function requireVisibleTopic(db: Queryable, viewer: Actor, topicId: number) {
  if (!can(viewer, { action: "discussion:read" })) throw new DomainError(401, "auth.signInRequired");
  const [row] = await db.select().from(topics).where(eq(topics.id, topicId));
  if (!row || !visibleTo(viewer, row.visibility)) throw notFound();
  // A case's discussion follows its case (not published: its author, leads and admins only).
  if (row.kind === "case" && !(await caseTopicAccess(db, viewer, topicId))?.visible) throw notFound();
  return row;
}

/** Creates a topic; from a keyed form, posting it twice creates one and answers both with it. */
export async function createTopic(
  services: Pick<Services, "db" | "realtime" | "config" | "jobs" | "log">,
  actor: AuthUser,
  input: NewTopicInput,
  options: FormKeyOption = {},
) {
  if (!can(actor, { action: "topic:create" })) throw new DomainError(403, "auth.forbidden");
  const { pushes, topicId } = await services.db.transaction(async (tx) => {
    const claim = await claimFormSubmission<{ topicId: number }>(tx, { userId: actor.id, formKey: options.formKey, kind: "topic", sent: input });
    if (claim.replay) return { pushes: [], topicId: claim.replay.topicId };
    await assertCategoryExists(tx, input.categoryId);
    await assertTagsExist(tx, input.tags);
    const rendered = await render(tx, input.body);
    const [topic] = await tx
      .insert(topics)
      .values({
        categoryId: input.categoryId,
        authorId: actor.id,
        title: input.title,
        body: input.body,
        bodyHtml: rendered.html,
        bodyText: rendered.text,
        language: input.language,
      })
      .returning({ id: topics.id });
    if (input.tags.length) await tx.insert(topicTags).values(input.tags.map((tagSlug) => ({ topicId: topic.id, tagSlug })));
    await tx
      .insert(subscriptions)
      .values({ userId: actor.id, targetType: "topic", targetId: String(topic.id), level: "watching" })
      .onConflictDoNothing();
    const pushes = await notifyNewTopic(tx, { topicId: topic.id, actorId: actor.id, mentionedIds: rendered.mentionedIds, categoryId: input.categoryId, tags: input.tags });
    await claim.record({ topicId: topic.id });
    return { pushes, topicId: topic.id };
  });
  await deliver(services, pushes);
  // A replayed form whose topic has gone since: nothing to show.
  const topic = await getTopic(services.db, actor, topicId, services.config.publicUrl);
  if (!topic) throw notFound();
  return topic;
}

/** Pushes the notifications a committed change created to the people's open sockets. */
export async function deliver(services: Pick<Services, "realtime" | "jobs" | "log">, pushes: PendingPush[]) {
  await afterCommit(services, pushes);
}

type TopicRow = {
  id: number;
  title: string;
  body: string;
  body_html: string;
  category_id: string;
  language: ContentLanguage;
  author_id: string;
  author_name: string | null;
  author_handle: string | null;
  author_erased: boolean;
  created_at: Date | string;
  edited_at: Date | string | null;
  locked: boolean;
  pinned: boolean;
  accepted_post_id: number | null;
  reply_count: number;
  view_count: number;
  visibility: Visibility;
  tags: string[] | null;
  case_author_id: string | null;
  case_anonymous: boolean | null;
  case_status: string | null;
};

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** A case's discussion is seen by whoever may see the case; its anonymous author is never named to others. */
function caseTopicVisible(viewer: Actor, row: { case_author_id: string | null; case_status: string | null }) {
  if (row.case_status === null) return true;
  return viewer !== null && (row.case_status === "published" || row.case_author_id === viewer.id || viewer.role === "lead" || viewer.role === "admin");
}

const caseOf = (row: { case_author_id: string | null; case_anonymous: boolean | null }) => ({ authorId: row.case_author_id, anonymous: row.case_anonymous });

function topicView(row: TopicRow, publicUrl: string, viewer: Actor = null): TopicView {
  return {
    id: String(row.id),
    title: row.title,
    body: row.body,
    bodyHtml: row.body_html,
    categoryId: row.category_id,
    tags: row.tags ?? [],
    language: row.language,
    author: hidesPersonInCase(viewer, caseOf(row), row.author_id) ? null : author(row.author_id, row.author_name, row.author_handle, row.author_erased),
    createdAt: iso(row.created_at)!,
    editedAt: iso(row.edited_at),
    locked: row.locked,
    pinned: row.pinned,
    acceptedPostId: row.accepted_post_id === null ? null : String(row.accepted_post_id),
    replyCount: row.reply_count,
    viewCount: row.view_count,
    visibility: row.visibility,
    url: publicUrl + topicPath(row.id),
  };
}

const topicColumns = sql`t.id, t.title, t.body, t.body_html, t.category_id, t.language, t.author_id,
    u.name as author_name, u.handle as author_handle, (u.erased_at is not null) as author_erased,
    t.created_at, t.edited_at, t.locked, t.pinned, t.accepted_post_id, t.reply_count, t.view_count, t.visibility,
    (select array_agg(tt.tag_slug order by tt.tag_slug) from topic_tags tt where tt.topic_id = t.id) as tags,
    c.author_id as case_author_id, c.anonymous as case_anonymous, c.status as case_status`;
const topicFrom = sql`from topics t join users u on u.id = t.author_id left join cases c on c.topic_id = t.id`;
const topicSelect = sql`select ${topicColumns} ${topicFrom}`;

/** What a reader's page shows of their own relation to the topic, in the topic's statement (no round trip more). */
const readerColumns = (viewerId: string) => sql`,
    (select r.last_read_post_id from topic_reads r where r.user_id = ${viewerId} and r.topic_id = t.id) as last_read,
    (select min(p.id) from posts p where p.topic_id = t.id and p.visibility = 'visible'
       and p.id > (select r.last_read_post_id from topic_reads r where r.user_id = ${viewerId} and r.topic_id = t.id)) as first_unread,
    (select s.level from subscriptions s where s.user_id = ${viewerId} and s.target_type = 'topic' and s.target_id = t.id::text) as subscription`;

export async function getTopic(db: Queryable, viewer: Actor, topicId: number, publicUrl: string): Promise<TopicView | null> {
  if (!can(viewer, { action: "discussion:read" })) throw new DomainError(401, "auth.signInRequired");
  const [row] = await queryRows<TopicRow>(db, sql`${topicSelect} where t.id = ${topicId}`);
  if (!row || !visibleTo(viewer, row.visibility) || !caseTopicVisible(viewer, row)) return null;
  return topicView(row, publicUrl, viewer);
}

type PostRow = {
  id: number;
  topic_id: number;
  parent_id: number | null;
  depth: number;
  author_id: string;
  author_name: string | null;
  author_handle: string | null;
  author_erased: boolean;
  body: string;
  body_html: string;
  created_at: Date | string;
  edited_at: Date | string | null;
  visibility: Visibility;
  child_count: number;
  helpful_count: number;
  same_here_count: number;
  thanks_count: number;
  reactors: { kind: ReactionKind; name: string; anonymous: boolean }[] | null;
  mine: ReactionKind[] | null;
  case_author_id: string | null;
  case_anonymous: boolean | null;
};

function postView(row: PostRow, viewer: Actor, publicUrl: string): PostView {
  const deleted = row.visibility === "deleted";
  const hidden = row.visibility === "hidden" && !can(viewer, { action: "content:see-hidden" });
  const blank = deleted || hidden;
  const reactors: Record<ReactionKind, string[]> = { helpful: [], "same-here": [], thanks: [] };
  // The anonymous author's own reactions in their case's discussion are not listed by name to others.
  const hideAuthor = hidesPersonInCase(viewer, caseOf(row), row.case_author_id ?? "");
  for (const r of row.reactors ?? []) if (!(r.anonymous && hideAuthor)) reactors[r.kind].push(r.name);
  return {
    id: String(row.id),
    topicId: String(row.topic_id),
    parentId: row.parent_id === null ? null : String(row.parent_id),
    depth: row.depth,
    author: blank || hidesPersonInCase(viewer, caseOf(row), row.author_id) ? null : author(row.author_id, row.author_name, row.author_handle, row.author_erased),
    body: blank ? "" : row.body,
    bodyHtml: blank ? "" : row.body_html,
    createdAt: iso(row.created_at)!,
    editedAt: blank ? null : iso(row.edited_at),
    deleted,
    hidden: row.visibility === "hidden",
    childCount: row.child_count,
    reactions: { helpful: row.helpful_count, "same-here": row.same_here_count, thanks: row.thanks_count },
    reactors: blank ? { helpful: [], "same-here": [], thanks: [] } : reactors,
    myReactions: row.mine ?? [],
    url: publicUrl + postPath(row.topic_id, row.id),
  };
}

const postSelect = (viewerId: string, extraColumns = sql``) => sql`select p.id, p.topic_id, p.parent_id, p.depth, p.author_id,
    u.name as author_name, u.handle as author_handle, (u.erased_at is not null) as author_erased,
    p.body, p.body_html, p.created_at, p.edited_at, p.visibility, p.child_count,
    p.helpful_count, p.same_here_count, p.thanks_count,
    (select json_agg(json_build_object('kind', r.kind, 'name', ru.name, 'anonymous', coalesce(c.anonymous and r.user_id = c.author_id, false)) order by r.created_at)
       from (select * from reactions r0 where r0.post_id = p.id order by r0.created_at limit 30) r
       join users ru on ru.id = r.user_id) as reactors,
    (select array_agg(r.kind) from reactions r where r.post_id = p.id and r.user_id = ${viewerId}) as mine,
    c.author_id as case_author_id, c.anonymous as case_anonymous${extraColumns}
  from posts p join users u on u.id = p.author_id left join cases c on c.topic_id = p.topic_id`;

export type TopicPage = {
  topic: TopicView;
  posts: PostView[];
  nextCursor: string | null;
  firstUnreadPostId: string | null;
  /** How the reader follows the topic. */
  subscription: "watching" | "muted" | null;
};

/**
 * A topic with one page of its reply tree: first-level replies in order, each with its branch down to
 * `inlineDepth`. Always the same few queries, whatever the size of the thread.
 */
export async function getTopicPage(
  services: Pick<Services, "db" | "config">,
  viewer: AuthUser,
  topicId: number,
  options: { cursor?: string | null; limit?: number; maxDepth?: number } = {},
): Promise<TopicPage | null> {
  const { db } = services;
  if (!can(viewer, { action: "discussion:read" })) throw new DomainError(401, "auth.signInRequired");
  const limit = Math.min(Math.max(options.limit ?? rootsPerPage, 1), 100);
  const after = options.cursor ? Number(options.cursor) : 0;
  if (!Number.isSafeInteger(after) || after < 0) throw new DomainError(400, "problem.badRequest");
  // Two statements, sent together: the topic with the reader's marks, and the page of replies (with how many
  // first-level replies follow, which says whether there is a next page).
  const [[topicRow], rows] = await Promise.all([
    queryRows<TopicRow & { last_read: number | null; first_unread: number | null; subscription: "watching" | "muted" | null }>(
      db,
      sql`select ${topicColumns}${readerColumns(viewer.id)} ${topicFrom} where t.id = ${topicId}`,
    ),
    queryRows<PostRow & { page_roots: number }>(
      db,
      sql`with page_roots as (
          select id from posts where topic_id = ${topicId} and parent_id is null and id > ${after} order by id limit ${limit + 1}
        )
        ${postSelect(viewer.id, sql`, (select count(*)::int from page_roots) as page_roots`)}
        where p.topic_id = ${topicId} and p.root_id in (select id from page_roots order by id limit ${limit}) and p.depth <= ${options.maxDepth ?? inlineDepth}
        order by p.path
        limit ${maxPostsPerPage}`,
    ),
  ]);
  if (!topicRow || !visibleTo(viewer, topicRow.visibility) || !caseTopicVisible(viewer, topicRow)) return null;
  const topic = topicView(topicRow, services.config.publicUrl, viewer);
  const views = rows.map((r) => postView(r, viewer, services.config.publicUrl));
  const roots = views.filter((p) => p.parentId === null);
  const nextCursor = (rows[0]?.page_roots ?? 0) > limit && roots.length ? roots[roots.length - 1].id : null;
  const firstUnreadPostId = topicRow.last_read === null || topicRow.first_unread === null ? null : String(topicRow.first_unread);
  return { topic, posts: views, nextCursor, firstUnreadPostId, subscription: topicRow.subscription };
}

/** A branch below one post ("continue this thread"), down to `inlineDepth` levels under it. */
export async function getThread(services: Pick<Services, "db" | "config">, viewer: AuthUser, postId: number) {
  const [anchor] = await services.db.select({ topicId: posts.topicId, depth: posts.depth, path: posts.path, rootId: posts.rootId }).from(posts).where(eq(posts.id, postId));
  if (!anchor) return null;
  const topic = await getTopic(services.db, viewer, anchor.topicId, services.config.publicUrl);
  if (!topic) return null;
  const rows = await queryRows<PostRow>(
    services.db,
    sql`${postSelect(viewer.id)}
      where p.topic_id = ${anchor.topicId} and p.root_id = ${anchor.rootId} and p.path[1:${anchor.path.length}] = ${sql.raw(`ARRAY[${anchor.path.map(Number).join(",")}]::bigint[]`)}
        and p.depth <= ${anchor.depth + inlineDepth}
      order by p.path limit ${maxPostsPerPage}`,
  );
  const ancestors = anchor.path.slice(0, -1);
  return { topic, anchorDepth: anchor.depth, ancestors: ancestors.map(String), posts: rows.map((r) => postView(r, viewer, services.config.publicUrl)) };
}

/** Where a post sits: the page cursor that shows it, or the thread page when it is deeper than the inline levels. */
export async function locatePost(db: Queryable, viewer: Actor, postId: number) {
  const [p] = await db.select({ topicId: posts.topicId, rootId: posts.rootId, depth: posts.depth, path: posts.path }).from(posts).where(eq(posts.id, postId));
  if (!p) return null;
  await requireVisibleTopic(db, viewer, p.topicId);
  const [before] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from posts where topic_id = ${p.topicId} and parent_id is null and id < ${p.rootId}`);
  const pageIndex = Math.floor(before.n / rootsPerPage);
  const [cursorRow] = pageIndex === 0 ? [{ id: null as number | null }] : await queryRows<{ id: number }>(
    db,
    sql`select id from posts where topic_id = ${p.topicId} and parent_id is null order by id offset ${pageIndex * rootsPerPage - 1} limit 1`,
  );
  const threadAnchor = p.depth > inlineDepth ? p.path[p.depth - inlineDepth] : null;
  return { topicId: p.topicId, cursor: cursorRow?.id ? String(cursorRow.id) : null, threadAnchor: threadAnchor === null ? null : String(threadAnchor) };
}

/** Replies to a topic or to one of its posts; from a keyed form, posting it twice creates one reply. */
export async function createReply(
  services: Pick<Services, "db" | "realtime" | "config" | "jobs" | "log">,
  actor: AuthUser,
  topicId: number,
  input: { body: string; parentId?: number | null },
  options: FormKeyOption = {},
): Promise<PostView> {
  if (!can(actor, { action: "post:reply" })) throw new DomainError(403, "auth.forbidden");
  const { pushes, postId } = await services.db.transaction(async (tx) => {
    const claim = await claimFormSubmission<{ postId: number }>(tx, {
      userId: actor.id,
      formKey: options.formKey,
      kind: "reply",
      sent: { topicId, body: input.body, parentId: input.parentId ?? null },
    });
    if (claim.replay) return { pushes: [], postId: claim.replay.postId };
    const topic = await requireVisibleTopic(tx, actor, topicId);
    if (topic.visibility !== "visible") throw notFound();
    const [locked] = await tx.select({ locked: topics.locked }).from(topics).where(eq(topics.id, topicId)).for("update");
    if (locked.locked) throw new DomainError(409, "discussions.topicLocked");
    let parent: { id: number; path: number[]; rootId: number; depth: number; authorId: string } | undefined;
    if (input.parentId) {
      const [row] = await tx
        .select({ id: posts.id, path: posts.path, rootId: posts.rootId, depth: posts.depth, authorId: posts.authorId, topicId: posts.topicId, visibility: posts.visibility })
        .from(posts)
        .where(eq(posts.id, input.parentId));
      if (!row || row.topicId !== topicId || (row.visibility === "hidden" && !can(actor, { action: "content:see-hidden" }))) {
        throw new DomainError(422, "problem.unprocessable", { fieldErrors: { parentId: ["discussions.parentUnknown"] } });
      }
      if (row.visibility === "deleted") throw new DomainError(409, "discussions.parentDeleted");
      parent = row;
    }
    const rendered = await render(tx, input.body);
    const [{ id }] = await queryRows<{ id: string }>(tx, sql`select nextval(pg_get_serial_sequence('posts', 'id'))::text as id`);
    const postId = Number(id);
    const now = new Date();
    await tx.insert(posts).values({
      id: postId,
      topicId,
      parentId: parent?.id ?? null,
      rootId: parent?.rootId ?? postId,
      path: [...(parent?.path ?? []), postId],
      depth: parent ? parent.depth + 1 : 0,
      authorId: actor.id,
      body: input.body,
      bodyHtml: rendered.html,
      bodyText: rendered.text,
      language: topic.language,
      createdAt: now,
    });
    if (parent) await tx.update(posts).set({ childCount: sql`${posts.childCount} + 1` }).where(eq(posts.id, parent.id));
    await tx
      .update(topics)
      .set({ replyCount: sql`${topics.replyCount} + 1`, lastPostId: postId, lastPostedAt: now })
      .where(eq(topics.id, topicId));
    await tx
      .insert(subscriptions)
      .values({ userId: actor.id, targetType: "topic", targetId: String(topicId), level: "watching" })
      .onConflictDoNothing();
    await tx
      .insert(topicReads)
      .values({ userId: actor.id, topicId, lastReadPostId: postId })
      .onConflictDoUpdate({ target: [topicReads.userId, topicReads.topicId], set: { lastReadPostId: sql`greatest(${topicReads.lastReadPostId}, ${postId})`, lastVisitAt: now } });
    const pushes = await notifyNewPost(tx, {
      topicId,
      postId,
      actorId: actor.id,
      topicAuthorId: topic.authorId,
      parentAuthorId: parent?.authorId ?? null,
      mentionedIds: rendered.mentionedIds,
    });
    await claim.record({ postId });
    return { pushes, postId };
  });
  await deliver(services, pushes);
  const post = await getPost(services, actor, postId);
  if (!post) throw notFound();
  return post;
}

export async function getPost(services: Pick<Services, "db" | "config">, viewer: Actor, postId: number): Promise<PostView | null> {
  const [row] = await queryRows<PostRow>(services.db, sql`${postSelect(viewer?.id ?? "")} where p.id = ${postId}`);
  if (!row) return null;
  const topic = await getTopic(services.db, viewer, row.topic_id, services.config.publicUrl);
  if (!topic) return null;
  return postView(row, viewer, services.config.publicUrl);
}

async function requireEditablePost(db: Queryable, actor: AuthUser, postId: number, action: "post:edit" | "post:delete") {
  const [row] = await db.select().from(posts).where(eq(posts.id, postId));
  if (!row) throw notFound();
  await requireVisibleTopic(db, actor, row.topicId);
  if (row.visibility === "deleted" || (row.visibility === "hidden" && !can(actor, { action: "content:see-hidden" }))) throw notFound();
  if (!can(actor, { action, authorId: row.authorId })) throw new DomainError(403, "auth.forbidden");
  return row;
}

/** Edits keep the earlier version whole in the revision history; newly mentioned people are notified. */
export async function editPost(services: Pick<Services, "db" | "realtime" | "config" | "jobs" | "log">, actor: AuthUser, postId: number, body: string) {
  const pushes = await services.db.transaction(async (tx) => {
    const row = await requireEditablePost(tx, actor, postId, "post:edit");
    if (row.body === body) return [];
    const before = await render(tx, row.body);
    const rendered = await render(tx, body);
    await tx.insert(revisions).values({ targetType: "post", targetId: postId, body: row.body, editorId: actor.id, createdAt: row.editedAt ?? row.createdAt });
    await tx.update(posts).set({ body, bodyHtml: rendered.html, bodyText: rendered.text, editedAt: new Date() }).where(eq(posts.id, postId));
    const newlyMentioned = rendered.mentionedIds.filter((id) => !before.mentionedIds.includes(id));
    return notifyNewPost(tx, { topicId: row.topicId, postId, actorId: actor.id, topicAuthorId: null, parentAuthorId: null, mentionedIds: newlyMentioned });
  });
  await deliver(services, pushes);
  return (await getPost(services, actor, postId))!;
}

/** Soft delete: the post leaves a placeholder so the replies under it keep their place. */
export async function deletePost(services: Pick<Services, "db">, actor: AuthUser, postId: number) {
  await services.db.transaction(async (tx) => {
    const row = await requireEditablePost(tx, actor, postId, "post:delete");
    await tx.update(posts).set({ visibility: "deleted", deletedAt: new Date() }).where(eq(posts.id, postId));
    await tx.update(topics).set({ acceptedPostId: null }).where(and(eq(topics.id, row.topicId), eq(topics.acceptedPostId, postId)));
  });
}

type Editor = AuthorView;

/**
 * The stored earlier versions of a topic or a post, oldest first. A row keeps a replaced version with who replaced
 * it; that version itself was written by the author (the first) or by whoever made the edit before. Every name
 * goes through `author()`, the one way a person is shown in discussions.
 */
/** `hidden(id)`: whether this person's name stays hidden from the viewer (the anonymous author of a case). */
async function revisionHistory(db: Queryable, targetType: "topic" | "post", targetId: number, authorId: string, hidden: (id: string) => boolean) {
  const rows = await db
    .select({
      id: revisions.id,
      title: revisions.title,
      body: revisions.body,
      createdAt: revisions.createdAt,
      editorId: users.id,
      editorName: users.name,
      editorHandle: users.handle,
      editorErasedAt: users.erasedAt,
    })
    .from(revisions)
    .innerJoin(users, eq(users.id, revisions.editorId))
    .where(and(eq(revisions.targetType, targetType), eq(revisions.targetId, targetId)))
    .orderBy(revisions.id);
  const [authorRow] = await db.select({ id: users.id, name: users.name, handle: users.handle, erasedAt: users.erasedAt }).from(users).where(eq(users.id, authorId));
  const original: Editor = authorRow && !hidden(authorRow.id) ? author(authorRow.id, authorRow.name, authorRow.handle, authorRow.erasedAt !== null) : null;
  const editors: Editor[] = rows.map((r) => (hidden(r.editorId) ? null : author(r.editorId, r.editorName, r.editorHandle, r.editorErasedAt !== null)));
  return {
    /** Who wrote the first version. */
    author: original,
    /** Who wrote the text shown now. */
    currentEditor: editors.at(-1) ?? original,
    items: rows.map((r, i) => ({
      id: String(r.id),
      title: r.title,
      body: r.body,
      editor: i === 0 ? original : editors[i - 1],
      createdAt: r.createdAt.toISOString(),
    })),
  };
}

/** Each earlier version whole, oldest first, then the current one is the post itself. */
export async function listRevisions(services: Pick<Services, "db" | "config">, viewer: AuthUser, postId: number) {
  const post = await getPost(services, viewer, postId);
  if (!post || post.deleted || (post.hidden && !can(viewer, { action: "content:see-hidden" }))) return null;
  const [row] = await services.db.select({ authorId: posts.authorId }).from(posts).where(eq(posts.id, postId));
  // In an anonymous case's discussion, its author's edits are not signed to others either.
  const kase = await caseTopicAccess(services.db, viewer, Number(post.topicId));
  const { currentEditor, items } = await revisionHistory(services.db, "post", postId, row.authorId, (id) => hidesPersonInCase(viewer, kase, id));
  return { post, currentEditor, items: items.map(({ id, body, editor, createdAt }) => ({ id, body, editor, createdAt })) };
}

/**
 * A topic's earlier titles and texts, oldest first; the current one is the topic itself. Throws 404 where the topic
 * is (hidden to all but leads and admins, deleted to everyone).
 */
export async function listTopicRevisions(services: Pick<Services, "db">, viewer: AuthUser, topicId: number) {
  const topic = await requireVisibleTopic(services.db, viewer, topicId);
  const kase = topic.kind === "case" ? await caseTopicAccess(services.db, viewer, topicId) : null;
  const { author, currentEditor, items } = await revisionHistory(services.db, "topic", topicId, topic.authorId, (id) => hidesPersonInCase(viewer, kase, id));
  return {
    topic: { id: String(topic.id), title: topic.title, body: topic.body, language: topic.language, createdAt: topic.createdAt, editedAt: topic.editedAt },
    author,
    currentEditor,
    // Every topic revision keeps its title; a row without one (never written so) reads as the title unchanged.
    items: items.map(({ id, title, body, editor, createdAt }) => ({ id, title: title ?? topic.title, body, editor, createdAt })),
  };
}

const reactionColumn = { helpful: posts.helpfulCount, "same-here": posts.sameHereCount, thanks: posts.thanksCount } as const;

/** Idempotent: adding twice or removing twice changes nothing the second time. */
export async function setReaction(services: Pick<Services, "db" | "config">, actor: AuthUser, postId: number, kind: ReactionKind, on: boolean) {
  await services.db.transaction(async (tx) => {
    const [row] = await tx.select({ topicId: posts.topicId, visibility: posts.visibility }).from(posts).where(eq(posts.id, postId));
    if (!row || row.visibility !== "visible") throw notFound();
    await requireVisibleTopic(tx, actor, row.topicId);
    const column = reactionColumn[kind];
    if (on) {
      const added = await tx.insert(reactions).values({ postId, userId: actor.id, kind }).onConflictDoNothing().returning({ postId: reactions.postId });
      if (added.length) await tx.update(posts).set({ [columnKey(kind)]: sql`${column} + 1` }).where(eq(posts.id, postId));
    } else {
      const removed = await tx
        .delete(reactions)
        .where(and(eq(reactions.postId, postId), eq(reactions.userId, actor.id), eq(reactions.kind, kind)))
        .returning({ postId: reactions.postId });
      if (removed.length) await tx.update(posts).set({ [columnKey(kind)]: sql`greatest(${column} - 1, 0)` }).where(eq(posts.id, postId));
    }
  });
  return (await getPost(services, actor, postId))!;
}

const columnKey = (kind: ReactionKind) => (kind === "helpful" ? "helpfulCount" : kind === "same-here" ? "sameHereCount" : "thanksCount");

/** The asker or a lead marks the reply that solved it (or clears it with null). */
export async function acceptAnswer(services: Pick<Services, "db" | "realtime" | "config" | "jobs" | "log">, actor: AuthUser, topicId: number, postId: number | null) {
  const pushes = await services.db.transaction(async (tx) => {
    const topic = await requireVisibleTopic(tx, actor, topicId);
    if (!can(actor, { action: "topic:accept", topicAuthorId: topic.authorId })) throw new DomainError(403, "auth.forbidden");
    // A case has "approaches that helped" instead of one accepted answer.
    if (topic.kind === "case") throw new DomainError(409, "cases.error.caseTopic");
    if (postId === null) {
      await tx.update(topics).set({ acceptedPostId: null }).where(eq(topics.id, topicId));
      return [];
    }
    const [post] = await tx.select({ topicId: posts.topicId, visibility: posts.visibility, authorId: posts.authorId }).from(posts).where(eq(posts.id, postId));
    if (!post || post.topicId !== topicId || post.visibility !== "visible") {
      throw new DomainError(422, "problem.unprocessable", { fieldErrors: { postId: ["discussions.acceptNotInTopic"] } });
    }
    await tx.update(topics).set({ acceptedPostId: postId }).where(eq(topics.id, topicId));
    if (topic.acceptedPostId === postId) return [];
    return notifyAccepted(tx, { topicId, postId, actorId: actor.id, postAuthorId: post.authorId });
  });
  await deliver(services, pushes);
  return (await getTopic(services.db, actor, topicId, services.config.publicUrl))!;
}

export async function setTopicSubscription(db: Database, actor: AuthUser, topicId: number, level: "watching" | "muted" | null) {
  await requireVisibleTopic(db, actor, topicId);
  await setSubscription(db, actor.id, "topic", String(topicId), level);
}

export async function setSubscription(db: Queryable, userId: string, targetType: "topic" | "category" | "tag", targetId: string, level: "watching" | "muted" | null) {
  if (level === null) {
    await db.delete(subscriptions).where(and(eq(subscriptions.userId, userId), eq(subscriptions.targetType, targetType), eq(subscriptions.targetId, targetId)));
    return;
  }
  await db
    .insert(subscriptions)
    .values({ userId, targetType, targetId, level })
    .onConflictDoUpdate({ target: [subscriptions.userId, subscriptions.targetType, subscriptions.targetId], set: { level } });
}

export async function subscriptionLevel(db: Queryable, userId: string, targetType: "topic" | "category" | "tag", targetId: string) {
  const [row] = await db
    .select({ level: subscriptions.level })
    .from(subscriptions)
    .where(and(eq(subscriptions.userId, userId), eq(subscriptions.targetType, targetType), eq(subscriptions.targetId, targetId)));
  return row?.level ?? null;
}

export type TopicListItem = {
  id: string;
  title: string;
  excerpt: string;
  categoryId: string;
  tags: string[];
  language: ContentLanguage;
  author: AuthorView;
  createdAt: string;
  lastPostedAt: string;
  replyCount: number;
  viewCount: number;
  pinned: boolean;
  locked: boolean;
  answered: boolean;
  unread: boolean;
  url: string;
};

/** Lists topics with filters (tags combine with AND) and keyset pagination; pinned ones lead within a category. */
export async function listTopics(
  services: Pick<Services, "db" | "config">,
  viewer: AuthUser,
  query: TopicListQuery,
): Promise<{ items: TopicListItem[]; nextCursor: string | null }> {
  const conditions: SQL[] = [sql`t.visibility = 'visible'`, sql`t.kind = 'discussion'`];
  if (query.category) conditions.push(sql`t.category_id = ${query.category}`);
  if (query.language) conditions.push(sql`t.language = ${query.language}`);
  for (const tag of query.tag) conditions.push(sql`exists (select 1 from topic_tags tt where tt.topic_id = t.id and tt.tag_slug = ${tag})`);
  if (query.sort === "unanswered") conditions.push(sql`t.reply_count = 0`);
  const sortColumn = query.sort === "active" ? sql`t.last_posted_at` : sql`t.created_at`;
  // Within a category pinned topics lead, so the cursor carries the pinned flag too.
  const pinnedFirst = Boolean(query.category);
  if (query.cursor) {
    const [pinned, at, id] = decodeListCursor(query.cursor);
    conditions.push(
      pinnedFirst
        ? sql`(t.pinned::int, ${sortColumn}, t.id) < (${pinned}::int, ${at}::timestamptz, ${id}::bigint)`
        : sql`(${sortColumn}, t.id) < (${at}::timestamptz, ${id}::bigint)`,
    );
  }
  const rows = await queryRows<{
    id: number;
    title: string;
    body_text: string;
    category_id: string;
    language: ContentLanguage;
    author_id: string;
    author_name: string;
    author_handle: string;
    author_erased: boolean;
    created_at: string | Date;
    last_posted_at: string | Date;
    sort_key: string;
    unread: boolean;
    reply_count: number;
    view_count: number;
    pinned: boolean;
    locked: boolean;
    accepted_post_id: number | null;
    last_post_id: number | null;
    last_read: number | null;
    tags: string[] | null;
  }>(
    services.db,
    sql`select t.id, t.title, left(t.body_text, 240) as body_text, t.category_id, t.language, t.author_id,
        u.name as author_name, u.handle as author_handle, (u.erased_at is not null) as author_erased,
        t.created_at, t.last_posted_at, ${sortColumn}::text as sort_key, t.reply_count, t.view_count, t.pinned, t.locked,
        t.accepted_post_id, t.last_post_id, r.last_read_post_id as last_read,
        (r.last_read_post_id is null or coalesce(t.last_post_id, 0) > r.last_read_post_id) as unread,
        (select array_agg(tt.tag_slug order by tt.tag_slug) from topic_tags tt where tt.topic_id = t.id) as tags
      from topics t
      join users u on u.id = t.author_id
      left join topic_reads r on r.topic_id = t.id and r.user_id = ${viewer.id}
      where ${sql.join(conditions, sql` and `)}
      order by ${pinnedFirst ? sql`t.pinned desc,` : sql``} ${sortColumn} desc, t.id desc
      limit ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: String(r.id),
      title: r.title,
      excerpt: r.body_text.length > 200 ? `${r.body_text.slice(0, 200)}…` : r.body_text,
      categoryId: r.category_id,
      tags: r.tags ?? [],
      language: r.language,
      author: author(r.author_id, r.author_name, r.author_handle, r.author_erased),
      createdAt: iso(r.created_at)!,
      lastPostedAt: iso(r.last_posted_at)!,
      replyCount: r.reply_count,
      viewCount: r.view_count,
      pinned: r.pinned,
      locked: r.locked,
      answered: r.accepted_post_id !== null,
      unread: r.unread,
      url: services.config.publicUrl + topicPath(r.id),
    })),
    nextCursor:
      rows.length > query.limit && last ? Buffer.from(JSON.stringify([last.pinned ? 1 : 0, last.sort_key, String(last.id)])).toString("base64url") : null,
  };
}

/** [pinned, the sort column's exact text (microseconds kept), id] */
function decodeListCursor(cursor: string): [number, string, string] {
  const decoded = decodeTopicListCursor(cursor);
  if (!decoded) throw badCursor();
  return decoded;
}

/** Lock, unlock, pin or unpin, recorded in the moderation log with who and why. */
export async function moderateTopic(
  services: Pick<Services, "db" | "config">,
  actor: AuthUser,
  topicId: number,
  action: (typeof topicModerationActions)[number],
  reason: string,
) {
  if (!can(actor, { action: "topic:moderate" })) throw new DomainError(403, "auth.forbidden");
  const { recordModerationAction } = await import("../moderation/log.server");
  return services.db.transaction(async (tx) => {
    const [topic] = await tx.select({ id: topics.id }).from(topics).where(and(eq(topics.id, topicId), or(eq(topics.visibility, "visible"), eq(topics.visibility, "hidden")))).for("update");
    if (!topic) throw notFound();
    const set = action === "lock" ? { locked: true } : action === "unlock" ? { locked: false } : action === "pin" ? { pinned: true } : { pinned: false };
    await tx.update(topics).set(set).where(eq(topics.id, topicId));
    return recordModerationAction(tx, { actorId: actor.id, targetType: "topic", targetId: String(topicId), action, reason });
  });
}


/** The author or a lead edits a topic; the earlier title and text are kept whole in its revision history. */
export async function editTopic(
  services: Pick<Services, "db" | "realtime" | "config" | "jobs" | "log">,
  actor: AuthUser,
  topicId: number,
  patch: { title?: string; body?: string; tags?: string[]; categoryId?: string },
) {
  const pushes = await services.db.transaction(async (tx) => {
    const topic = await requireVisibleTopic(tx, actor, topicId);
    if (!can(actor, { action: "post:edit", authorId: topic.authorId })) throw new DomainError(403, "auth.forbidden");
    if (topic.kind === "case") throw new DomainError(409, "cases.error.caseTopic");
    if (patch.categoryId) await assertCategoryExists(tx, patch.categoryId);
    if (patch.tags) await assertTagsExist(tx, patch.tags);
    const set: Partial<typeof topics.$inferInsert> = {};
    let pushes: PendingPush[] = [];
    if ((patch.body !== undefined && patch.body !== topic.body) || (patch.title !== undefined && patch.title !== topic.title)) {
      await tx.insert(revisions).values({ targetType: "topic", targetId: topicId, title: topic.title, body: topic.body, editorId: actor.id, createdAt: topic.editedAt ?? topic.createdAt });
      set.editedAt = new Date();
      if (patch.title !== undefined) set.title = patch.title;
      if (patch.body !== undefined) {
        const before = await render(tx, topic.body);
        const rendered = await render(tx, patch.body);
        Object.assign(set, { body: patch.body, bodyHtml: rendered.html, bodyText: rendered.text });
        const newly = rendered.mentionedIds.filter((id) => !before.mentionedIds.includes(id));
        pushes = await notifyNewTopic(tx, { topicId, actorId: actor.id, mentionedIds: newly, categoryId: topic.categoryId, tags: [] });
      }
    }
    if (patch.categoryId) set.categoryId = patch.categoryId;
    if (Object.keys(set).length) await tx.update(topics).set(set).where(eq(topics.id, topicId));
    if (patch.tags) {
      await tx.delete(topicTags).where(eq(topicTags.topicId, topicId));
      if (patch.tags.length) await tx.insert(topicTags).values(patch.tags.map((tagSlug) => ({ topicId, tagSlug })));
    }
    return pushes;
  });
  await deliver(services, pushes);
  return (await getTopic(services.db, actor, topicId, services.config.publicUrl))!;
}
