import { z } from "zod";
import { contentLanguages } from "../../../db/schema/discussions";
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

const oneOrMany = z.union([z.string(), z.array(z.string())]).optional().transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

export const caseListQuerySchema = z.object({
  tag: oneOrMany,
  language: z.union([z.enum(contentLanguages), z.array(z.enum(contentLanguages))]).optional().transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
  country: z.union([z.string().regex(/^[A-Z]{2}$/), z.array(z.string().regex(/^[A-Z]{2}$/))]).optional().transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
  hasFollowUp: z.enum(["true", "false"]).optional().transform((v) => (v === undefined ? undefined : v === "true")),
  q: z.string().trim().max(200).optional().transform((v) => v || undefined),
  sort: z.enum(["recent", "helpful", "discussed"]).default("recent"),
  status: z.enum(["published", "awaiting-review", "mine"]).default("published"),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(300).optional(),
});
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;
