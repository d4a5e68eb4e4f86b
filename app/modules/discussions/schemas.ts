import { z } from "zod";
import { contentLanguages, reactionKinds } from "../../../db/schema/discussions";
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

export const topicListQuerySchema = z.object({
  category: z.string().max(50).optional(),
  tag: z.union([z.string(), z.array(z.string())]).optional().transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
  language: z.enum(contentLanguages).optional(),
  sort: z.enum(["latest", "active", "unanswered"]).default("active"),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});
export type TopicListQuery = z.infer<typeof topicListQuerySchema>;
