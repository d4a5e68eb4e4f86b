import { sql, type SQL } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { users } from "./accounts";

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** Languages content is written in; each has its own accent-blind text search configuration. */
export const contentLanguages = ["fr", "en", "es", "ro", "nl"] as const;
export type ContentLanguage = (typeof contentLanguages)[number];
export const visibilities = ["visible", "hidden", "deleted"] as const;
export type Visibility = (typeof visibilities)[number];
export const reactionKinds = ["helpful", "same-here", "thanks"] as const;
export type ReactionKind = (typeof reactionKinds)[number];

/** The stemmed vector in the document's language, title weighted above body (dc_ts_config: migration 0003). */
const stemmed = (title: SQL | null, body: SQL) =>
  title
    ? sql`setweight(to_tsvector(dc_ts_config(language), ${title}), 'A') || setweight(to_tsvector(dc_ts_config(language), ${body}), 'B')`
    : sql`to_tsvector(dc_ts_config(language), ${body})`;
/** Unstemmed and unaccented, for prefix matches where the stemmer misses (conflit / conflits). */
const plain = (text: SQL) => sql`to_tsvector('dc_simple'::regconfig, ${text})`;

export const categories = pgTable(
  "categories",
  {
    id: text("id").primaryKey(),
    position: integer("position").notNull().default(0),
    nameFr: text("name_fr").notNull(),
    nameEn: text("name_en").notNull(),
    descriptionFr: text("description_fr").notNull().default(""),
    descriptionEn: text("description_en").notNull().default(""),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [check("categories_id_slug", sql`${t.id} ~ '^[a-z0-9][a-z0-9-]{1,48}[a-z0-9]$'`)],
);

/** One taxonomy for discussions and case studies; labels per language ({fr, en, es, ro, nl}). */
export const tags = pgTable(
  "tags",
  {
    slug: text("slug").primaryKey(),
    group: text("group").notNull(),
    labels: jsonb("labels").$type<Partial<Record<ContentLanguage, string>> & { fr: string; en: string }>().notNull(),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [
    check("tags_slug_format", sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]{0,48}[a-z0-9]$'`),
    index("tags_group_idx").on(t.group),
  ],
);

export const topics = pgTable(
  "topics",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    categoryId: text("category_id")
      .notNull()
      .references(() => categories.id),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    /** "discussion", or "case" for a case study's own discussion. */
    kind: text("kind").notNull().default("discussion"),
    title: text("title").notNull(),
    body: text("body").notNull(),
    bodyHtml: text("body_html").notNull(),
    bodyText: text("body_text").notNull(),
    language: text("language").$type<ContentLanguage>().notNull(),
    locked: boolean("locked").notNull().default(false),
    pinned: boolean("pinned").notNull().default(false),
    acceptedPostId: bigint("accepted_post_id", { mode: "number" }),
    visibility: text("visibility").$type<Visibility>().notNull().default("visible"),
    replyCount: integer("reply_count").notNull().default(0),
    viewCount: integer("view_count").notNull().default(0),
    lastPostId: bigint("last_post_id", { mode: "number" }),
    lastPostedAt: timestamptz("last_posted_at").notNull().defaultNow(),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    editedAt: timestamptz("edited_at"),
    search: tsvector("search").generatedAlwaysAs(() => stemmed(sql`title`, sql`body_text`)),
    searchPlain: tsvector("search_plain").generatedAlwaysAs(() => plain(sql`title || ' ' || body_text`)),
  },
  (t) => [
    index("topics_active_idx").on(t.lastPostedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("topics_latest_idx").on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("topics_category_active_idx").on(t.categoryId, t.pinned.desc().nullsFirst(), t.lastPostedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("topics_category_latest_idx").on(t.categoryId, t.pinned.desc().nullsFirst(), t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("topics_unanswered_idx").on(t.createdAt.desc().nullsFirst()).where(sql`${t.replyCount} = 0`),
    index("topics_author_idx").on(t.authorId),
    index("topics_language_idx").on(t.language),
    index("topics_search_idx").using("gin", t.search),
    index("topics_search_plain_idx").using("gin", t.searchPlain),
    // Search walks the newest searchable topics (search.server.ts, boundedCandidates).
    index("topics_searchable_recent_idx").on(t.id).where(sql`${t.kind} = 'discussion' and ${t.visibility} = 'visible'`),
    check("topics_title_length", sql`char_length(${t.title}) between 3 and 200`),
    check("topics_language_valid", sql`${t.language} in ('fr', 'en', 'es', 'ro', 'nl')`),
    check("topics_visibility_valid", sql`${t.visibility} in ('visible', 'hidden', 'deleted')`),
    check("topics_kind_valid", sql`${t.kind} in ('discussion', 'case')`),
  ],
);

export const topicTags = pgTable(
  "topic_tags",
  {
    topicId: bigint("topic_id", { mode: "number" })
      .notNull()
      .references(() => topics.id, { onDelete: "cascade" }),
    tagSlug: text("tag_slug")
      .notNull()
      .references(() => tags.slug, { onDelete: "cascade", onUpdate: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.topicId, t.tagSlug] }), index("topic_tags_tag_idx").on(t.tagSlug, t.topicId)],
);

/**
 * Replies at any depth. `path` is the ids from the first-level reply down to this one, so ordering by it gives the
 * thread in reading order; `rootId` is the first-level reply the branch hangs from (pages are cut by roots).
 */
export const posts = pgTable(
  "posts",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    topicId: bigint("topic_id", { mode: "number" })
      .notNull()
      .references(() => topics.id, { onDelete: "cascade" }),
    parentId: bigint("parent_id", { mode: "number" }).references((): AnyPgColumn => posts.id),
    rootId: bigint("root_id", { mode: "number" }).notNull(),
    path: bigint("path", { mode: "number" }).array().notNull(),
    depth: integer("depth").notNull().default(0),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    bodyHtml: text("body_html").notNull(),
    bodyText: text("body_text").notNull(),
    language: text("language").$type<ContentLanguage>().notNull(),
    visibility: text("visibility").$type<Visibility>().notNull().default("visible"),
    childCount: integer("child_count").notNull().default(0),
    helpfulCount: integer("helpful_count").notNull().default(0),
    sameHereCount: integer("same_here_count").notNull().default(0),
    thanksCount: integer("thanks_count").notNull().default(0),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    editedAt: timestamptz("edited_at"),
    deletedAt: timestamptz("deleted_at"),
    search: tsvector("search").generatedAlwaysAs(() => stemmed(null, sql`body_text`)),
    searchPlain: tsvector("search_plain").generatedAlwaysAs(() => plain(sql`body_text`)),
  },
  (t) => [
    index("posts_thread_idx").on(t.topicId, t.rootId, t.path),
    index("posts_roots_idx").on(t.topicId, t.id).where(sql`${t.parentId} is null`),
    index("posts_parent_idx").on(t.parentId),
    index("posts_author_idx").on(t.authorId, t.createdAt.desc().nullsFirst()),
    index("posts_language_idx").on(t.language, t.id.desc().nullsFirst()),
    index("posts_search_idx").using("gin", t.search),
    index("posts_search_plain_idx").using("gin", t.searchPlain),
    check("posts_visibility_valid", sql`${t.visibility} in ('visible', 'hidden', 'deleted')`),
  ],
);

/** Compared byte by byte, so that a btree range finds the words that start with a prefix (`^@`). */
const byteText = customType<{ data: string }>({ dataType: () => 'text COLLATE "C"' });

/**
 * Every word of every `search_plain` (topics, posts, cases), written by triggers (migration 0018) and never removed:
 * search turns a prefix into the words that start with it, which the GIN indexes find much faster than the prefix
 * (search.server.ts, `exactMatchQuery`).
 */
export const searchWords = pgTable("search_words", {
  word: byteText("word").primaryKey(),
});

/** Each earlier version of a topic's or a post's text, whole. */
export const revisions = pgTable(
  "revisions",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    targetType: text("target_type").$type<"topic" | "post">().notNull(),
    targetId: bigint("target_id", { mode: "number" }).notNull(),
    title: text("title"),
    body: text("body").notNull(),
    editorId: text("editor_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [index("revisions_target_idx").on(t.targetType, t.targetId, t.id)],
);

export const reactions = pgTable(
  "reactions",
  {
    postId: bigint("post_id", { mode: "number" })
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").$type<ReactionKind>().notNull(),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.postId, t.userId, t.kind] }),
    index("reactions_user_idx").on(t.userId, t.kind),
    check("reactions_kind_valid", sql`${t.kind} in ('helpful', 'same-here', 'thanks')`),
  ],
);

/** Following or muting a topic, a category or a tag. */
export const subscriptions = pgTable(
  "subscriptions",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    targetType: text("target_type").$type<"topic" | "category" | "tag">().notNull(),
    targetId: text("target_id").notNull(),
    level: text("level").$type<"watching" | "muted">().notNull(),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.targetType, t.targetId] }),
    index("subscriptions_target_idx").on(t.targetType, t.targetId, t.level),
    check("subscriptions_type_valid", sql`${t.targetType} in ('topic', 'category', 'tag')`),
    check("subscriptions_level_valid", sql`${t.level} in ('watching', 'muted')`),
  ],
);

/** How far a person has read each topic (unread markers, jump to the first unread reply). */
export const topicReads = pgTable(
  "topic_reads",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    topicId: bigint("topic_id", { mode: "number" })
      .notNull()
      .references(() => topics.id, { onDelete: "cascade" }),
    lastReadPostId: bigint("last_read_post_id", { mode: "number" }).notNull().default(0),
    lastVisitAt: timestamptz("last_visit_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.topicId] })],
);

export const notifications = pgTable(
  "notifications",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    topicId: bigint("topic_id", { mode: "number" }).references(() => topics.id, { onDelete: "cascade" }),
    postId: bigint("post_id", { mode: "number" }).references(() => posts.id, { onDelete: "cascade" }),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    readAt: timestamptz("read_at"),
    emailedAt: timestamptz("emailed_at"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.id.desc().nullsFirst()),
    index("notifications_unread_idx").on(t.userId).where(sql`${t.readAt} is null`),
    uniqueIndex("notifications_once_idx").on(t.userId, t.kind, t.postId).where(sql`${t.postId} is not null`),
  ],
);
