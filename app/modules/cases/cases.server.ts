import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { queryRows } from "../../../db/client";
import { caseHelped, caseTags, cases, notifications, posts, subscriptions, topics, users, type CaseContext, type CaseStatus, type ContentLanguage } from "../../../db/schema";
import type { Services } from "../platform/services";
import type { Locale } from "../../i18n";
import type { AuthUser } from "../accounts/auth.server";
import { can, type Actor } from "../accounts/permissions";
import { renderMarkdown } from "../discussions/markdown";
import { afterCommit, type PendingPush } from "../discussions/notifications.server";
import { prepareQuery } from "../discussions/search.server";
import { assertTagsExist, tagLabel, tagsFor } from "../discussions/taxonomy.server";
import { recordModerationAction } from "../moderation/log.server";
import { badCursor, DomainError, notFound } from "../platform/errors";
import { claimFormSubmission, type FormKeyOption } from "../platform/form-submissions.server";
import { maySeeCaseAuthor } from "./anonymity";
import { findingKey, scanCase, type Finding } from "./personal-data";
import { decodeCaseCursor, type CaseListQuery, type CasePatchInput, type NewCaseInput, type ReviewInput } from "./schemas";
import { currentTemplateVersion, facetTagGroups } from "./template";
import { casePath, type CaseAuthor, type CaseFacets, type CaseListItem, type CaseView, type FacetValue, type RelatedDiscussion } from "./views";

export { casePath } from "./views";
export type { CaseAuthor, CaseFacets, CaseListItem, CaseView, RelatedDiscussion } from "./views";

type CaseServices = Pick<Services, "db" | "config" | "realtime" | "jobs" | "log">;

/** The category every case's discussion lives in (migration 0008). */
export const caseCategoryId = "case-studies";
/** Days after publishing before the author is reminded to add what happened next. */
export const followUpAfterDays = 28;
export const followUpReminderJob = "case-follow-up-reminders";
export const followUpReminderSchedule = { cron: "23 8 * * *", everyMs: 60 * 60 * 1000 };

/** 422 with the personal-data findings per field (the API translates them with the matched text). */
export class CaseFindingsError extends DomainError {
  constructor(
    public readonly findings: Finding[],
    public readonly warnings: Finding[],
  ) {
    const fieldErrors: Record<string, string[]> = {};
    for (const f of findings) (fieldErrors[f.field] ??= []).push(findingKey(f.kind));
    super(422, "cases.error.personalData", { fieldErrors });
    this.name = "CaseFindingsError";
  }
}

const isLead = (viewer: Actor) => viewer?.role === "lead" || viewer?.role === "admin";
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
function requireSignedIn(viewer: Actor): asserts viewer is NonNullable<Actor> {
  if (!viewer) throw new DomainError(401, "auth.signInRequired");
}

/** The text fields a case is scanned and rendered from, keyed as the API names them. */
const sectionFields = ["situation", "actionsTaken", "outcome", "lessons", "questions"] as const;

function scanInput(input: { title?: string; context?: CaseContext; situation?: string; actionsTaken?: string; outcome?: string; lessons?: string; questions?: string }) {
  return scanCase({
    title: input.title,
    "context.notes": input.context?.notes,
    situation: input.situation,
    actionsTaken: input.actionsTaken,
    outcome: input.outcome,
    lessons: input.lessons,
    questions: input.questions,
  });
}

function rendered(input: Record<(typeof sectionFields)[number], string>) {
  const out = {} as Record<`${(typeof sectionFields)[number]}Html`, string>;
  const texts: string[] = [];
  for (const field of sectionFields) {
    const r = renderMarkdown(input[field] ?? "");
    out[`${field}Html`] = input[field] ? r.html : "";
    if (input[field]) texts.push(r.text);
  }
  return { html: out, text: texts.join("\n\n") };
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

type CaseRow = {
  id: number;
  topic_id: number;
  author_id: string;
  author_name: string;
  author_handle: string;
  author_erased: boolean;
  anonymous: boolean;
  status: CaseStatus;
  template_version: number;
  title: string;
  context: CaseContext;
  situation: string;
  situation_html: string;
  actions_taken: string;
  actions_taken_html: string;
  outcome: string;
  outcome_html: string;
  lessons: string;
  lessons_html: string;
  questions: string;
  questions_html: string;
  follow_up: string | null;
  follow_up_html: string | null;
  follow_up_at: string | Date | null;
  language: ContentLanguage;
  centre_country: string;
  tag_slugs: string[];
  review_comment: string | null;
  published_at: string | Date | null;
  created_at: string | Date;
  updated_at: string | Date;
  helpful_count: number;
  reply_count: number;
  topic_visibility: string;
  helped: string[] | null;
};

const caseSelect = sql`select c.id, c.topic_id, c.author_id, u.name as author_name, u.handle as author_handle,
    (u.erased_at is not null) as author_erased, c.anonymous, c.status, c.template_version, c.title, c.context,
    c.situation, c.situation_html, c.actions_taken, c.actions_taken_html, c.outcome, c.outcome_html, c.lessons, c.lessons_html,
    c.questions, c.questions_html, c.follow_up, c.follow_up_html, c.follow_up_at, c.language, c.centre_country, c.tag_slugs,
    c.review_comment, c.published_at, c.created_at, c.updated_at, c.helpful_count, c.reply_count, t.visibility as topic_visibility,
    (select array_agg(h.post_id::text order by h.created_at) from case_helped h where h.case_id = c.id) as helped
  from cases c join users u on u.id = c.author_id join topics t on t.id = c.topic_id`;

/** Who may see a case at all: published ones everyone signed in; others their author, leads and admins. */
function mayRead(viewer: NonNullable<Actor>, row: { status: CaseStatus; author_id: string; topic_visibility: string }) {
  if (row.topic_visibility === "deleted") return false;
  if (row.topic_visibility === "hidden" && !can(viewer, { action: "content:see-hidden" })) return false;
  return row.status === "published" || row.author_id === viewer.id || isLead(viewer);
}

function authorOf(viewer: Actor, row: { author_id: string; author_name: string; author_handle: string; author_erased: boolean; anonymous: boolean }): CaseAuthor {
  if (!maySeeCaseAuthor(viewer, { authorId: row.author_id, anonymous: row.anonymous })) return null;
  if (row.author_erased) return { id: row.author_id, name: "deleted user", handle: "" };
  return { id: row.author_id, name: row.author_name, handle: row.author_handle };
}

function caseView(row: CaseRow, viewer: NonNullable<Actor>, publicUrl: string): CaseView {
  const mine = row.author_id === viewer.id;
  const lead = isLead(viewer);
  const view: CaseView = {
    id: String(row.id),
    topicId: String(row.topic_id),
    title: row.title,
    context: row.context ?? {},
    situation: row.situation,
    situationHtml: row.situation_html,
    actionsTaken: row.actions_taken,
    actionsTakenHtml: row.actions_taken_html,
    outcome: row.outcome,
    outcomeHtml: row.outcome_html,
    lessons: row.lessons,
    lessonsHtml: row.lessons_html,
    questions: row.questions,
    questionsHtml: row.questions_html,
    followUp: row.follow_up,
    followUpHtml: row.follow_up_html,
    followUpAt: iso(row.follow_up_at),
    tags: row.tag_slugs ?? [],
    language: row.language,
    anonymous: row.anonymous,
    status: row.status,
    author: authorOf(viewer, row),
    isMine: mine,
    country: row.centre_country,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    publishedAt: iso(row.published_at),
    url: publicUrl + casePath(row.id),
    helpedPostIds: row.helped ?? [],
    replyCount: row.reply_count,
    helpfulCount: row.helpful_count,
    templateVersion: row.template_version,
    can: {
      edit: mine,
      review: lead && row.status === "in-review",
      reveal: lead,
      markHelped: mine && row.status === "published",
      addFollowUp: mine && row.status === "published",
    },
  };
  if (mine || lead) view.reviewComment = row.review_comment;
  return view;
}

async function loadCase(db: Queryable, caseId: number) {
  if (!Number.isSafeInteger(caseId) || caseId < 1) return undefined;
  const [row] = await queryRows<CaseRow>(db, sql`${caseSelect} where c.id = ${caseId}`);
  return row;
}

/** A case the viewer may see, or 404 (absent and not-visible look the same). */
export async function getCase(services: Pick<Services, "db" | "config">, viewer: Actor, caseId: number): Promise<CaseView> {
  requireSignedIn(viewer);
  const row = await loadCase(services.db, caseId);
  if (!row || !mayRead(viewer, row)) throw notFound();
  return caseView(row, viewer, services.config.publicUrl);
}

/** The case whose discussion a topic is (for `/discussions/t/:id` → the case page), or null. */
export async function caseIdForTopic(db: Queryable, topicId: number): Promise<number | null> {
  if (!Number.isSafeInteger(topicId)) return null;
  const [row] = await db.select({ id: cases.id }).from(cases).where(eq(cases.topicId, topicId));
  return row ? row.id : null;
}

export { caseTopicAccess } from "./access.server";

// ---------------------------------------------------------------------------------------------------------------
// Writing

async function countryOf(db: Queryable, userId: string): Promise<string> {
  const [row] = await queryRows<{ country: string }>(db, sql`select ce.country from users u join centres ce on ce.id = u.centre_id where u.id = ${userId}`);
  return row?.country ?? "EU";
}

/**
 * Publishes a case (or stores it for a lead's review when the author acknowledges the personal-data findings), with
 * its discussion topic, in one transaction. Sensitive-category warnings never block; they come back as `warnings`.
 * From a keyed form, posting it twice creates one case.
 */
export async function createCase(
  services: CaseServices,
  viewer: AuthUser,
  input: NewCaseInput,
  options: FormKeyOption = {},
): Promise<{ case: CaseView; warnings: Finding[] }> {
  requireSignedIn(viewer);
  if (!can(viewer, { action: "topic:create" })) throw new DomainError(403, "auth.forbidden");
  const { findings, warnings } = scanInput(input);
  if (findings.length && !input.acknowledgeWarnings) throw new CaseFindingsError(findings, warnings);
  const status: CaseStatus = findings.length ? "in-review" : "published";
  const r = rendered(input);
  const { caseId, created } = await services.db.transaction(async (tx) => {
    const claim = await claimFormSubmission<{ caseId: number }>(tx, { userId: viewer.id, formKey: options.formKey, kind: "case", sent: input });
    if (claim.replay) return { caseId: claim.replay.caseId, created: false };
    await assertTagsExist(tx, input.tags);
    const country = await countryOf(tx, viewer.id);
    const [topic] = await tx
      .insert(topics)
      .values({
        categoryId: caseCategoryId,
        authorId: viewer.id,
        kind: "case",
        title: input.title,
        body: input.situation,
        bodyHtml: r.html.situationHtml,
        bodyText: "",
        language: input.language,
      })
      .returning({ id: topics.id });
    const now = new Date();
    const [row] = await tx
      .insert(cases)
      .values({
        topicId: topic.id,
        authorId: viewer.id,
        anonymous: input.anonymous,
        status,
        templateVersion: currentTemplateVersion,
        title: input.title,
        context: cleanContext(input.context),
        programme: input.context.programme ?? null,
        learnerProfile: input.context.learnerProfile ?? null,
        situation: input.situation,
        actionsTaken: input.actionsTaken,
        outcome: input.outcome,
        lessons: input.lessons,
        questions: input.questions,
        ...r.html,
        bodyText: [input.context.notes ?? "", r.text].filter(Boolean).join("\n\n"),
        language: input.language,
        centreCountry: country,
        publishedAt: status === "published" ? now : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: cases.id });
    if (input.tags.length) await tx.insert(caseTags).values(input.tags.map((tagSlug) => ({ caseId: row.id, tagSlug })));
    // The author follows replies to their case (notifications of an anonymous author's case never name them).
    await tx.insert(subscriptions).values({ userId: viewer.id, targetType: "topic", targetId: String(topic.id), level: "watching" }).onConflictDoNothing();
    await claim.record({ caseId: row.id });
    return { caseId: row.id, created: true };
  });
  if (created) forgetFacets();
  return { case: await getCase(services, viewer, caseId), warnings };
}

function cleanContext(context: CaseContext | undefined): CaseContext {
  const out: CaseContext = {};
  if (!context) return out;
  if (context.programme) out.programme = context.programme;
  if (context.week !== undefined) out.week = context.week;
  if (context.groupSize !== undefined) out.groupSize = context.groupSize;
  if (context.learnerProfile) out.learnerProfile = context.learnerProfile;
  if (context.notes) out.notes = context.notes;
  return out;
}

/**
 * The author edits (every field, same rules as creating). A case sent back or in review goes (back) to review; a
 * published one stays published unless the new text has findings (then it goes to review, if acknowledged).
 */
export async function updateCase(services: CaseServices, viewer: AuthUser, caseId: number, patch: CasePatchInput): Promise<{ case: CaseView; warnings: Finding[] }> {
  requireSignedIn(viewer);
  const warnings = await services.db.transaction(async (tx) => {
    const [current] = Number.isSafeInteger(caseId) ? await tx.select().from(cases).where(eq(cases.id, caseId)).for("update") : [];
    if (!current) throw notFound();
    const row = await loadCase(tx, caseId);
    if (!row || !mayRead(viewer, row)) throw notFound();
    if (current.authorId !== viewer.id) throw new DomainError(403, "auth.forbidden");
    const next = {
      title: patch.title ?? current.title,
      context: patch.context ? cleanContext(patch.context) : current.context,
      situation: patch.situation ?? current.situation,
      actionsTaken: patch.actionsTaken ?? current.actionsTaken,
      outcome: patch.outcome ?? current.outcome,
      lessons: patch.lessons ?? current.lessons,
      questions: patch.questions ?? current.questions,
    };
    const { findings, warnings } = scanInput(next);
    if (findings.length && !patch.acknowledgeWarnings) throw new CaseFindingsError(findings, warnings);
    if (patch.tags) await assertTagsExist(tx, patch.tags);
    const status: CaseStatus = current.status === "published" && findings.length === 0 ? "published" : "in-review";
    const r = rendered(next);
    await tx
      .update(cases)
      .set({
        ...next,
        ...r.html,
        programme: next.context.programme ?? null,
        learnerProfile: next.context.learnerProfile ?? null,
        bodyText: [next.context.notes ?? "", r.text].filter(Boolean).join("\n\n"),
        language: patch.language ?? current.language,
        anonymous: patch.anonymous ?? current.anonymous,
        status,
        publishedAt: status === "published" ? (current.publishedAt ?? new Date()) : current.publishedAt,
        updatedAt: new Date(),
      })
      .where(eq(cases.id, caseId));
    await tx
      .update(topics)
      .set({ title: next.title, body: next.situation, bodyHtml: r.html.situationHtml, language: patch.language ?? current.language, editedAt: new Date() })
      .where(eq(topics.id, current.topicId));
    if (patch.tags) {
      await tx.delete(caseTags).where(eq(caseTags.caseId, caseId));
      if (patch.tags.length) await tx.insert(caseTags).values(patch.tags.map((tagSlug) => ({ caseId, tagSlug })));
    }
    return warnings;
  });
  forgetFacets();
  return { case: await getCase(services, viewer, caseId), warnings };
}

/** Writes one notification about a case and returns its live push (sent after commit). */
async function notifyAboutCase(
  tx: Queryable,
  input: { userId: string; kind: "case-review" | "identity-reveal" | "case-follow-up"; actorId: string | null; caseId: number; topicId: number; title: string; data?: Record<string, unknown> },
): Promise<PendingPush> {
  const [n] = await tx
    .insert(notifications)
    .values({ userId: input.userId, kind: input.kind, actorId: input.actorId, topicId: input.topicId, data: { caseId: String(input.caseId), ...input.data } })
    .returning();
  const [actor] = input.actorId ? await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, input.actorId)) : [];
  return {
    userId: input.userId,
    notification: {
      id: String(n.id),
      kind: n.kind,
      read: false,
      createdAt: n.createdAt.toISOString(),
      url: `/discussions/t/${input.topicId}`,
      topicId: String(input.topicId),
      topic: { id: String(input.topicId), title: input.title },
      postId: null,
      actor: actor ? { id: actor.id, name: actor.name } : null,
    },
  };
}

/** A lead or an admin publishes a case in review, or sends it back with a comment; logged and the author told. */
export async function reviewCase(services: CaseServices, viewer: AuthUser, caseId: number, input: ReviewInput): Promise<CaseView> {
  requireSignedIn(viewer);
  if (!isLead(viewer)) throw new DomainError(403, "auth.forbidden");
  const push = await services.db.transaction(async (tx) => {
    const [current] = Number.isSafeInteger(caseId) ? await tx.select().from(cases).where(eq(cases.id, caseId)).for("update") : [];
    const row = current && (await loadCase(tx, caseId));
    if (!current || !row || !mayRead(viewer, row)) throw notFound();
    if (current.status !== "in-review") throw new DomainError(409, "cases.error.notInReview");
    const now = new Date();
    const publish = input.decision === "publish";
    await tx
      .update(cases)
      .set({
        status: publish ? "published" : "changes-requested",
        reviewComment: input.comment || (publish ? null : current.reviewComment),
        reviewedBy: viewer.id,
        reviewedAt: now,
        publishedAt: publish ? (current.publishedAt ?? now) : current.publishedAt,
        updatedAt: now,
      })
      .where(eq(cases.id, caseId));
    await recordModerationAction(tx, { actorId: viewer.id, targetType: "case", targetId: String(caseId), action: publish ? "publish" : "request-changes", reason: input.comment });
    return notifyAboutCase(tx, { userId: current.authorId, kind: "case-review", actorId: viewer.id, caseId, topicId: current.topicId, title: current.title, data: { decision: input.decision } });
  });
  forgetFacets();
  await afterCommit(services, [push]);
  return getCase(services, viewer, caseId);
}

/**
 * The only way a lead or an admin learns who wrote a case: the look is logged with its reason and the author is
 * told, in the same transaction as the answer.
 */
export async function revealIdentity(
  services: CaseServices,
  viewer: Actor,
  caseId: number,
  reason: string,
  options: FormKeyOption = {},
): Promise<{ author: { id: string; name: string; handle: string } }> {
  requireSignedIn(viewer);
  if (!isLead(viewer)) throw new DomainError(403, "auth.forbidden");
  const trimmed = reason.trim();
  if (!trimmed) throw new DomainError(422, "problem.unprocessable", { fieldErrors: { reason: ["cases.revealReasonRequired"] } });
  type Revealed = { id: string; name: string; handle: string };
  const { author, push } = await services.db.transaction(async (tx) => {
    // Posted twice, the form reveals once: one log entry, one notice to the author.
    const claim = await claimFormSubmission<Revealed>(tx, { userId: viewer.id, formKey: options.formKey, kind: "identity-reveal", sent: { caseId, reason: trimmed } });
    if (claim.replay) return { author: claim.replay, push: null };
    const row = await loadCase(tx, caseId);
    if (!row || !mayRead(viewer, row)) throw notFound();
    await recordModerationAction(tx, { actorId: viewer.id, targetType: "case", targetId: String(caseId), action: "reveal-identity", reason: trimmed });
    const push = await notifyAboutCase(tx, { userId: row.author_id, kind: "identity-reveal", actorId: viewer.id, caseId, topicId: Number(row.topic_id), title: row.title });
    const author: Revealed = { id: row.author_id, name: row.author_erased ? "deleted user" : row.author_name, handle: row.author_erased ? "" : row.author_handle };
    await claim.record(author);
    return { author, push };
  });
  if (push) await afterCommit(services, [push]);
  return { author };
}

/** The case's author marks (or unmarks) a reply in its discussion as an approach that helped. Idempotent. */
export async function setHelped(services: CaseServices, viewer: AuthUser, caseId: number, postId: number, on: boolean): Promise<CaseView> {
  requireSignedIn(viewer);
  await services.db.transaction(async (tx) => {
    const row = await loadCase(tx, caseId);
    if (!row || !mayRead(viewer, row)) throw notFound();
    if (row.author_id !== viewer.id) throw new DomainError(403, "auth.forbidden");
    if (row.status !== "published") throw new DomainError(409, "cases.error.notPublished");
    if (on) {
      const [post] = Number.isSafeInteger(postId) ? await tx.select({ topicId: posts.topicId, visibility: posts.visibility }).from(posts).where(eq(posts.id, postId)) : [];
      if (!post || post.topicId !== Number(row.topic_id) || post.visibility !== "visible") throw notFound();
      await tx.insert(caseHelped).values({ caseId, postId }).onConflictDoNothing();
    } else {
      await tx.delete(caseHelped).where(and(eq(caseHelped.caseId, caseId), eq(caseHelped.postId, postId)));
    }
  });
  return getCase(services, viewer, caseId);
}

/** The author adds (or rewrites) "what happened next" to a published case. */
export async function addFollowUp(services: CaseServices, viewer: AuthUser, caseId: number, followUp: string): Promise<CaseView> {
  requireSignedIn(viewer);
  await services.db.transaction(async (tx) => {
    const row = await loadCase(tx, caseId);
    if (!row || !mayRead(viewer, row)) throw notFound();
    if (row.author_id !== viewer.id) throw new DomainError(403, "auth.forbidden");
    if (row.status !== "published") throw new DomainError(409, "cases.error.notPublished");
    const { findings, warnings } = scanCase({ followUp });
    if (findings.length) throw new CaseFindingsError(findings, warnings);
    const r = renderMarkdown(followUp);
    await tx.update(cases).set({ followUp, followUpHtml: r.html, followUpAt: new Date(), updatedAt: new Date() }).where(eq(cases.id, caseId));
  });
  forgetFacets();
  return getCase(services, viewer, caseId);
}

/**
 * Reminds authors of cases published at least `followUpAfterDays` ago, without a follow-up and not reminded yet.
 * Each case is claimed by setting `follow_up_reminded_at` in the same statement that picks it, so two instances
 * never remind twice. Returns how many were reminded.
 */
export async function sweepFollowUpReminders(services: CaseServices, now: Date = new Date()): Promise<number> {
  const due = new Date(now.getTime() - followUpAfterDays * 86_400_000);
  const pushes = await services.db.transaction(async (tx) => {
    const claimed = await queryRows<{ id: number; author_id: string; topic_id: number; title: string }>(
      tx,
      sql`update cases set follow_up_reminded_at = ${now.toISOString()}::timestamptz
        where id in (
          select id from cases
          where status = 'published' and follow_up is null and follow_up_reminded_at is null and published_at <= ${due.toISOString()}::timestamptz
          order by published_at limit 500
          for update skip locked
        )
        returning id, author_id, topic_id, title`,
    );
    const out: PendingPush[] = [];
    for (const c of claimed) {
      out.push(await notifyAboutCase(tx, { userId: c.author_id, kind: "case-follow-up", actorId: null, caseId: Number(c.id), topicId: Number(c.topic_id), title: c.title }));
    }
    return out;
  });
  await afterCommit(services, pushes);
  return pushes.length;
}

// ---------------------------------------------------------------------------------------------------------------
// Listing, facets, related

type ListRow = {
  id: number;
  topic_id: number;
  title: string;
  excerpt: string;
  tag_slugs: string[];
  language: ContentLanguage;
  centre_country: string;
  context: CaseContext;
  anonymous: boolean;
  status: CaseStatus;
  author_id: string;
  author_name: string;
  author_handle: string;
  author_erased: boolean;
  created_at: string | Date;
  published_at: string | Date | null;
  has_follow_up: boolean;
  reply_count: number;
  helpful_count: number;
  sort_key: string;
};

const listSelect = sql`select c.id, c.topic_id, c.title, left(c.body_text, 240) as excerpt, c.tag_slugs, c.language, c.centre_country,
    c.context, c.anonymous, c.status, c.author_id, u.name as author_name, u.handle as author_handle, (u.erased_at is not null) as author_erased,
    c.created_at, c.published_at, (c.follow_up is not null) as has_follow_up, c.reply_count, c.helpful_count`;

function listItem(r: ListRow, viewer: NonNullable<Actor>, publicUrl: string): CaseListItem {
  return {
    id: String(r.id),
    topicId: String(r.topic_id),
    title: r.title,
    excerpt: r.excerpt.length >= 240 ? `${r.excerpt.slice(0, 200).trimEnd()}…` : r.excerpt,
    tags: r.tag_slugs ?? [],
    language: r.language,
    country: r.centre_country,
    context: r.context ?? {},
    anonymous: r.anonymous,
    status: r.status,
    author: authorOf(viewer, r),
    isMine: r.author_id === viewer.id,
    createdAt: iso(r.created_at)!,
    publishedAt: iso(r.published_at),
    hasFollowUp: r.has_follow_up,
    replyCount: r.reply_count,
    helpfulCount: r.helpful_count,
    url: publicUrl + casePath(r.id),
  };
}

type TagIndex = Map<string, { group: string; labels: Record<string, string> }>;

/** The taxonomy by slug, from the copy every page keeps (`tagsFor`). */
async function tagIndex(db: Queryable): Promise<TagIndex> {
  const all = await tagsFor(db, "en");
  return new Map(all.map((t) => [t.slug, { group: t.group, labels: t.labels }]));
}

type Dimension = "language" | "country" | "followUp" | `tag:${string}`;

/**
 * The conditions of a list query, one per dimension so that facets can leave their own out. Tags: "and" (the API:
 * every tag), or "facet" (the page: values of one group OR, groups AND).
 */
async function filterConditions(
  db: Queryable,
  viewer: NonNullable<Actor>,
  query: CaseListQuery,
  tagMode: "and" | "facet",
  index?: TagIndex,
): Promise<{ base: SQL[]; dims: Map<Dimension, SQL>; empty: boolean }> {
  const base: SQL[] = [sql`t.visibility = 'visible'`];
  if (query.status === "published") base.push(sql`c.status = 'published'`);
  else if (query.status === "awaiting-review") {
    if (!isLead(viewer)) throw new DomainError(403, "auth.forbidden");
    base.push(sql`c.status = 'in-review'`);
  } else base.push(sql`c.author_id = ${viewer.id}`);
  let empty = false;
  if (query.q) {
    const prepared = await prepareQuery(db, query.q, undefined);
    if (!prepared) empty = true;
    else base.push(prepared.stem ? sql`(c.search @@ ${prepared.stem} or c.search_plain @@ ${prepared.plain})` : sql`c.search_plain @@ ${prepared.plain}`);
  }
  const dims = new Map<Dimension, SQL>();
  if (query.language.length) dims.set("language", sql`c.language in (${sql.join(query.language.map((l) => sql`${l}`), sql`, `)})`);
  if (query.country.length) dims.set("country", sql`c.centre_country in (${sql.join(query.country.map((l) => sql`${l}`), sql`, `)})`);
  if (query.hasFollowUp !== undefined) dims.set("followUp", query.hasFollowUp ? sql`c.has_follow_up` : sql`not c.has_follow_up`);
  const tagArray = (list: string[]) => sql`array[${sql.join(list.map((t) => sql`${t}`), sql`, `)}]::text[]`;
  if (query.tag.length) {
    if (tagMode === "and") dims.set("tag:all", sql`c.tag_slugs @> ${tagArray(query.tag)}`);
    else {
      const idx = index ?? (await tagIndex(db));
      const byGroup = new Map<string, string[]>();
      for (const slug of query.tag) {
        const group = idx.get(slug)?.group ?? "unknown";
        byGroup.set(group, [...(byGroup.get(group) ?? []), slug]);
      }
      for (const [group, list] of byGroup) dims.set(`tag:${group}`, sql`c.tag_slugs && ${tagArray(list)}`);
    }
  }
  return { base, dims, empty };
}

const all = (conditions: SQL[]) => (conditions.length ? sql.join(conditions, sql` and `) : sql`true`);

/**
 * The library: published cases (or the leads' review queue, or my own), filtered and sorted, keyset-paginated.
 * `tagMode` "and" (the API: every tag) or "facet" (the page: OR within a tag group, AND across groups).
 */
export async function listCases(
  services: Pick<Services, "db" | "config">,
  viewer: Actor,
  query: CaseListQuery,
  options: { tagMode?: "and" | "facet" } = {},
): Promise<{ items: CaseListItem[]; nextCursor: string | null }> {
  requireSignedIn(viewer);
  const { base, dims, empty } = await filterConditions(services.db, viewer, query, options.tagMode ?? "and");
  if (empty) return { items: [], nextCursor: null };
  const conditions = [...base, ...dims.values()];
  const published = query.status === "published";
  // The review list puts first what was (re)submitted last: a case sent back and resubmitted waits again at the top,
  // however long ago it was first written (updated_at is the submission time while a case is in review).
  const sortColumn =
    query.status === "awaiting-review"
      ? sql`c.updated_at`
      : !published
        ? sql`c.created_at`
        : query.sort === "helpful"
          ? sql`c.helpful_count`
          : query.sort === "discussed"
            ? sql`c.reply_count`
            : sql`c.published_at`;
  const numeric = published && query.sort !== "recent";
  const after: SQL[] = [];
  if (query.cursor) {
    const [key, id] = decodeCursor(query.cursor, numeric);
    after.push(numeric ? sql`(${sortColumn}, c.id) < (${Number(key)}::int, ${id}::bigint)` : sql`(${sortColumn}, c.id) < (${key}::timestamptz, ${id}::bigint)`);
  }
  const take = query.limit + 1;
  const matching = [...conditions, ...after];
  const ids = published
    ? boundedLibraryPage(sortColumn, numeric, matching, after, take)
    : sql`select c.id from cases c join topics t on t.id = c.topic_id where ${all(matching)} order by ${sortColumn} desc, c.id desc limit ${take}`;
  const rows = await queryRows<ListRow>(
    services.db,
    sql`${listSelect}, ${sortColumn}::text as sort_key
      from cases c join topics t on t.id = c.topic_id join users u on u.id = c.author_id
      where c.id in (${ids})
      order by ${sortColumn} desc, c.id desc`,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => listItem(r, viewer, services.config.publicUrl)),
    nextCursor: rows.length > query.limit && last ? Buffer.from(JSON.stringify([last.sort_key, String(last.id)])).toString("base64url") : null,
  };
}

/** How many cases wait for a lead's review (leads and admins only). */
export async function reviewQueueSize(services: Pick<Services, "db">, viewer: Actor): Promise<number> {
  requireSignedIn(viewer);
  if (!isLead(viewer)) throw new DomainError(403, "auth.forbidden");
  const [row] = await queryRows<{ n: number }>(
    services.db,
    sql`select count(*)::int as n from cases c join topics t on t.id = c.topic_id where c.status = 'in-review' and t.visibility = 'visible'`,
  );
  return row?.n ?? 0;
}

/** Published cases walked in sort order before deciding that the filters are narrow. */
const libraryWindow = 200;

/**
 * The ids of one page of the published library, whichever plan the filters call for, in one statement (as search's
 * `boundedCandidates`): walking the sort index finds a page at once when the filters match many cases, but reads the
 * whole library when they match few (Spanish cases with a follow-up). So the walk stops after `libraryWindow` cases;
 * only when it found less than a page do the filters' own indexes find every match, sorted on an expression the
 * sort index cannot serve (`+ 0`), which keeps the planner off the walk.
 */
function boundedLibraryPage(sortColumn: SQL, numeric: boolean, matching: SQL[], after: SQL[], take: number): SQL {
  const unindexed = numeric ? sql`${sortColumn} + 0` : sql`${sortColumn} + interval '0 s'`;
  return sql`with walked as materialized (
      select c.id from (
        select c.id, c.topic_id, c.status, c.language, c.centre_country, c.has_follow_up, c.tag_slugs, c.search, c.search_plain,
          c.published_at, c.helpful_count, c.reply_count
        from cases c where c.status = 'published' and ${all(after)} order by ${sortColumn} desc, c.id desc limit ${libraryWindow}
      ) c join topics t on t.id = c.topic_id
      where ${all(matching)}
      order by ${sortColumn} desc, c.id desc limit ${take}
    )
    select id from walked where (select count(*) from walked) >= ${take}
    union all
    select id from (
      select c.id from cases c join topics t on t.id = c.topic_id where ${all(matching)}
      order by ${unindexed} desc, c.id + 0 desc limit ${take}
    ) narrow where (select count(*) from walked) < ${take}`;
}

function decodeCursor(cursor: string, numeric: boolean): [string, string] {
  const decoded = decodeCaseCursor(cursor, numeric);
  if (!decoded) throw badCursor();
  return decoded;
}

/**
 * Counts per facet value for the current filters, standard faceting: each dimension's counts apply every other
 * dimension's filter but its own (values of one tag group OR, groups AND). One query over the matching cases.
 */
export async function caseFacets(services: Pick<Services, "db" | "config">, viewer: Actor, query: CaseListQuery, locale: Locale): Promise<CaseFacets> {
  requireSignedIn(viewer);
  // The published library's counts are the same for everyone: kept a few seconds (this instance's writes clear them).
  const key = query.status === "published" ? JSON.stringify([locale, [...query.tag].sort(), query.language, query.country, query.hasFollowUp, query.q]) : null;
  if (!key) return computeFacets(services, viewer, query, locale);
  const now = Date.now();
  const entry = facetCache.get(key);
  if (entry?.facets && entry.until > now) return entry.facets;
  // Counts just out of date are served while one request refreshes them: when they expire under load, the requests
  // that arrive during the refresh would otherwise each count the whole library again.
  if (entry?.facets && entry.until + facetCacheMs > now) {
    if (!entry.pending) refreshFacets(key, entry, () => computeFacets(services, viewer, query, locale)).catch(() => undefined);
    return entry.facets;
  }
  if (entry?.pending) return entry.pending;
  if (facetCache.size > 500) facetCache.clear();
  const fresh: FacetEntry = { until: 0, facets: null };
  facetCache.set(key, fresh);
  return refreshFacets(key, fresh, () => computeFacets(services, viewer, query, locale));
}

/**
 * How long facet counts are reused. Counts (never the items) may lag behind another instance's writes by this much,
 * and by as much again while a refresh runs (see `caseFacets`).
 */
const facetCacheMs = 5_000;
type FacetEntry = { until: number; facets: CaseFacets | null; pending?: Promise<CaseFacets> };
const facetCache = new Map<string, FacetEntry>();
/** Bumped by every clear, so that a count begun before a write is not kept after it. */
let facetGeneration = 0;

function refreshFacets(key: string, entry: FacetEntry, compute: () => Promise<CaseFacets>): Promise<CaseFacets> {
  const generation = facetGeneration;
  entry.pending = compute()
    .then((facets) => {
      if (generation === facetGeneration && facetCache.get(key) === entry) Object.assign(entry, { facets, until: Date.now() + facetCacheMs });
      return facets;
    })
    .finally(() => {
      entry.pending = undefined;
      if (!entry.facets && facetCache.get(key) === entry) facetCache.delete(key);
    });
  return entry.pending;
}

/** Called by every write that changes what the facets count. */
export const forgetFacets = () => {
  facetGeneration++;
  facetCache.clear();
};

async function computeFacets(services: Pick<Services, "db" | "config">, viewer: NonNullable<Actor>, query: CaseListQuery, locale: Locale): Promise<CaseFacets> {
  const index = await tagIndex(services.db);
  const { base, dims, empty } = await filterConditions(services.db, viewer, query, "facet", index);
  const selectedTags = new Set(query.tag);
  const emptyFacets = (): CaseFacets => ({ total: 0, tagGroups: [], languages: [], countries: [], hasFollowUp: [] });
  if (empty) return emptyFacets();
  const dimEntries = [...dims.entries()];
  const flag = (i: number) => sql.raw(`m${i}`);
  const allBut = (except: Dimension | null) => {
    const parts = dimEntries.map(([d], i) => (d === except ? null : flag(i))).filter((p): p is SQL => p !== null);
    return parts.length ? sql.join(parts, sql` and `) : sql`true`;
  };
  const groupsSelected = dimEntries.map(([d], i) => [d, i] as const).filter(([d]) => d.startsWith("tag:"));
  // A tag's count leaves out its own group's filter (the group of each tag is known here: no join).
  const slugsOf = (group: string) => [...index.entries()].filter(([, t]) => t.group === group).map(([slug]) => slug);
  const tagCondition = groupsSelected.length
    ? sql`case ${sql.join(
        groupsSelected.map(([d]) => sql`when x.slug = any(array[${sql.join(slugsOf(d.slice(4)).map((t) => sql`${t}`), sql`, `)}]::text[]) then ${allBut(d)}`),
        sql` `,
      )} else ${allBut(null)} end`
    : allBut(null);
  // The facets read the narrow cases_facets_idx (index-only); hidden discussions are excluded through their small index.
  const facetBase = base.map((condition) => (condition === base[0] ? sql`not (c.topic_id = any(array(select id from topics where visibility <> 'visible')))` : condition));
  const rows = await queryRows<{ facet: string; value: string | null; n: number }>(
    services.db,
    sql`with base as materialized (
        select c.tag_slugs, c.language, c.centre_country, c.has_follow_up as fu
          ${dimEntries.length ? sql`, ${sql.join(dimEntries.map(([, cond], i) => sql`(${cond}) as ${flag(i)}`), sql`, `)}` : sql``}
        from cases c
        where ${all(facetBase)}
      )
      select 'total' as facet, null as value, count(*) filter (where ${allBut(null)})::int as n from base
      union all
      select 'language', language, count(*) filter (where ${allBut("language")})::int from base group by language
      union all
      select 'country', centre_country, count(*) filter (where ${allBut("country")})::int from base group by centre_country
      union all
      select 'followUp', fu::text, count(*) filter (where ${allBut("followUp")})::int from base group by fu
      union all
      select 'tag', x.slug, count(*)::int from base b cross join lateral unnest(b.tag_slugs) x(slug)
        where ${tagCondition}
        group by x.slug`,
  );
  const facetOf = (name: string, selected: (v: string) => boolean): FacetValue[] =>
    rows
      .filter((r) => r.facet === name && r.value !== null && (r.n > 0 || selected(r.value)))
      .map((r) => ({ value: r.value!, count: r.n, selected: selected(r.value!) }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  const tagCounts = new Map(rows.filter((r) => r.facet === "tag").map((r) => [r.value!, r.n]));
  const groups = [...new Set([...facetTagGroups, ...[...index.values()].map((t) => t.group)])];
  const tagGroups = groups
    .map((group) => ({
      group,
      values: [...index.entries()]
        .filter(([slug, t]) => t.group === group && ((tagCounts.get(slug) ?? 0) > 0 || selectedTags.has(slug)))
        .map(([slug, t]) => ({ value: slug, label: tagLabel(t.labels, locale), count: tagCounts.get(slug) ?? 0, selected: selectedTags.has(slug) }))
        .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
    }))
    .filter((g) => g.values.length > 0);
  const followUp = facetOf("followUp", (v) => query.hasFollowUp !== undefined && String(query.hasFollowUp) === v);
  return {
    total: rows.find((r) => r.facet === "total")?.n ?? 0,
    tagGroups,
    languages: facetOf("language", (v) => (query.language as string[]).includes(v)),
    countries: facetOf("country", (v) => query.country.includes(v)),
    hasFollowUp: followUp,
  };
}

/**
 * Up to five published cases like this one: shared tags (each weighs 1) plus text similarity (ts_rank of this case's
 * title words against theirs, weighted ×4), never itself nor anything the viewer may not see.
 */
export async function relatedCases(services: Pick<Services, "db" | "config">, viewer: Actor, caseId: number): Promise<CaseListItem[]> {
  const current = await getCase(services, viewer, caseId);
  requireSignedIn(viewer);
  const rows = await queryRows<ListRow>(
    services.db,
    sql`with me as (select id, tag_slugs, language, title, plainto_tsquery(dc_ts_config(language), title) as tq from cases where id = ${caseId}),
      words as (select coalesce(nullif(replace(me.tq::text, ' & ', ' | '), ''), '') as q from me)
      ${listSelect}, '' as sort_key
      from cases c join topics t on t.id = c.topic_id join users u on u.id = c.author_id, me, words
      where c.id <> me.id and c.status = 'published' and t.visibility = 'visible'
        and (c.tag_slugs && me.tag_slugs or (words.q <> '' and c.search @@ words.q::tsquery))
      order by (cardinality(array(select unnest(c.tag_slugs) intersect select unnest(me.tag_slugs)))
        + 4 * (case when words.q <> '' then ts_rank(c.search, words.q::tsquery) else 0 end)) desc, c.published_at desc, c.id desc
      limit 5`,
  );
  void current;
  return rows.map((r) => listItem(r, viewer, services.config.publicUrl));
}

/** Up to five visible discussions sharing this case's tags or its title's words. */
export async function relatedDiscussions(services: Pick<Services, "db" | "config">, viewer: Actor, caseId: number): Promise<RelatedDiscussion[]> {
  await getCase(services, viewer, caseId);
  const rows = await queryRows<{ id: number; title: string; reply_count: number }>(
    services.db,
    sql`with me as (select tag_slugs, coalesce(nullif(replace(plainto_tsquery(dc_ts_config(language), title)::text, ' & ', ' | '), ''), '') as q from cases where id = ${caseId})
      select t.id, t.title, t.reply_count from topics t, me
      where t.kind = 'discussion' and t.visibility = 'visible'
        and (exists (select 1 from topic_tags tt where tt.topic_id = t.id and tt.tag_slug = any(me.tag_slugs))
          or (me.q <> '' and t.search @@ me.q::tsquery))
      order by ((select count(*) from topic_tags tt where tt.topic_id = t.id and tt.tag_slug = any(me.tag_slugs))
        + 4 * (case when me.q <> '' then ts_rank(t.search, me.q::tsquery) else 0 end)) desc, t.last_posted_at desc
      limit 5`,
  );
  return rows.map((r) => ({ id: String(r.id), title: r.title, url: services.config.publicUrl + `/discussions/t/${r.id}`, replyCount: r.reply_count }));
}
