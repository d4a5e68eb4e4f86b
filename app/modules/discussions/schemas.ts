import { contentLanguages, reactionKinds, visibilities } from "../../../db/schema/discussions";
import { absoluteUrlSchema, dateTimeSchema, idCursorQuery, idStringSchema, listOf, orNull, pageOf } from "../platform/api-schemas";
import { cursorParam, dateParam, decodeJsonCursor, flagParam, isTimestampKey, limitParam, listParam, numericIdParam, tagSlugParam, textParam } from "../platform/params";
import { bodyText, lineText } from "../platform/validation";
import { z } from "../platform/zod";

// ------------------------------------------------------------------------------------------------ values

export const contentLanguageSchema = z.enum(contentLanguages).openapi("ContentLanguage", { description: "The language a text is written in." });
export const reactionKindSchema = z.enum(reactionKinds).openapi("ReactionKind");

// Titles, names and bodies go through platform/text.ts (lineText, bodyText): NFC, no bidi or control characters in a
// line, and something visible.
export const markdownBody = bodyText({ max: 50_000 }).openapi("Markdown", {
  description:
    "Markdown source, trimmed, in NFC (bidirectional marks kept); text with nothing visible (only spaces, zero-width " +
    "or other invisible characters) → 422. `@handle` mentions of active members become links and notify them.",
});
export const topicTitle = lineText({ min: 3, max: 200 }).openapi("TopicTitle", {
  description: "One line: NFC, bidirectional and control characters removed, spaces trimmed and collapsed; nothing visible → 422.",
});
export const categoryName = lineText({ min: 2, max: 80 });
export const categoryDescription = lineText({ min: 0, max: 500 });
export const tagLabel = lineText({ max: 60 });
/** The labels a tag may lack (Spanish, Romanian, Dutch): empty when absent. */
export const optionalTagLabel = lineText({ min: 0, max: 60 });
const tagList = z
  .union([z.array(z.string()), z.string().transform((s) => s.split(",").filter(Boolean))])
  .pipe(z.array(z.string().trim().toLowerCase().min(1).max(50)).max(8))
  .transform((list) => [...new Set(list)])
  .openapi({
    description:
      "Tag slugs: a list, or one comma-separated string; each trimmed and lower-cased, 1 to 50 characters; at most 8; " +
      "duplicates dropped. Every tag must exist (else 422 on `tags`).",
  });
const categoryRef = z.string().trim().min(1).max(50).openapi("CategoryRef", { description: "A category id; trimmed; must exist (else 422)." });

/** Ids are strings in the API and numbers in the database; a request may send either. */
export const idSchema = z
  .union([z.string().regex(/^[1-9]\d{0,15}$/, "validation.invalid"), z.number().int().min(1).max(Number.MAX_SAFE_INTEGER)])
  .transform(Number)
  .openapi("IdInput", { description: "An id, as a string (as answered) or a number." });

// ------------------------------------------------------------------------------------------------ requests

export const newTopicSchema = z
  .object({
    categoryId: categoryRef,
    title: topicTitle,
    body: markdownBody,
    tags: tagList.default([]),
    language: contentLanguageSchema,
  })
  .strict()
  .openapi("NewTopicRequest");
export type NewTopicInput = z.infer<typeof newTopicSchema>;

export const topicPatchSchema = z
  .object({ title: topicTitle, body: markdownBody, tags: tagList, categoryId: categoryRef })
  .partial()
  .strict()
  .openapi("TopicPatch", { description: "Every field optional; `tags` replaces the whole list." });

export const newPostSchema = z
  .object({
    body: markdownBody,
    parentId: orNull(idSchema).optional().describe("The reply answered, in the same topic; omitted or null for a reply to the topic itself."),
  })
  .strict()
  .openapi("NewPostRequest");
export const postPatchSchema = z.object({ body: markdownBody }).strict().openapi("PostPatch");
export const acceptSchema = z
  .object({ postId: orNull(idSchema).describe("A visible reply of the topic; null clears the accepted answer.") })
  .strict()
  .openapi("AcceptRequest");
/** Why a lead locks, unlocks, pins or unpins a topic (the page asks for one; it goes to the moderation log). */
export const moderationReasonSchema = z.object({ reason: lineText({ max: 1000, messages: { required: "thread.moderate.reasonRequired" } }) });

export const subscriptionLevels = ["watching", "muted"] as const;
export const subscriptionRequestSchema = z
  .object({ level: z.enum(subscriptionLevels).default("watching") })
  .strict()
  .openapi("SubscriptionRequest");

const categoryFields = {
  nameFr: categoryName.describe("One line, as titles are."),
  nameEn: categoryName.describe("One line, as titles are."),
  descriptionFr: categoryDescription.optional().describe("One line, as titles are; empty when omitted."),
  descriptionEn: categoryDescription.optional().describe("One line, as titles are; empty when omitted."),
  position: z.number().int().min(0).max(1000).optional().describe("Lower first; 0 when omitted."),
};
export const categoryRequestSchema = z
  .object({
    id: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{1,48}[a-z0-9]$/, "validation.invalid")
      .describe("Also the category's slug; 3 to 50 lower-case letters, digits and `-`. Trimmed."),
    ...categoryFields,
  })
  .strict()
  .openapi("CategoryRequest");
export const categoryPatchSchema = z
  .object(categoryFields)
  .strict()
  .openapi("CategoryPatch", { description: "The whole category but its id: the names are required, the rest resets to empty or 0 when omitted." });

export const tagRequestSchema = z
  .object({
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9-]{0,48}[a-z0-9]$/, "validation.invalid")
      .describe("2 to 50 lower-case letters, digits and `-`; trimmed and lower-cased before the check."),
    group: z.string().trim().min(2).max(40).describe("Trimmed."),
    labels: z
      .object({
        fr: tagLabel,
        en: tagLabel,
        es: optionalTagLabel.optional(),
        ro: optionalTagLabel.optional(),
        nl: optionalTagLabel.optional(),
      })
      .describe("The label in each language, one line as titles are; French and English required."),
  })
  .strict()
  .openapi("TagRequest");
export const tagMergeSchema = z
  .object({ into: z.string().trim().min(1).max(50).describe("The slug of the tag that stays. Trimmed.") })
  .strict()
  .openapi("TagMergeRequest");

export const moderationTargetTypes = ["topic"] as const;
export const topicModerationActions = ["lock", "unlock", "pin", "unpin"] as const;
export const moderationActionSchema = z
  .object({
    targetType: z.enum(moderationTargetTypes),
    targetId: z
      .union([z.string(), z.number()])
      .pipe(z.coerce.string().min(1))
      .describe("The topic's id (any other value → 404)."),
    action: z.enum(topicModerationActions),
    reason: lineText({ min: 0, max: 1000 }).default("").describe("Why, for the log: one line, as titles are."),
  })
  .strict()
  .openapi("ModerationActionRequest");

export const notificationsReadSchema = z
  .union([z.object({ all: z.literal(true) }).strict(), z.object({ ids: z.array(idSchema).max(500) }).strict()])
  .openapi("NotificationsReadRequest", {
    description: "`{ids}` marks those of mine (other ids are ignored); `{all:true}` marks every one of mine.",
  });

export const markdownPreviewSchema = z
  .object({ body: z.string().max(50_000).describe("Markdown source (may be empty).") })
  .strict()
  .openapi("MarkdownPreviewRequest");
// ------------------------------------------------------------------------------------------------ URL parameters
// One schema per list (platform/params.ts), shared by its API route (the registry's declared query) and its page:
// a value that cannot be right is a 400 naming the parameter, in the reader's language.

export const topicListSorts = ["active", "latest", "unanswered"] as const;

/** The topic list's cursor, `[pinned 0|1, time, id]` as topics.server.ts writes it; null for anything else. */
export function decodeTopicListCursor(cursor: string): [0 | 1, string, string] | null {
  const value = decodeJsonCursor(cursor);
  if (!Array.isArray(value) || value.length !== 3) return null;
  const [pinned, at, id] = value as unknown[];
  if ((pinned !== 0 && pinned !== 1) || !isTimestampKey(at) || !/^\d{1,18}$/.test(String(id))) return null;
  return [pinned, at, String(id)];
}

/** `GET /topics` (and, without `limit`, the /discussions pages): filters, sort and paging. */
export const topicListQuerySchema = z.object({
  category: z.string().trim().min(1).max(50, "param.expected.invalid").optional().describe("A category id; one that does not exist → 400 naming it."),
  tag: listParam(tagSlugParam, 8).describe("A tag slug; repeat (`?tag=a&tag=b`) for topics carrying all of them. A tag that does not exist → 400 naming it."),
  language: contentLanguageSchema.optional(),
  sort: z.enum(topicListSorts).default("active"),
  limit: limitParam,
  cursor: cursorParam(decodeTopicListCursor).optional().describe("The `nextCursor` of the previous page (opaque); anything else → 400 naming it."),
});
export const topicListPageQuerySchema = topicListQuerySchema.omit({ limit: true });
export type TopicListQuery = z.infer<typeof topicListQuerySchema>;

/** /discussions/t/:id and /cases/:id: a page of replies, a reply to open (`post`), the reply form to open (`reply`). */
export const topicPageQuerySchema = z.object({
  cursor: idCursorQuery.optional(),
  post: numericIdParam.optional(),
  reply: numericIdParam.optional(),
  unread: flagParam,
});

/** /discussions/thread/:postId ("continue this thread"). */
export const threadPageQuerySchema = z.object({ post: numericIdParam.optional(), reply: numericIdParam.optional() });

/** /discussions/new: the category to preselect. */
export const newTopicPageQuerySchema = z.object({ category: z.string().trim().max(50, "param.expected.invalid").optional() });

/** /notifications: a page (`before`), a notification to open, what was just marked read. */
export const notificationsPageQuerySchema = z.object({ before: idCursorQuery.optional(), open: numericIdParam.optional(), marked: z.enum(["one", "all"]).optional() });

/** /moderation/log. */
export const moderationLogPageQuerySchema = z.object({ before: idCursorQuery.optional() });

/** `GET /mentions?q=`: the start of a name or a handle. */
export const mentionQuerySchema = z.object({ q: textParam(40).default("").describe("What was typed after `@`.") });

// ------------------------------------------------------------------------------------------------ search

export const searchTypes = ["topic", "post", "case"] as const;
export const searchQueryMaxLength = 200;
/** How far `cursor` may page into the ranked results. */
export const searchMaxOffset = 1000;

/** `GET /search` and /search: filters and paging (the page reads `q` apart: a missing or empty one is a 422 on its form). */
export const searchFiltersSchema = z.object({
  type: z
    .enum(searchTypes)
    .optional()
    .describe("Only topics, only replies (including those of published case studies' discussions), or only case studies."),
  tag: listParam(tagSlugParam, 8).describe(
    "A tag slug (trimmed, lower-cased; letters, digits and `-`); repeat for hits whose topic carries all of them (at most 8). A tag that does not exist → 400 naming it.",
  ),
  language: contentLanguageSchema.optional().describe("Only documents in this language, matched in its configuration."),
  category: z.string().trim().min(1).max(50, "param.expected.invalid").optional().describe("A category id; one that does not exist → 400 naming it."),
  author: z
    .string()
    .trim()
    .transform((s) => s.replace(/^@/, ""))
    .pipe(z.string().min(1).max(60))
    .optional()
    .describe("An author's handle (a leading `@` is dropped)."),
  from: dateParam.optional().describe("Written at or after: a date (`2024-05-01`, from its start, UTC) or a date-time with offset."),
  to: dateParam.optional().describe("Written at or before: a date (that whole day included, UTC) or a date-time with offset."),
  limit: limitParam,
  cursor: z
    .string()
    .regex(/^\d{1,4}$/, "param.expected.cursor")
    .transform(Number)
    .pipe(z.number().int().min(0).max(searchMaxOffset, "param.expected.cursor"))
    .optional()
    .describe("The `nextCursor` of the previous page (how far into the ranked results, at most 1000)."),
});
export type SearchParams = z.output<typeof searchFiltersSchema>;

/**
 * The query itself: 1 to 200 characters, one line in NFC without bidi controls, something visible (the API answers
 * 422 otherwise; invisible characters alone ask for words to search for).
 */
export const searchTextSchema = lineText({
  max: searchQueryMaxLength,
  messages: { required: "search.q.required", tooLong: "search.q.tooLong", invisible: "search.q.required" },
});

/** `GET /search`: `q` (a missing, blank, invisible or too long one → 422) and the filters (a bad one → 400). */
export const searchQuerySchema = searchFiltersSchema.extend({
  q: searchTextSchema.describe("What to look for, 1 to 200 characters once trimmed; websearch syntax: `\"phrase\"`, `-word`, `or`."),
});

// ------------------------------------------------------------------------------------------------ answers

const personShape = { id: z.string(), name: z.string(), handle: z.string() };
export const personRefSchema = z.object(personShape).strict().openapi("PersonRef");
export const authorSchema = z
  .object(personShape)
  .strict()
  .nullable()
  .openapi("Author", {
    description:
      'Who wrote it; an erased account shows as `{name: "deleted user", handle: ""}`. null for a deleted or hidden post\'s placeholder, ' +
      "and for the author of an anonymous case (but to them).",
  });

const countsByKind = <T extends z.ZodTypeAny>(value: T) =>
  z.object(Object.fromEntries(reactionKinds.map((k) => [k, value])) as Record<(typeof reactionKinds)[number], T>).strict();
export const reactionCountsSchema = countsByKind(z.number().int().min(0)).openapi("ReactionCounts", { description: "`{kind: count}`." });

// Named objects are closed (`additionalProperties: false`), so a larger one repeats the shape rather than `.extend()`
// it: a `$ref` to a closed object inside `allOf` would refuse the added members.
const categoryShape = {
  id: z.string(),
  slug: z.string().describe("The same as `id`."),
  name: z.string().describe("In the caller's language (French, else English)."),
  description: z.string(),
};
export const categorySchema = z.object(categoryShape).strict().openapi("Category");
export const categoryDetailSchema = z
  .object({ ...categoryShape, position: z.number().int().min(0) })
  .strict()
  .openapi("CategoryDetail", { description: "A category as the leads manage it." });

export const tagSchema = z
  .object({
    slug: z.string(),
    label: z.string().describe("In the caller's language (else English, else French)."),
    group: z.string(),
    count: z.number().int().min(0).describe("Visible topics carrying the tag."),
    labels: z.record(z.string()).describe("Every label, by language code."),
  })
  .strict()
  .openapi("Tag");

export const topicListItemSchema = z
  .object({
    id: idStringSchema,
    title: z.string(),
    excerpt: z.string().describe("The start of the text, as plain text (200 characters, then `…`)."),
    categoryId: z.string(),
    tags: z.array(z.string()),
    language: contentLanguageSchema,
    author: authorSchema,
    createdAt: dateTimeSchema,
    lastPostedAt: dateTimeSchema.describe("The latest reply, or the topic's creation."),
    replyCount: z.number().int().min(0),
    viewCount: z.number().int().min(0),
    pinned: z.boolean(),
    locked: z.boolean(),
    answered: z.boolean().describe("A reply is marked as the accepted answer."),
    unread: z.boolean().describe("Never opened by me, or replied to since I last read it."),
    url: absoluteUrlSchema.describe("Absolute."),
  })
  .strict()
  .openapi("TopicListItem");
export const topicListSchema = pageOf(topicListItemSchema);

export const topicSchema = z
  .object({
    id: idStringSchema,
    title: z.string(),
    body: z.string().describe("Markdown source."),
    bodyHtml: z.string().describe("Rendered and sanitised."),
    categoryId: z.string(),
    tags: z.array(z.string()).describe("Tag slugs, sorted."),
    language: contentLanguageSchema,
    author: authorSchema,
    createdAt: dateTimeSchema,
    editedAt: dateTimeSchema.nullable(),
    locked: z.boolean().describe("No new reply (409)."),
    pinned: z.boolean(),
    acceptedPostId: orNull(idStringSchema).describe("The reply marked as the answer."),
    replyCount: z.number().int().min(0),
    viewCount: z.number().int().min(0).describe("Counted in batches: may trail by a few seconds."),
    visibility: z.enum(visibilities).exclude(["deleted"]).describe("`hidden` is only ever shown to leads and admins."),
    url: absoluteUrlSchema.describe("Absolute."),
  })
  .strict()
  .openapi("Topic");
export const topicEnvelopeSchema = z.object({ topic: topicSchema }).strict();

export const postSchema = z
  .object({
    id: idStringSchema,
    topicId: idStringSchema,
    parentId: orNull(idStringSchema).describe("The reply answered; null for a reply to the topic itself."),
    depth: z.number().int().min(0).describe("0 for a first-level reply."),
    author: authorSchema,
    body: z.string().describe("Markdown source; empty for a deleted placeholder (or a hidden reply, but to leads and admins)."),
    bodyHtml: z.string().describe("Rendered and sanitised; empty like `body`."),
    createdAt: dateTimeSchema,
    editedAt: dateTimeSchema.nullable(),
    deleted: z.boolean().describe("A placeholder that keeps the tree."),
    hidden: z.boolean().describe("Hidden by moderation."),
    childCount: z.number().int().min(0).describe("Direct replies to it."),
    reactions: reactionCountsSchema,
    reactors: countsByKind(z.array(z.string())).describe("The names of the first people to react (30 at most in all), by kind."),
    myReactions: z.array(reactionKindSchema),
    url: absoluteUrlSchema.describe("Absolute, with the post's anchor."),
  })
  .strict()
  .openapi("Post");
export const postEnvelopeSchema = z.object({ post: postSchema }).strict();

export const topicPageSchema = z
  .object({
    topic: topicSchema,
    posts: z.array(postSchema),
    nextCursor: z.string().nullable().describe("Pass as `cursor` for the next first-level replies; null on the last page."),
  })
  .strict();

const editorSchema = orNull(personRefSchema).describe("Who wrote that version (the author for the first); null where it would name the anonymous author of a case to someone else.");
const revisionShape = {
  id: z.string(),
  body: z.string().describe("Markdown source of that version."),
  editor: editorSchema,
  createdAt: dateTimeSchema.describe("When that version was written."),
};
export const revisionSchema = z.object(revisionShape).strict().openapi("Revision", { description: "An earlier version, whole." });
export const revisionListSchema = listOf(revisionSchema);
export const topicRevisionSchema = z
  .object({ ...revisionShape, title: z.string().describe("The title of that version.") })
  .strict()
  .openapi("TopicRevision", { description: "An earlier version of a topic, whole." });
export const topicRevisionListSchema = listOf(topicRevisionSchema);

export const subscriptionEnvelopeSchema = z
  .object({ subscription: z.object({ level: z.enum(subscriptionLevels) }).strict().openapi("Subscription") })
  .strict();

export const moderationActionViewSchema = z
  .object({
    id: idStringSchema,
    actorId: z.string(),
    targetType: z.enum(moderationTargetTypes),
    targetId: idStringSchema,
    action: z.enum(topicModerationActions),
    reason: z.string(),
    until: dateTimeSchema.nullable(),
    createdAt: dateTimeSchema,
  })
  .strict()
  .openapi("ModerationAction");
export const moderationActionEnvelopeSchema = z.object({ action: moderationActionViewSchema }).strict();

export const moderationLogEntrySchema = z
  .object({
    id: idStringSchema,
    actor: personRefSchema,
    target: z
      .object({ type: z.string(), id: z.string(), title: z.string().nullable(), url: absoluteUrlSchema })
      .strict()
      .nullable()
      .describe("What was acted on, named: a case (reveals, review decisions) or a topic; null for other targets."),
    targetType: z.string(),
    targetId: z.string(),
    action: z.string().describe("lock, unlock, pin, unpin (topics); publish, request-changes, reveal-identity (cases)…"),
    reason: z.string(),
    until: dateTimeSchema.nullable(),
    createdAt: dateTimeSchema,
  })
  .strict()
  .openapi("ModerationLogEntry");
export const moderationLogSchema = pageOf(moderationLogEntrySchema);

export const searchHitSchema = z
  .object({
    type: z.enum(searchTypes),
    id: idStringSchema,
    title: z.string().describe("The topic's title (for a reply, its topic's)."),
    snippet: z.string().describe("Safe HTML: plain text, escaped, with the matched words in `<mark>`."),
    url: absoluteUrlSchema.describe("Absolute; a reply's permalink."),
    topicId: idStringSchema.openapi({ description: "The topic a reply belongs to (the topic itself for a topic)." }),
    language: contentLanguageSchema,
    createdAt: dateTimeSchema,
  })
  .strict()
  .openapi("SearchHit");
export const searchResultSchema = pageOf(searchHitSchema);

export const notificationKindSchema = z.string().openapi("NotificationKind", {
  description:
    "Kinds include reply, mention, accepted, watching (a reply in a topic I watch), new-topic (in a category or tag I " +
    "follow), case-review and identity-reveal; more may come.",
  examples: ["reply", "mention", "accepted", "watching", "new-topic", "case-review", "identity-reveal"],
});
const notificationActorSchema = z
  .object({ id: z.string(), name: z.string() })
  .strict()
  .nullable()
  .openapi("NotificationActor", { description: 'Who caused it (an erased account shows as "deleted user"; null for an anonymous case\'s author).' });
const notificationTopicSchema = z.object({ id: idStringSchema, title: z.string() }).strict().nullable().openapi("NotificationTopic");

export const notificationSchema = z
  .object({
    id: idStringSchema,
    kind: notificationKindSchema,
    read: z.boolean(),
    createdAt: dateTimeSchema,
    url: absoluteUrlSchema.describe("Absolute: the topic, or the post with its anchor."),
    actor: notificationActorSchema,
    topic: notificationTopicSchema,
    postId: orNull(idStringSchema),
  })
  .strict()
  .openapi("Notification");
export const notificationPageSchema = pageOf(notificationSchema, {
  unread: z.number().int().min(0).describe("How many of mine are unread (all pages)."),
});
export const unreadCountSchema = z.object({ unread: z.number().int().min(0) }).strict();

/** The payload of the socket event `notification:new`. */
export const notificationPushSchema = z
  .object({
    id: idStringSchema,
    kind: notificationKindSchema,
    read: z.literal(false),
    createdAt: dateTimeSchema,
    url: z
      .string()
      .nullable()
      .describe("`/discussions/t/<topicId>` or `/discussions/t/<topicId>?post=<postId>#post-<postId>`."),
    actor: notificationActorSchema,
    topic: notificationTopicSchema,
    topicId: orNull(idStringSchema),
    postId: orNull(idStringSchema),
  })
  .strict()
  .openapi("NotificationPush", {
    description:
      "The payload of the socket event `notification:new`: the notification as listed, but with `url` a path in " +
      "the web UI (relative, or null) and the `topicId` beside `topic`.",
  });

export const markdownPreviewResultSchema = z.object({ html: z.string().describe("Sanitised HTML.") }).strict();
export const mentionCandidateSchema = z.object({ handle: z.string(), name: z.string() }).strict().openapi("MentionCandidate");
