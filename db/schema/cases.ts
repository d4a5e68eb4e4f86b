import { sql } from "drizzle-orm";
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
} from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { posts, tags, topics, type ContentLanguage } from "./discussions";

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const caseStatuses = ["in-review", "changes-requested", "published"] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** The structured context of a case; every key optional (lists in app/modules/cases/template.ts). */
export type CaseContext = {
  programme?: string;
  week?: number;
  groupSize?: number;
  learnerProfile?: string;
  notes?: string;
};

/**
 * A case study: structured fields each in its own column, its discussion a topic of kind 'case' (same transaction).
 * `author_id` is never sent to anyone but the author when `anonymous` (see app/modules/cases/anonymity.ts).
 */
export const cases = pgTable(
  "cases",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    topicId: bigint("topic_id", { mode: "number" })
      .notNull()
      .unique("cases_topic_unique")
      .references(() => topics.id, { onDelete: "cascade" }),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    anonymous: boolean("anonymous").notNull().default(false),
    status: text("status").$type<CaseStatus>().notNull(),
    templateVersion: integer("template_version").notNull().default(1),
    title: text("title").notNull(),
    context: jsonb("context").$type<CaseContext>().notNull().default({}),
    /** Copied out of `context` so the facets and filters use plain indexed columns. */
    programme: text("programme"),
    learnerProfile: text("learner_profile"),
    situation: text("situation").notNull(),
    situationHtml: text("situation_html").notNull(),
    actionsTaken: text("actions_taken").notNull().default(""),
    actionsTakenHtml: text("actions_taken_html").notNull().default(""),
    outcome: text("outcome").notNull().default(""),
    outcomeHtml: text("outcome_html").notNull().default(""),
    lessons: text("lessons").notNull().default(""),
    lessonsHtml: text("lessons_html").notNull().default(""),
    questions: text("questions").notNull().default(""),
    questionsHtml: text("questions_html").notNull().default(""),
    /** Plain text of every field above (rendered, tags stripped), for search and snippets. */
    bodyText: text("body_text").notNull().default(""),
    followUp: text("follow_up"),
    followUpHtml: text("follow_up_html"),
    followUpAt: timestamptz("follow_up_at"),
    hasFollowUp: boolean("has_follow_up").generatedAlwaysAs(sql`follow_up is not null`),
    language: text("language").$type<ContentLanguage>().notNull(),
    /** The author's centre's country at write time: the facet needs no join and says no more than the country. */
    centreCountry: text("centre_country").notNull(),
    tagSlugs: text("tag_slugs").array().notNull().default(sql`'{}'::text[]`),
    reviewComment: text("review_comment"),
    reviewedBy: text("reviewed_by").references(() => users.id),
    reviewedAt: timestamptz("reviewed_at"),
    publishedAt: timestamptz("published_at"),
    /** Helped marks + "helpful" reactions on the case's discussion; most-helpful sorts on it. */
    helpfulCount: integer("helpful_count").notNull().default(0),
    replyCount: integer("reply_count").notNull().default(0),
    followUpRemindedAt: timestamptz("follow_up_reminded_at"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
    search: tsvector("search").generatedAlwaysAs(
      () =>
        sql`setweight(to_tsvector(dc_ts_config(language), title), 'A') || setweight(to_tsvector(dc_ts_config(language), body_text), 'B')`,
    ),
    searchPlain: tsvector("search_plain").generatedAlwaysAs(() => sql`to_tsvector('dc_simple'::regconfig, title || ' ' || body_text)`),
  },
  (t) => [
    index("cases_recent_idx").on(t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst()).where(sql`${t.status} = 'published'`),
    index("cases_helpful_idx").on(t.helpfulCount.desc().nullsFirst(), t.id.desc().nullsFirst()).where(sql`${t.status} = 'published'`),
    index("cases_discussed_idx").on(t.replyCount.desc().nullsFirst(), t.id.desc().nullsFirst()).where(sql`${t.status} = 'published'`),
    index("cases_review_idx").on(t.status, t.updatedAt.desc().nullsFirst()).where(sql`${t.status} <> 'published'`),
    index("cases_author_idx").on(t.authorId, t.createdAt.desc().nullsFirst()),
    index("cases_tags_idx").using("gin", t.tagSlugs),
    index("cases_language_idx").on(t.language),
    index("cases_country_idx").on(t.centreCountry),
    index("cases_follow_up_due_idx").on(t.publishedAt).where(sql`${t.status} = 'published' and ${t.followUp} is null and ${t.followUpRemindedAt} is null`),
    index("cases_search_idx").using("gin", t.search),
    index("cases_search_plain_idx").using("gin", t.searchPlain),
    check("cases_status_valid", sql`${t.status} in ('in-review', 'changes-requested', 'published')`),
    check("cases_title_length", sql`char_length(${t.title}) between 3 and 200`),
    check("cases_language_valid", sql`${t.language} in ('fr', 'en', 'es', 'ro', 'nl')`),
    check("cases_country_alpha2", sql`${t.centreCountry} ~ '^[A-Z]{2}$'`),
    check("cases_published_at", sql`${t.status} <> 'published' or ${t.publishedAt} is not null`),
  ],
);

/** Tags of a case with foreign keys, so the taxonomy's rename (cascade) and merge keep them; `cases.tag_slugs` mirrors it. */
export const caseTags = pgTable(
  "case_tags",
  {
    caseId: bigint("case_id", { mode: "number" })
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    tagSlug: text("tag_slug")
      .notNull()
      .references(() => tags.slug, { onDelete: "cascade", onUpdate: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.tagSlug] }), index("case_tags_tag_idx").on(t.tagSlug, t.caseId)],
);

/** Replies the case's author marked as "approaches that helped"; queryable per post author and per tag. */
export const caseHelped = pgTable(
  "case_helped",
  {
    caseId: bigint("case_id", { mode: "number" })
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    postId: bigint("post_id", { mode: "number" })
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.postId] }), index("case_helped_post_idx").on(t.postId)],
);
