import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { can } from "~/modules/accounts/permissions";
import { caseCategoryId, caseIdForTopic } from "~/modules/cases/cases.server";
import { idSchema, topicPageQuerySchema } from "~/modules/discussions/schemas";
import { listCategories } from "~/modules/discussions/taxonomy.server";
import { getPost, getTopicPage, locatePost, postPath, topicPath } from "~/modules/discussions/topics.server";
import { fitPage, handleThreadAction, tagsFor, type ThreadActionData } from "~/modules/discussions/thread-pages.server";
import { notFoundResponse, readQuery, requireUser } from "~/modules/platform/context.server";
import { DomainError } from "~/modules/platform/errors";
import { newFormKey } from "~/modules/platform/form-submissions.server";
import { PostTree, permalink, slimPost, TopicReplyForm, type TreeContext } from "~/components/post-tree";
import { AuthorName, FollowForm, listHref, useThreadUi } from "~/components/thread-ui";
import { Page } from "~/components/layout";
import { HtmlBlock, sentOnce } from "~/components/page-html";
import { markdownSummary } from "~/modules/discussions/markdown";
import { TextField } from "~/components/forms";
import { languageName } from "~/i18n";
import { useLocale } from "~/i18n/react";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.topic.title} — Digital Compass` : "Digital Compass" }];

const topicBodyId = "topic-body";

const topicIdOf = (raw: string | undefined) => {
  const parsed = idSchema.safeParse(raw ?? "");
  if (!parsed.success) throw notFoundResponse();
  return parsed.data;
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const topicId = topicIdOf(params.id);
  const query = readQuery(context, request, topicPageQuerySchema);
  const services = context.services;
  const notFound = (error: unknown) => {
    if (error instanceof DomainError && (error.status === 404 || error.status === 400)) throw notFoundResponse();
    throw error;
  };

  // A permalink opens the page of the thread that shows the post, or the "continue this thread" page.
  let cursor = query.cursor ?? null;
  let target: string | null = null;
  if (query.post !== undefined) {
    const postParam = String(query.post);
    const place = await locatePost(services.db, user, query.post).catch(notFound);
    if (place && place.topicId !== topicId) throw redirect(postPath(place.topicId, postParam));
    if (place?.threadAnchor) throw redirect(`/discussions/thread/${place.threadAnchor}?post=${postParam}#post-${postParam}`);
    if (place) {
      cursor = place.cursor;
      target = postParam;
    }
  }

  const page = await getTopicPage(services, user, topicId, { cursor }).catch(notFound);
  if (!page) throw notFoundResponse();
  const { topic } = page;

  // A case's discussion lives on the case's page.
  if (topic.categoryId === caseCategoryId) {
    const caseId = await caseIdForTopic(services.db, topicId);
    if (caseId !== null) throw redirect(target ? `/cases/${caseId}?post=${target}#post-${target}` : `/cases/${caseId}`);
  }

  // "Jump to the first unread reply" from the list.
  if (query.unread) {
    throw redirect(page.firstUnreadPostId ? postPath(topicId, page.firstUnreadPostId) : topicPath(topicId));
  }

  // However long the posts, the page stays light: what does not fit goes to "more replies" or "continue this thread".
  const fitted = fitPage(page.posts, { target });
  const posts = fitted.posts;
  const nextCursor = fitted.cut ? fitted.lastRootId : page.nextCursor;
  const acceptedOnPage = topic.acceptedPostId ? page.posts.find((p) => p.id === topic.acceptedPostId) : undefined;
  const level = page.subscription;
  const [categories, tags, acceptedPost] = await Promise.all([
    listCategories(services.db, context.locale),
    tagsFor(services.db, context.locale),
    topic.acceptedPostId && !acceptedOnPage ? getPost(services, user, Number(topic.acceptedPostId)) : Promise.resolve(acceptedOnPage ?? null),
  ]);
  services.activity.recordVisit(user.id, topicId, posts);

  const firstUnread = page.firstUnreadPostId ? Number(page.firstUnreadPostId) : null;
  const unreadOnPage = firstUnread === null ? 0 : posts.filter((p) => Number(p.id) >= firstUnread && !p.deleted && p.author && p.author.id !== user.id).length;
  const category = categories.find((c) => c.id === topic.categoryId);
  const tagLabel = new Map(tags.map((x) => [x.slug, x.label]));
  const accepted =
    acceptedPost && !acceptedPost.deleted && acceptedPost.author
      ? { id: acceptedPost.id, author: acceptedPost.author, createdAt: acceptedPost.createdAt, summary: markdownSummary(acceptedPost.body, 280) }
      : null;

  return {
    topic: {
      id: topic.id,
      title: topic.title,
      bodyHtml: sentOnce(context.pageHtml, topicBodyId, topic.bodyHtml),
      author: topic.author,
      createdAt: topic.createdAt,
      editedAt: topic.editedAt,
      language: topic.language,
      locked: topic.locked,
      pinned: topic.pinned,
      hidden: topic.visibility === "hidden",
      replyCount: topic.replyCount,
      viewCount: topic.viewCount,
      acceptedPostId: topic.acceptedPostId,
      category: { id: topic.categoryId, name: category?.name ?? topic.categoryId },
      tags: topic.tags.map((slug) => ({ slug, label: tagLabel.get(slug) ?? slug })),
    },
    posts: posts.map((p) => slimPost(p, context.pageHtml)),
    nextCursor,
    onFirstPage: !cursor && !fitted.startsLater,
    firstUnread: page.firstUnreadPostId ? { id: page.firstUnreadPostId, onPage: unreadOnPage } : null,
    accepted,
    level,
    viewer: { id: user.id, role: user.role, centreId: user.centreId },
    // The reply forms' key: new at each render, so the next reply after a success is a new one.
    formKey: newFormKey(),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  return handleThreadAction(context, request, user, topicIdOf(params.id));
}

export default function TopicPage() {
  const { topic, posts, nextCursor, onFirstPage, firstUnread, accepted, level, viewer, formKey } = useLoaderData<typeof loader>();
  const result = useActionData<ThreadActionData>();
  const { t, format } = useThreadUi();
  const locale = useLocale();
  const [searchParams] = useSearchParams();
  const canModerate = can(viewer, { action: "topic:moderate" });
  const canEditTopic = topic.author ? can(viewer, { action: "post:edit", authorId: topic.author.id }) : false;
  const ctx: TreeContext = {
    topicId: topic.id,
    viewer,
    topicAuthorId: topic.author?.id ?? null,
    acceptedPostId: topic.acceptedPostId,
    // A hidden topic takes no replies either (leads see it to decide, not to discuss in it).
    locked: topic.locked || topic.hidden,
    firstUnread: firstUnread?.id ? Number(firstUnread.id) : null,
    headingLevel: 3,
    action: result,
    formKey: result?.formKey ?? formKey,
    replyTo: searchParams.get("reply"),
    pageQuery: searchParams.toString(),
    pagePath: `/discussions/t/${topic.id}`,
  };
  const topLevelReply = result?.intent === "reply" && !result.parentId ? result : undefined;
  const moderation = result?.intent === "moderate" ? result : undefined;
  const lang = topic.language === locale ? undefined : topic.language;

  return (
    <>
      <nav className="breadcrumb" aria-label={t("thread.breadcrumb")}>
        <ol>
          <li>
            <Link to="/discussions">{t("thread.list.title")}</Link>
          </li>
          <li>
            <Link to={`/discussions/c/${topic.category.id}`}>{topic.category.name}</Link>
          </li>
        </ol>
      </nav>
      <Page title={<span lang={lang}>{topic.title}</span>}>
        <div id="top" />
        {topic.locked ? (
          <p className="alert alert-info topic-locked" role="status">
            <strong>{t("thread.topic.locked")}</strong> {t("thread.topic.lockedBody")}
          </p>
        ) : null}
        {topic.hidden ? <p className="alert alert-info">{t("thread.topic.hiddenNotice")}</p> : null}
        {result?.formError && result.intent !== "moderate" ? (
          <p className="alert alert-error" role="alert">
            {result.formError}
          </p>
        ) : null}
        {firstUnread?.id ? (
          <p className="alert alert-info unread-banner">
            {firstUnread.onPage > 0 ? t("thread.topic.newReplies", { count: firstUnread.onPage }) : t("thread.topic.newRepliesElsewhere")}{" "}
            <a href={permalink(topic.id, firstUnread.id)}>{t("thread.topic.jumpFirstUnread")}</a>
          </p>
        ) : null}

        <article className="topic card" aria-labelledby="topic-by">
          <header className="post-head">
            <p className="post-by" id="topic-by">
              <span className="sr-only">{t("thread.topic.askedBy")} </span>
              <AuthorName author={topic.author} />
            </p>
            <span className="post-meta">
              <time dateTime={topic.createdAt}>{format.dateTime(topic.createdAt)}</time>
              {topic.editedAt ? (
                <>
                  {" · "}
                  <Link to={`/discussions/t/${topic.id}/history`} title={format.dateTime(topic.editedAt)} discover="none">
                    {t("thread.topic.editedHistory")}
                  </Link>
                </>
              ) : null}
              {" · "}
              {languageName(topic.language, locale)}
              {topic.pinned ? <span className="badge badge-pinned">{t("thread.badge.pinned")}</span> : null}
              {topic.acceptedPostId ? <span className="badge badge-answered">{t("thread.badge.answered")}</span> : null}
            </span>
          </header>
          <HtmlBlock id={topicBodyId} html={topic.bodyHtml} className="post-body markdown-body" lang={lang} />
          {topic.tags.length ? (
            <ul className="tags" aria-label={t("thread.topic.tags")}>
              {topic.tags.map((tag) => (
                <li key={tag.slug}>
                  <Link to={listHref("/discussions", { tags: [tag.slug], sort: "active" })} className="tag">
                    {tag.label}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
          <p className="topic-counts muted">
            {t("thread.topic.counts", { replies: topic.replyCount, views: topic.viewCount })}
            {canEditTopic ? (
              <>
                {" · "}
                <Link to={`/discussions/t/${topic.id}/edit`}>{t("thread.topic.edit")}</Link>
              </>
            ) : null}
          </p>
        </article>

        <div className="topic-tools">
          <section aria-label={t("thread.follow.topicLabel")}>
            <FollowForm target="topic" level={level} name={topic.title} />
          </section>
          {canModerate ? (
            <details className="moderation-box card" id="moderation" open={moderation ? true : undefined}>
              <summary>{t("thread.moderate.title")}</summary>
              {moderation?.formError ? (
                <p className="alert alert-error" role="alert">
                  {moderation.formError}
                </p>
              ) : null}
              <Form method="post" preventScrollReset>
                <input type="hidden" name="intent" value="moderate" />
                <TextField
                  name="reason"
                  type="text"
                  label={t("thread.moderate.reason")}
                  hint={t("thread.moderate.reasonHint")}
                  errors={moderation?.errors?.reason}
                  required
                  maxLength={1000}
                  defaultValue={moderation?.reason}
                />
                <div className="actions">
                  <button type="submit" name="action" value={topic.locked ? "unlock" : "lock"} className="button button-secondary button-small">
                    {topic.locked ? t("thread.moderate.unlock") : t("thread.moderate.lock")}
                  </button>
                  <button type="submit" name="action" value={topic.pinned ? "unpin" : "pin"} className="button button-secondary button-small">
                    {topic.pinned ? t("thread.moderate.unpin") : t("thread.moderate.pin")}
                  </button>
                </div>
              </Form>
            </details>
          ) : null}
        </div>

        {accepted ? (
          <section className="accepted-answer card" id="accepted-answer" aria-labelledby="accepted-title">
            <h2 id="accepted-title">{t("thread.accepted.title")}</h2>
            <p className="muted">
              <AuthorName author={accepted.author} /> · <time dateTime={accepted.createdAt}>{format.dateTime(accepted.createdAt)}</time>
            </p>
            <blockquote lang={lang}>{accepted.summary}</blockquote>
            <p>
              <a href={permalink(topic.id, accepted.id)}>{t("thread.accepted.see")}</a>
            </p>
          </section>
        ) : null}

        <section aria-labelledby="replies-title" className="replies">
          <h2 id="replies-title">{t("thread.topic.replies", { count: topic.replyCount })}</h2>
          {!onFirstPage ? (
            <p>
              <Link to={`/discussions/t/${topic.id}`}>{t("thread.topic.firstReplies")}</Link>
            </p>
          ) : null}
          {posts.length > 0 ? (
            <PostTree posts={posts} ctx={ctx} />
          ) : (
            <p className="empty">{onFirstPage ? (topic.locked ? t("thread.topic.noRepliesLocked") : t("thread.topic.noReplies")) : t("thread.topic.noMoreReplies")}</p>
          )}
          {nextCursor ? (
            <p className="pager">
              <Link to={`/discussions/t/${topic.id}?cursor=${nextCursor}`} rel="next" className="button button-secondary">
                {t("thread.topic.moreReplies")}
              </Link>
            </p>
          ) : null}
        </section>

        {topic.hidden ? null : !topic.locked ? (
          <section aria-labelledby="reply-title" className="topic-reply card" id="reply">
            <h2 id="reply-title">{t("thread.topic.replyTitle")}</h2>
            <TopicReplyForm
              topicId={topic.id}
              label={t("thread.topic.replyLabel")}
              submitLabel={t("thread.topic.replySubmit")}
              pendingLabel={t("thread.topic.replySending")}
              echo={topLevelReply}
              formKey={ctx.formKey}
            />
          </section>
        ) : (
          <p className="muted">{t("thread.topic.lockedNoReply")}</p>
        )}
      </Page>
    </>
  );
}
