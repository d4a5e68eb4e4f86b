import { data, redirect, type ActionFunctionArgs, type AppLoadContext, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { CaseRows, type CaseRow } from "~/components/case-list";
import { CaseByline, CaseContextFacts, CaseSections, CaseTags, shownCase } from "~/components/case-view";
import { SensitiveTopicWarnings } from "~/components/case-form";
import { findingErrors, scannedFieldsOf, shownWarnings } from "~/modules/cases/form-values";
import { scanCase } from "~/modules/cases/personal-data";
import { Page } from "~/components/layout";
import { markdownSummary } from "~/modules/discussions/markdown";
import { FormKeyInput, SubmitButton, TextAreaField } from "~/components/forms";
import { MarkdownEditor } from "~/components/markdown-editor";
import { PostTree, permalink, slimPost, TopicReplyForm, type TreeContext, type TreePost } from "~/components/post-tree";
import { AuthorName, FollowForm, useThreadUi } from "~/components/thread-ui";
import type { AuthUser } from "~/modules/accounts/auth.server";
import {
  addFollowUp,
  CaseFindingsError,
  getCase,
  relatedCases,
  relatedDiscussions,
  reviewCase,
  revealIdentity,
  setHelped,
  type CaseListItem,
} from "~/modules/cases/cases.server";
import { casePageQuerySchema, followUpSchema, revealQuerySchema, reviewSchema } from "~/modules/cases/schemas";
import { idSchema } from "~/modules/discussions/schemas";
import { fitPage, handleThreadAction, tagsFor } from "~/modules/discussions/thread-pages.server";
import { getPost, getTopicPage, locatePost } from "~/modules/discussions/topics.server";
import { notFoundResponse, readQuery, requireUser, translatorFor } from "~/modules/platform/context.server";
import { DomainError } from "~/modules/platform/errors";
import { formKeyOf } from "~/modules/platform/form-keys";
import { newFormKey, renewedFormKey } from "~/modules/platform/form-submissions.server";
import { parseWith, translateFieldErrors, type FieldErrors } from "~/modules/platform/validation";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.case.title} — Digital Compass` : "Digital Compass" }];

const caseIdOf = (raw: string | undefined) => {
  const parsed = idSchema.safeParse(raw ?? "");
  if (!parsed.success) throw notFoundResponse();
  return parsed.data;
};

const notFoundOn = (error: unknown): never => {
  if (error instanceof DomainError && (error.status === 404 || error.status === 400)) throw notFoundResponse();
  throw error;
};

const rowOf = (c: CaseListItem): CaseRow => ({
  id: c.id,
  title: c.title,
  excerpt: "",
  tags: c.tags,
  language: c.language,
  country: c.country,
  status: c.status,
  author: c.author ? { name: c.author.name, handle: c.author.handle } : null,
  anonymous: c.anonymous,
  isMine: c.isMine,
  date: c.publishedAt ?? c.createdAt,
  hasFollowUp: c.hasFollowUp,
  replyCount: c.replyCount,
  helpfulCount: c.helpfulCount,
});

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const caseId = caseIdOf(params.id);
  const services = context.services;
  const kase = await getCase(services, user, caseId).catch(notFoundOn);
  const query = readQuery(context, request, casePageQuerySchema);
  const topicId = Number(kase.topicId);
  const published = kase.status === "published";

  // A permalink to a reply opens the page of the discussion that shows it (or its "continue this thread" page).
  let cursor = query.cursor ?? null;
  let target: string | null = null;
  if (query.post !== undefined && published) {
    const postParam = String(query.post);
    const place = await locatePost(services.db, user, query.post).catch(() => null);
    if (place && place.topicId === topicId) {
      if (place.threadAnchor) throw redirect(`/discussions/thread/${place.threadAnchor}?post=${postParam}#post-${postParam}`);
      cursor = place.cursor;
      target = postParam;
    }
  }

  const [page, tags, related, discussions] = await Promise.all([
    published ? getTopicPage(services, user, topicId, { cursor }).catch(notFoundOn) : Promise.resolve(null),
    tagsFor(services.db, context.locale),
    published ? relatedCases(services, user, caseId) : Promise.resolve([]),
    published ? relatedDiscussions(services, user, caseId) : Promise.resolve([]),
  ]);
  const fitted = page ? fitPage(page.posts, { target }) : null;
  const posts = fitted?.posts ?? [];
  if (page) services.activity.recordVisit(user.id, topicId, posts);

  // The approaches that helped: from this page's replies, else read one by one (there are few).
  const onPage = new Map(posts.map((p) => [p.id, p]));
  const helped = (
    await Promise.all(
      kase.helpedPostIds.slice(0, 20).map(async (id) => onPage.get(id) ?? (await getPost(services, user, Number(id)).catch(() => null))),
    )
  )
    .filter((p): p is NonNullable<typeof p> => Boolean(p && !p.deleted && !p.hidden))
    .map((p) => ({ id: p.id, author: p.author ? { name: p.author.name, handle: p.author.handle } : null, createdAt: p.createdAt, summary: markdownSummary(p.body, 240) }));

  const tagLabel = new Map(tags.map((x) => [x.slug, x.label]));
  return {
    case: shownCase(kase, tagLabel),
    topicId: kase.topicId,
    reviewComment: kase.reviewComment ?? null,
    followUp: kase.can.addFollowUp ? (kase.followUp ?? "") : null,
    can: kase.can,
    helpedPostIds: kase.helpedPostIds,
    helped,
    discussion: page
      ? {
          locked: page.topic.locked,
          hidden: page.topic.visibility === "hidden",
          posts: posts.map((p) => slimPost(p, context.pageHtml)),
          nextCursor: fitted?.cut ? fitted.lastRootId : page.nextCursor,
          onFirstPage: !cursor && !fitted?.startsLater,
          level: page?.subscription ?? null,
        }
      : null,
    related: related.map(rowOf),
    discussions: discussions.map((d) => ({ id: d.id, title: d.title, replyCount: d.replyCount })),
    tagLabels: Object.fromEntries(tagLabel) as Record<string, string>,
    viewer: { id: user.id, role: user.role, centreId: user.centreId },
    sent: Boolean(query.sent) && kase.isMine && kase.status === "in-review",
    // Its author is reminded of the sensitive topics the case mentions, however it was published.
    warnings: kase.isMine ? shownWarnings(translatorFor(context), scanCase(scannedFieldsOf(kase)).warnings) : [],
    // The discussion's reply forms' key: new at each render, so the next reply after a success is a new one.
    formKey: newFormKey(),
  };
}

export type CaseActionData = {
  intent: string;
  postId?: string;
  parentId?: string;
  body?: string;
  reason?: string;
  comment?: string;
  followUp?: string;
  errors?: FieldErrors;
  formError?: string;
  ok?: boolean;
  /** A failed reply's new key. */
  formKey?: string;
  /** The answer to an identity reveal: a name and a handle, never an id. */
  revealed?: { name: string; handle: string };
};

function backTo(request: Request, anchor: string) {
  const url = new URL(request.url);
  return `${url.pathname.replace(/\.data$/, "")}#${anchor}`;
}

async function caseAction(context: AppLoadContext, request: Request, user: AuthUser, caseId: number, form: FormData) {
  const t = translatorFor(context);
  const services = context.services;
  const intent = String(form.get("intent") ?? "");
  const fail = (error: unknown, echo: Omit<CaseActionData, "intent">) => {
    if (!(error instanceof DomainError)) throw error;
    if (error.status === 403) throw new Response("Forbidden", { status: 403 });
    if (error.status === 404) throw notFoundResponse();
    const errors = error instanceof CaseFindingsError ? findingErrors(t, error.findings) : translateFieldErrors(error.options.fieldErrors, t);
    return data<CaseActionData>({ intent, ...echo, errors, formError: t(error.messageKey, error.options.params) }, { status: error.status });
  };
  const bad = () => data<CaseActionData>({ intent, formError: t("cases.page.badRequest") }, { status: 400 });

  switch (intent) {
    case "helped": {
      const postId = idSchema.safeParse(String(form.get("postId") ?? ""));
      const on = String(form.get("on") ?? "");
      if (!postId.success || (on !== "1" && on !== "0")) return bad();
      try {
        await setHelped(services, user, caseId, postId.data, on === "1");
      } catch (error) {
        return fail(error, { postId: String(postId.data) });
      }
      return redirect(backTo(request, `post-${postId.data}`));
    }
    case "follow-up": {
      const followUp = String(form.get("followUp") ?? "");
      const parsed = parseWith(followUpSchema, { followUp }, t);
      if (!parsed.ok) return data<CaseActionData>({ intent, followUp, errors: parsed.errors }, { status: 422 });
      try {
        await addFollowUp(services, user, caseId, parsed.data.followUp);
      } catch (error) {
        return fail(error, { followUp });
      }
      return redirect(backTo(request, "case-followUp"));
    }
    case "review": {
      const comment = String(form.get("comment") ?? "");
      const parsed = parseWith(reviewSchema, { decision: String(form.get("decision") ?? ""), comment }, t);
      if (!parsed.ok) return data<CaseActionData>({ intent, comment, errors: parsed.errors }, { status: 422 });
      try {
        await reviewCase(services, user, caseId, parsed.data);
      } catch (error) {
        return fail(error, { comment });
      }
      return redirect(backTo(request, "top"));
    }
    case "reveal": {
      const reason = String(form.get("reason") ?? "");
      const parsed = parseWith(revealQuerySchema, { reason }, t);
      if (!parsed.ok) return data<CaseActionData>({ intent, reason, errors: parsed.errors }, { status: 422 });
      try {
        const { author } = await revealIdentity(services, user, caseId, parsed.data.reason, { formKey: formKeyOf(form) });
        return data<CaseActionData>({ intent, ok: true, revealed: { name: author.name, handle: author.handle } });
      } catch (error) {
        return fail(error, { reason, ...renewedFormKey() });
      }
    }
    default:
      return bad();
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const caseId = caseIdOf(params.id);
  // The discussion's own actions (reply, react, delete, follow) go to the topics machinery, which reads the form itself.
  const form = await request.clone().formData();
  const intent = String(form.get("intent") ?? "");
  if (intent === "reply" || intent === "react" || intent === "delete" || intent === "subscribe") {
    const kase = await getCase(context.services, user, caseId).catch(notFoundOn);
    return handleThreadAction(context, request, user, Number(kase.topicId));
  }
  return caseAction(context, request, user, caseId, form);
}

function HelpedButton({ postId, on }: { postId: string; on: boolean }) {
  const { t } = useThreadUi();
  return (
    <Form method="post" preventScrollReset className="helped-form">
      <input type="hidden" name="intent" value="helped" />
      <input type="hidden" name="postId" value={postId} />
      <button type="submit" name="on" value={on ? "0" : "1"} className="link-button post-action" aria-pressed={on}>
        {on ? t("cases.helped.unmark") : t("cases.helped.mark")}
      </button>
    </Form>
  );
}

export default function CasePage() {
  const { case: c, topicId, reviewComment, followUp, can, helpedPostIds, helped, discussion, related, discussions, tagLabels, viewer, sent, warnings, formKey } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as CaseActionData | undefined;
  const { t, format } = useThreadUi();
  const [searchParams] = useSearchParams();
  const anonymousLabel = t("cases.discussion.anonymousAuthor");
  const ctx: TreeContext = {
    topicId,
    viewer,
    topicAuthorId: null, // no single accepted answer on a case: the author marks the approaches that helped
    acceptedPostId: null,
    locked: Boolean(discussion?.locked || discussion?.hidden),
    firstUnread: null,
    headingLevel: 3,
    action: result,
    formKey: result?.formKey ?? formKey,
    replyTo: searchParams.get("reply"),
    pageQuery: searchParams.toString(),
    pagePath: `/cases/${c.id}`,
    anonymousAuthor: anonymousLabel,
    highlighted: helpedPostIds,
    renderExtra: (post: TreePost) => {
      const isHelped = helpedPostIds.includes(post.id);
      const own = post.author?.id === viewer.id;
      return (
        <>
          {isHelped ? <span className="badge badge-helped">{t("cases.helped.badge")}</span> : null}
          {can.markHelped && !own && !post.hidden ? <HelpedButton postId={post.id} on={isHelped} /> : null}
        </>
      );
    },
  };
  const topLevelReply = result?.intent === "reply" && !result.parentId ? result : undefined;
  const review = result?.intent === "review" ? result : undefined;
  const reveal = result?.intent === "reveal" ? result : undefined;
  const follow = result?.intent === "follow-up" ? result : undefined;
  const otherError = result?.formError && !["reply", "review", "reveal", "follow-up"].includes(result.intent) ? result.formError : null;

  return (
    <>
      <nav className="breadcrumb" aria-label={t("cases.page.breadcrumb")}>
        <ol>
          <li>
            <Link to="/cases">{t("cases.list.title")}</Link>
          </li>
        </ol>
      </nav>
      <Page title={c.title}>
        <div id="top" />
        {sent ? (
          <p className="alert alert-ok" role="status">
            {t("cases.form.sent")}
          </p>
        ) : null}
        <SensitiveTopicWarnings warnings={warnings} />
        {c.status === "in-review" ? <p className="alert alert-info">{t("cases.page.inReview")}</p> : null}
        {c.status === "changes-requested" ? (
          <div className="alert alert-error">
            <p>
              <strong>{t("cases.page.changesRequested")}</strong> {c.isMine ? t("cases.page.changesRequestedMine") : null}
            </p>
          </div>
        ) : null}
        {reviewComment && c.status !== "published" ? (
          <section className="card case-review-comment" aria-labelledby="review-comment-title">
            <h2 id="review-comment-title">{t("cases.page.reviewComment")}</h2>
            <blockquote>{reviewComment}</blockquote>
          </section>
        ) : null}
        {otherError ? (
          <p className="alert alert-error" role="alert">
            {otherError}
          </p>
        ) : null}

        <div className="case-page">
          <div className="case-main">
            <CaseByline c={c} />
            <p className="case-tools">
              <Link to={`/cases/${c.id}/print`}>{t("cases.page.print")}</Link>
              {can.edit ? <Link to={`/cases/${c.id}/edit`}>{t("cases.page.edit")}</Link> : null}
              {c.status === "published" ? <span className="muted">{t("cases.page.counts", { replies: c.replyCount, helpful: c.helpfulCount })}</span> : null}
            </p>

            <article className="card case-sheet" aria-label={c.title}>
              <CaseContextFacts c={c} />
              <CaseSections c={c} />
              <CaseTags c={c} />
            </article>

            {c.status === "published" ? (
              <section className="card case-helped" aria-labelledby="helped-title" id="helped">
                <h2 id="helped-title">{t("cases.helped.title")}</h2>
                {helped.length ? (
                  <ol>
                    {helped.map((h) => (
                      <li key={h.id}>
                        <p className="muted">
                          {h.author ? <AuthorName author={h.author} /> : <span className="anonymous-author">{anonymousLabel}</span>} ·{" "}
                          <time dateTime={h.createdAt}>{format.date(h.createdAt)}</time>
                        </p>
                        <blockquote lang={c.language}>{h.summary}</blockquote>
                        <a href={permalink(topicId, h.id)}>{t("cases.helped.see")}</a>
                      </li>
                    ))}
                  </ol>
                ) : (
                  <p className="muted">{can.markHelped ? t("cases.helped.noneMine") : t("cases.helped.none")}</p>
                )}
              </section>
            ) : null}

            {followUp !== null ? (
              <details className="card follow-up-box case-follow-up-edit" id="follow-up" open={!c.followUpHtml || follow ? true : undefined}>
                <summary>{c.followUpHtml ? t("cases.followUp.edit") : t("cases.followUp.add")}</summary>
                {!c.followUpHtml ? <p>{t("cases.followUp.invite")}</p> : null}
                {follow?.formError ? (
                  <p className="alert alert-error" role="alert">
                    {follow.formError}
                  </p>
                ) : null}
                <Form method="post" preventScrollReset>
                  <input type="hidden" name="intent" value="follow-up" />
                  <MarkdownEditor
                    name="followUp"
                    label={t("cases.followUp.label")}
                    hint={t("cases.followUp.hint")}
                    defaultValue={follow?.followUp ?? followUp}
                    errors={follow?.errors?.followUp}
                    draftKey={`dc-draft:case-follow-up:${c.id}`}
                    rows={5}
                    required
                  />
                  <button type="submit" className="button">
                    {t("cases.followUp.submit")}
                  </button>
                </Form>
              </details>
            ) : null}

            {discussion ? (
              <section className="case-discussion replies" aria-labelledby="replies-title">
                <h2 id="replies-title">{t("cases.discussion.title")}</h2>
                <p className="muted">{t("cases.discussion.intro")}</p>
                {!discussion.onFirstPage ? (
                  <p>
                    <Link to={`/cases/${c.id}`}>{t("cases.discussion.first")}</Link>
                  </p>
                ) : null}
                {discussion.posts.length ? <PostTree posts={discussion.posts} ctx={ctx} /> : <p className="empty">{t("cases.discussion.none")}</p>}
                {discussion.nextCursor ? (
                  <p className="pager">
                    <Link to={`/cases/${c.id}?cursor=${discussion.nextCursor}`} rel="next" className="button button-secondary">
                      {t("cases.discussion.more")}
                    </Link>
                  </p>
                ) : null}
                {!ctx.locked ? (
                  <section aria-labelledby="reply-title" className="topic-reply card" id="reply">
                    <h3 id="reply-title">{t("cases.discussion.replyTitle")}</h3>
                    {topLevelReply?.formError ? (
                      <p className="alert alert-error" role="alert">
                        {topLevelReply.formError}
                      </p>
                    ) : null}
                    <TopicReplyForm
                      topicId={topicId}
                      label={t("cases.discussion.replyLabel")}
                      submitLabel={t("cases.discussion.replySubmit")}
                      pendingLabel={t("thread.topic.replySending")}
                      echo={topLevelReply}
                      formKey={ctx.formKey}
                    />
                  </section>
                ) : (
                  <p className="muted">{t("thread.topic.lockedNoReply")}</p>
                )}
              </section>
            ) : (
              <p className="muted">{t("cases.discussion.notOpen")}</p>
            )}
          </div>

          <aside className="case-aside">
            {can.review && c.status === "in-review" ? (
              <section className="card case-lead-box" aria-labelledby="review-title" id="review">
                <h2 id="review-title">{t("cases.review.title")}</h2>
                <p className="hint">{t("cases.review.intro")}</p>
                {review?.formError ? (
                  <p className="alert alert-error" role="alert">
                    {review.formError}
                  </p>
                ) : null}
                <Form method="post" preventScrollReset>
                  <input type="hidden" name="intent" value="review" />
                  <TextAreaField
                    name="comment"
                    label={t("cases.review.comment")}
                    hint={t("cases.review.commentHint")}
                    errors={review?.errors?.comment}
                    rows={4}
                    maxLength={5000}
                    defaultValue={review?.comment}
                  />
                  <div className="actions">
                    <button type="submit" name="decision" value="publish" className="button button-small">
                      {t("cases.review.publish")}
                    </button>
                    <button type="submit" name="decision" value="request-changes" className="button button-secondary button-small">
                      {t("cases.review.requestChanges")}
                    </button>
                  </div>
                </Form>
              </section>
            ) : null}

            {can.reveal && c.anonymous && !c.isMine ? (
              <details className="card case-lead-box" id="reveal" open={reveal ? true : undefined}>
                <summary>{t("cases.reveal.title")}</summary>
                <p className="hint">{t("cases.reveal.warning")}</p>
                {reveal?.revealed ? (
                  <div className="alert alert-info case-reveal-result" role="status">
                    <p>
                      {t("cases.reveal.result")} <AuthorName author={reveal.revealed} />
                    </p>
                    <p>{t("cases.reveal.logged")}</p>
                  </div>
                ) : (
                  <Form method="post" preventScrollReset>
                    <input type="hidden" name="intent" value="reveal" />
                    <FormKeyInput value={ctx.formKey} />
                    {reveal?.formError && !reveal.errors?.reason ? (
                      <p className="alert alert-error" role="alert">
                        {reveal.formError}
                      </p>
                    ) : null}
                    <TextAreaField
                      name="reason"
                      label={t("cases.reveal.reason")}
                      hint={t("cases.reveal.reasonHint")}
                      errors={reveal?.errors?.reason}
                      rows={3}
                      required
                      maxLength={1000}
                      defaultValue={reveal?.reason}
                    />
                    <SubmitButton className="button button-danger button-small">{t("cases.reveal.submit")}</SubmitButton>
                  </Form>
                )}
              </details>
            ) : null}

            {discussion ? (
              <section className="card" aria-label={t("thread.follow.topicLabel")}>
                <FollowForm target="topic" level={discussion.level} name={c.title} />
              </section>
            ) : null}

            {c.status === "published" ? (
              <>
                <section className="card" aria-labelledby="related-cases-title">
                  <h2 id="related-cases-title">{t("cases.related.cases")}</h2>
                  {related.length ? <CaseRows items={related} tagLabels={tagLabels} headingLevel={3} compact /> : <p className="muted">{t("cases.related.none")}</p>}
                </section>
                <section className="card" aria-labelledby="related-discussions-title">
                  <h2 id="related-discussions-title">{t("cases.related.discussions")}</h2>
                  {discussions.length ? (
                    <ul className="related-list">
                      {discussions.map((d) => (
                        <li key={d.id}>
                          <Link to={`/discussions/t/${d.id}`}>{d.title}</Link>
                          <span className="muted">{t("cases.row.replies", { count: d.replyCount })}</span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="muted">{t("cases.related.none")}</p>
                  )}
                </section>
              </>
            ) : null}
          </aside>
        </div>
      </Page>
    </>
  );
}
