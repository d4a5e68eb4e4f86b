import { caseStatuses } from "../../../db/schema/cases";
import { contentLanguages } from "../../../db/schema/discussions";
import { absoluteUrlSchema, dateTimeSchema, idStringSchema, pageOf } from "../platform/api-schemas";
import { decodeJsonCursor, flagParam, isTimestampKey, limitParam, listParam, tagSlugParam, textParam } from "../platform/params";
import { bodyText, lineText } from "../platform/validation";
import { z } from "../platform/zod";
import { authorSchema, contentLanguageSchema, personRefSchema, topicPageQuerySchema } from "../discussions/schemas";
import { identifyingKinds, warningKinds } from "./personal-data";
import { learnerProfiles, programmes } from "./template";

/** A free-text section: may be empty, but not made of invisible characters only. */
const text = (max: number) => bodyText({ min: 0, max });
const tagList = z
  .union([z.array(z.string()), z.string().transform((s) => s.split(",").filter(Boolean))])
  .pipe(z.array(z.string().trim().toLowerCase().min(1).max(50)).max(12))
  .transform((list) => [...new Set(list)]);

export const caseContextSchema = z
  .object({
    programme: z.enum(programmes).optional(),
    week: z.coerce.number().int().min(0).max(200).optional(),
    groupSize: z.coerce.number().int().min(1).max(500).optional(),
    learnerProfile: z.enum(learnerProfiles).optional(),
    notes: text(1000).optional(),
  })
  .strict()
  .openapi("CaseContext", {
    description: "Every key optional. `programme` and `learnerProfile` come from the project's lists (app/modules/cases/template.ts).",
  });

const caseFields = {
  title: lineText({ min: 3, max: 200 }),
  context: caseContextSchema.default({}),
  situation: bodyText({ max: 20_000 }).describe("Markdown."),
  actionsTaken: text(20_000).default(""),
  outcome: text(20_000).default(""),
  lessons: text(20_000).default(""),
  questions: text(20_000).default(""),
  tags: tagList.default([]),
  language: contentLanguageSchema,
  anonymous: z.boolean().default(false),
  noIdentifiablePeople: z
    .literal(true, { errorMap: () => ({ message: "cases.mustConfirmNoIdentifiablePeople" }) })
    .describe("Must be true (else 422 on this field)."),
  acknowledgeWarnings: z
    .boolean()
    .default(false)
    .describe("Store the case for a lead's review (`in-review`) despite personal-data findings, instead of a 422."),
};

/** POST /cases and the new-case form (the form coerces its checkboxes to booleans before). */
export const newCaseSchema = z.object(caseFields).strict().openapi("NewCaseRequest");
export type NewCaseInput = z.infer<typeof newCaseSchema>;

/** PATCH /cases/:id: the same fields, all optional but the confirmation (the author confirms again on every edit). */
export const casePatchSchema = z
  .object({
    ...caseFields,
    title: caseFields.title.optional(),
    context: caseContextSchema.optional(),
    situation: caseFields.situation.optional(),
    actionsTaken: text(20_000).optional(),
    outcome: text(20_000).optional(),
    lessons: text(20_000).optional(),
    questions: text(20_000).optional(),
    tags: tagList.optional(),
    language: caseFields.language.optional(),
    anonymous: z.boolean().optional(),
  })
  .strict()
  .openapi("CasePatch");
export type CasePatchInput = z.infer<typeof casePatchSchema>;

export const reviewDecisions = ["publish", "request-changes"] as const;
export const reviewSchema = z
  .object({ decision: z.enum(reviewDecisions), comment: text(5000).default("").describe("Required for `request-changes`.") })
  .strict()
  .refine((v) => v.decision !== "request-changes" || v.comment.length > 0, { path: ["comment"], message: "cases.reviewCommentRequired" })
  .openapi("CaseReviewRequest");
export type ReviewInput = z.infer<typeof reviewSchema>;

export const followUpSchema = z.object({ followUp: bodyText({ max: 20_000 }) }).strict().openapi("CaseFollowUpRequest");

export const revealQuerySchema = z.object({
  reason: lineText({ max: 1000, messages: { required: "cases.revealReasonRequired" } }).describe("Why (written to the moderation log)."),
});

// ---------------------------------------------------------------------------------------------------------------
// URL parameters (platform/params.ts): the library's API route and page share them

export const caseSorts = ["recent", "helpful", "discussed"] as const;
export const caseListStatuses = ["published", "awaiting-review", "mine"] as const;

/**
 * The library's cursor, `[sort key, id]` as cases.server.ts writes it: a count for the helpful and discussed sorts,
 * a time otherwise (recent, the review list, my cases); null for anything else.
 */
export function decodeCaseCursor(cursor: string, numeric: boolean): [string, string] | null {
  const value = decodeJsonCursor(cursor);
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [key, id] = value as unknown[];
  const keyOk = numeric ? /^\d{1,9}$/.test(String(key)) : isTimestampKey(key);
  if (!keyOk || !/^\d{1,18}$/.test(String(id))) return null;
  return [String(key), String(id)];
}

const filterFields = {
  tag: listParam(tagSlugParam, 12).describe("Tag slugs (AND); repeat the parameter. A tag that does not exist → 400 naming it."),
  language: listParam(z.enum(contentLanguages), contentLanguages.length).describe("Languages (OR); repeat the parameter."),
  country: listParam(z.string().regex(/^[A-Z]{2}$/, "param.expected.country"), 10).describe("ISO 3166-1 alpha-2 codes (OR); repeat the parameter."),
  hasFollowUp: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "true")),
  q: textParam(200).describe("Full-text search, stemmed per language."),
  sort: z.enum(caseSorts).default("recent"),
};
const cursorText = z.string().max(300, "param.expected.cursor");

/** A cursor is only good for the list and the sort it was written for. */
function checkCursor(cursor: string | undefined, numeric: boolean, ctx: z.RefinementCtx, path = "cursor") {
  if (cursor !== undefined && !decodeCaseCursor(cursor, numeric)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message: "param.expected.cursor" });
}

/** `GET /cases`: the library (or the leads' review list, or my cases), filtered, sorted, paged. */
export const caseListQuerySchema = z
  .object({
    ...filterFields,
    status: z.enum(caseListStatuses).default("published").describe("`awaiting-review`: leads and admins only (else 403)."),
    limit: limitParam,
    cursor: cursorText
      .optional()
      .describe("The `nextCursor` of the previous page, for the same `status` and `sort` (another one's → 400 naming `cursor`)."),
    facets: z
      .enum(["true", "false"])
      .optional()
      .describe("`true` adds counts per tag (by group), language, country and follow-up for the current filters."),
  })
  .superRefine((q, ctx) => checkCursor(q.cursor, q.status === "published" && q.sort !== "recent", ctx));
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;

/** /cases: the library's filters and page, and (leads) the page of the review list. */
export const caseLibraryPageQuerySchema = z
  .object({ ...filterFields, cursor: cursorText.optional(), reviewCursor: cursorText.optional() })
  .superRefine((q, ctx) => {
    checkCursor(q.cursor, q.sort !== "recent", ctx);
    checkCursor(q.reviewCursor, false, ctx, "reviewCursor");
  });

/** /cases/:id: as a topic page (the case's discussion), and `sent` after a submission for review. */
export const casePageQuerySchema = topicPageQuerySchema.omit({ unread: true }).extend({ sent: flagParam });

// ------------------------------------------------------------------------------------------------ answers

export const caseStatusSchema = z.enum(caseStatuses);
export const caseAuthorSchema = authorSchema;

export const findingSchema = z
  .object({ field: z.string(), kind: z.enum([...identifyingKinds, ...warningKinds]), match: z.string() })
  .strict()
  .openapi("Finding");

export const caseSchema = z
  .object({
    id: idStringSchema,
    topicId: idStringSchema.openapi({ description: "The case's discussion, replied to through the topics API." }),
    title: z.string(),
    context: caseContextSchema,
    situation: z.string(),
    situationHtml: z.string(),
    actionsTaken: z.string(),
    actionsTakenHtml: z.string(),
    outcome: z.string(),
    outcomeHtml: z.string(),
    lessons: z.string(),
    lessonsHtml: z.string(),
    questions: z.string(),
    questionsHtml: z.string(),
    followUp: z.string().nullable(),
    followUpHtml: z.string().nullable(),
    followUpAt: dateTimeSchema.nullable(),
    tags: z.array(z.string()),
    language: contentLanguageSchema,
    anonymous: z.boolean(),
    status: caseStatusSchema,
    author: caseAuthorSchema.openapi({ description: "Null for an anonymous case to everyone but its author (leads and admins included)." }),
    isMine: z.boolean(),
    country: z.string().describe("The author's centre's country at write time (ISO 3166-1 alpha-2)."),
    createdAt: dateTimeSchema,
    updatedAt: dateTimeSchema,
    publishedAt: dateTimeSchema.nullable(),
    url: absoluteUrlSchema,
    helpedPostIds: z.array(idStringSchema),
    replyCount: z.number().int().min(0),
    helpfulCount: z.number().int().min(0).describe("Replies marked as helped + helpful reactions in its discussion."),
    templateVersion: z.number().int(),
    reviewComment: z.string().nullable().optional().describe("Only for the author, leads and admins."),
    can: z
      .object({ edit: z.boolean(), review: z.boolean(), reveal: z.boolean(), markHelped: z.boolean(), addFollowUp: z.boolean() })
      .strict()
      .describe("What the caller may do with it."),
  })
  .strict()
  .openapi("Case");
export const caseEnvelopeSchema = z.object({ case: caseSchema }).strict();
export const caseWithWarningsSchema = z
  .object({ case: caseSchema, warnings: z.array(findingSchema).describe("Sensitive-category warnings (never blocking).") })
  .strict();

export const caseListItemSchema = z
  .object({
    id: idStringSchema,
    topicId: idStringSchema,
    title: z.string(),
    excerpt: z.string(),
    tags: z.array(z.string()),
    language: contentLanguageSchema,
    country: z.string(),
    context: caseContextSchema,
    anonymous: z.boolean(),
    status: caseStatusSchema,
    author: caseAuthorSchema.openapi({ description: "Null for an anonymous case to everyone but its author (leads and admins included)." }),
    isMine: z.boolean(),
    createdAt: dateTimeSchema,
    publishedAt: dateTimeSchema.nullable(),
    hasFollowUp: z.boolean(),
    replyCount: z.number().int().min(0),
    helpfulCount: z.number().int().min(0),
    url: absoluteUrlSchema,
  })
  .strict()
  .openapi("CaseListItem");

const facetValueSchema = z.object({ value: z.string(), count: z.number().int().min(0), selected: z.boolean() }).strict();
export const caseFacetsSchema = z
  .object({
    total: z.number().int().min(0),
    tagGroups: z.array(z.object({ group: z.string(), values: z.array(facetValueSchema.extend({ label: z.string() })) }).strict()),
    languages: z.array(facetValueSchema),
    countries: z.array(facetValueSchema),
    hasFollowUp: z.array(facetValueSchema),
  })
  .strict()
  .openapi("CaseFacets", { description: "Counts for the current filters (with `facets=true`)." });
export const caseListSchema = pageOf(caseListItemSchema, { facets: caseFacetsSchema.optional() });

export const revealedAuthorSchema = z.object({ author: personRefSchema }).strict();

export const relatedSchema = z
  .object({
    cases: z.array(caseListItemSchema),
    discussions: z.array(
      z.object({ id: idStringSchema, title: z.string(), url: absoluteUrlSchema, replyCount: z.number().int().min(0) }).strict(),
    ),
  })
  .strict();
