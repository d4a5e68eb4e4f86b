import { z } from "zod";
import { contentLanguages, reactionKinds } from "../../../db/schema/discussions";
import { cursorParam, dateParam, decodeJsonCursor, flagParam, numericIdParam, intParam, isTimestampKey, limitParam, listParam, tagSlugParam, textParam } from "../platform/params";
import { bodyText, lineText } from "../platform/validation";

export const markdownBody = bodyText({ max: 50_000 });
export const topicTitle = lineText({ min: 3, max: 200 });
export const categoryName = lineText({ min: 2, max: 80 });
export const categoryDescription = lineText({ min: 0, max: 500 });
export const tagLabel = lineText({ max: 60 });
/** The labels a tag may lack (Spanish, Romanian, Dutch): empty when absent. */
export const optionalTagLabel = lineText({ min: 0, max: 60 });
const tagList = z
  .union([z.array(z.string()), z.string().transform((s) => s.split(",").filter(Boolean))])
  .pipe(z.array(z.string().trim().toLowerCase().min(1).max(50)).max(8))
  .transform((list) => [...new Set(list)]);

export const newTopicSchema = z
  .object({
    categoryId: z.string().trim().min(1).max(50),
    title: topicTitle,
    body: markdownBody,
    tags: tagList.default([]),
    language: z.enum(contentLanguages),
  })
  .strict();
export type NewTopicInput = z.infer<typeof newTopicSchema>;

export const topicPatchSchema = z
  .object({ title: topicTitle, body: markdownBody, tags: tagList, categoryId: z.string().trim().min(1).max(50) })
  .partial()
  .strict();

/** Ids are strings in the API and numbers in the database. */
export const idSchema = z.union([z.string(), z.number()]).pipe(z.coerce.string().regex(/^[1-9]\d{0,15}$/, "validation.invalid")).transform(Number);

export const newPostSchema = z.object({ body: markdownBody, parentId: idSchema.nullish() }).strict();
export const postPatchSchema = z.object({ body: markdownBody }).strict();
/** Why a lead locks, unlocks, pins or unpins a topic (the page asks for one; it goes to the moderation log). */
export const moderationReasonSchema = z.object({ reason: lineText({ max: 1000, messages: { required: "thread.moderate.reasonRequired" } }) });
export const acceptSchema = z.object({ postId: idSchema.nullable() }).strict();
export const reactionKindSchema = z.enum(reactionKinds);

// ---------------------------------------------------------------------------------------------------------------
// URL parameters (platform/params.ts): one schema per list, shared by its API route and its page

export const topicSorts = ["active", "latest", "unanswered"] as const;

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
  category: z.string().trim().min(1).max(50, "param.expected.invalid").optional(),
  tag: listParam(tagSlugParam, 8),
  language: z.enum(contentLanguages).optional(),
  sort: z.enum(topicSorts).default("active"),
  limit: limitParam,
  cursor: cursorParam(decodeTopicListCursor).optional(),
});
export const topicListPageQuerySchema = topicListQuerySchema.omit({ limit: true });

/** A topic's replies are paged by the id of a first-level reply. */
const replyCursor = z.string().regex(/^\d{1,16}$/, "param.expected.cursor");

/** `GET /topics/:id`. */
export const topicQuerySchema = z.object({ cursor: replyCursor.optional(), limit: intParam(1, 100).optional() });

/** /discussions/t/:id and /cases/:id: a page of replies, a reply to open (`post`), the reply form to open (`reply`). */
export const topicPageQuerySchema = z.object({
  cursor: replyCursor.optional(),
  post: numericIdParam.optional(),
  reply: numericIdParam.optional(),
  unread: flagParam,
});

/** /discussions/thread/:postId ("continue this thread"). */
export const threadPageQuerySchema = z.object({ post: numericIdParam.optional(), reply: numericIdParam.optional() });

/** /discussions/new: the category to preselect. */
export const newTopicPageQuerySchema = z.object({ category: z.string().trim().max(50, "param.expected.invalid").optional() });

/** Lists paged by the id of their last item (notifications, moderation log). */
const beforeId = z.string().regex(/^\d{1,16}$/, "param.expected.cursor");

/** `GET /notifications` and `GET /moderation/log`. */
export const idPagedQuerySchema = z.object({ cursor: beforeId.optional(), limit: intParam(1, 100).optional() });

/** /notifications: a page (`before`), a notification to open, what was just marked read. */
export const notificationsPageQuerySchema = z.object({ before: beforeId.optional(), open: numericIdParam.optional(), marked: z.enum(["one", "all"]).optional() });

/** /moderation/log. */
export const moderationLogPageQuerySchema = z.object({ before: beforeId.optional() });

/** `GET /mentions?q=`: the start of a name or a handle. */
export const mentionQuerySchema = z.object({ q: textParam(40).default("") });

export const searchTypes = ["topic", "post", "case"] as const;
/** How far `cursor` may page into the ranked results. */
export const searchMaxOffset = 1000;

/** `GET /search` and /search: filters and paging (`q` is read apart: a missing or empty one is a 422 on the form). */
export const searchQuerySchema = z.object({
  type: z.enum(searchTypes).optional(),
  tag: listParam(tagSlugParam, 8),
  language: z.enum(contentLanguages).optional(),
  category: z.string().trim().min(1).max(50, "param.expected.invalid").optional(),
  author: z
    .string()
    .trim()
    .transform((s) => s.replace(/^@/, ""))
    .pipe(z.string().min(1).max(60))
    .optional(),
  from: dateParam.optional(),
  to: dateParam.optional(),
  limit: limitParam,
  cursor: z
    .string()
    .regex(/^\d{1,4}$/, "param.expected.cursor")
    .transform(Number)
    .pipe(z.number().int().min(0).max(searchMaxOffset, "param.expected.cursor"))
    .optional(),
});
export type SearchParams = z.output<typeof searchQuerySchema>;
export type TopicListQuery = z.infer<typeof topicListQuerySchema>;
