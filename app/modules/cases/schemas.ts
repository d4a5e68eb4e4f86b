import { z } from "zod";
import { contentLanguages } from "../../../db/schema/discussions";
import { topicPageQuerySchema } from "../discussions/schemas";
import { decodeJsonCursor, flagParam, isTimestampKey, limitParam, listParam, tagSlugParam, textParam } from "../platform/params";
import { bodyText, lineText } from "../platform/validation";
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
  .strict();

const caseFields = {
  title: lineText({ min: 3, max: 200 }),
  context: caseContextSchema.default({}),
  situation: bodyText({ max: 20_000 }),
  actionsTaken: text(20_000).default(""),
  outcome: text(20_000).default(""),
  lessons: text(20_000).default(""),
  questions: text(20_000).default(""),
  tags: tagList.default([]),
  language: z.enum(contentLanguages),
  anonymous: z.boolean().default(false),
  noIdentifiablePeople: z.literal(true, { errorMap: () => ({ message: "cases.mustConfirmNoIdentifiablePeople" }) }),
  acknowledgeWarnings: z.boolean().default(false),
};

/** POST /cases and the new-case form (the form coerces its checkboxes to booleans before). */
export const newCaseSchema = z.object(caseFields).strict();
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
  .strict();
export type CasePatchInput = z.infer<typeof casePatchSchema>;

export const reviewSchema = z
  .object({ decision: z.enum(["publish", "request-changes"]), comment: text(5000).default("") })
  .strict()
  .refine((v) => v.decision !== "request-changes" || v.comment.length > 0, { path: ["comment"], message: "cases.reviewCommentRequired" });
export type ReviewInput = z.infer<typeof reviewSchema>;

export const followUpSchema = z.object({ followUp: bodyText({ max: 20_000 }) }).strict();

export const revealQuerySchema = z.object({ reason: lineText({ max: 1000, messages: { required: "cases.revealReasonRequired" } }) });

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
  tag: listParam(tagSlugParam, 12),
  language: listParam(z.enum(contentLanguages), contentLanguages.length),
  country: listParam(z.string().regex(/^[A-Z]{2}$/, "param.expected.country"), 10),
  hasFollowUp: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "true")),
  q: textParam(200),
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
    status: z.enum(caseListStatuses).default("published"),
    limit: limitParam,
    cursor: cursorText.optional(),
    facets: z.enum(["true", "false"]).optional(),
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
