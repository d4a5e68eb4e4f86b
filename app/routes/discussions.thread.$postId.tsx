import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams, useLocation } from "@remix-run/react";
import { caseCategoryId, caseIdForTopic } from "~/modules/cases/cases.server";
import { idSchema, threadPageQuerySchema } from "~/modules/discussions/schemas";
import { getThread } from "~/modules/discussions/topics.server";
import { fitPage, handleThreadAction, type ThreadActionData } from "~/modules/discussions/thread-pages.server";
import { notFoundResponse, readQuery, requireUser } from "~/modules/platform/context.server";
import { DomainError } from "~/modules/platform/errors";
import { newFormKey } from "~/modules/platform/form-submissions.server";
import { PostTree, permalink, slimPost, type TreeContext } from "~/components/post-tree";
import { useThreadUi } from "~/components/thread-ui";
import { Page } from "~/components/layout";
import { useLocale } from "~/i18n/react";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.topic.title} — Digital Compass` : "Digital Compass" }];

const postIdOf = (raw: string | undefined) => {
  const parsed = idSchema.safeParse(raw ?? "");
  if (!parsed.success) throw notFoundResponse();
  return parsed.data;
};

async function loadThread(context: LoaderFunctionArgs["context"], request: Request, rawId: string | undefined) {
  const user = requireUser(context, request);
  const thread = await getThread(context.services, user, postIdOf(rawId)).catch((error: unknown) => {
    if (error instanceof DomainError && error.status === 404) return null;
    throw error;
  });
  if (!thread) throw notFoundResponse();
  return { user, thread };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, thread } = await loadThread(context, request, params.postId);
  const query = readQuery(context, request, threadPageQuerySchema);
  const { topic } = thread;
  // A bushy branch is cut to the page's weight budget; what is left out opens from "continue this thread".
  const { posts } = fitPage(thread.posts, { target: query.post === undefined ? null : String(query.post) });
  context.services.activity.recordVisit(user.id, Number(topic.id), posts);
  // A branch of a case's discussion leads back to its case.
  const caseId = topic.categoryId === caseCategoryId ? await caseIdForTopic(context.services.db, Number(topic.id)) : null;
  return {
    home: caseId === null ? { href: `/discussions/t/${topic.id}`, list: "/discussions" } : { href: `/cases/${caseId}`, list: "/cases" },
    isCase: caseId !== null,
    topic: { id: topic.id, title: topic.title, language: topic.language, locked: topic.locked, hidden: topic.visibility === "hidden", acceptedPostId: topic.acceptedPostId, authorId: topic.author?.id ?? null },
    anchorId: params.postId!,
    parentId: thread.ancestors.at(-1) ?? null,
    posts: posts.map((p) => slimPost(p, context.pageHtml)),
    viewer: { id: user.id, role: user.role, centreId: user.centreId },
    formKey: newFormKey(),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, thread } = await loadThread(context, request, params.postId);
  return handleThreadAction(context, request, user, Number(thread.topic.id));
}

export default function ThreadPage() {
  const { topic, parentId, posts, viewer, home, isCase, formKey } = useLoaderData<typeof loader>();
  const result = useActionData<ThreadActionData>();
  const { t } = useThreadUi();
  const locale = useLocale();
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const ctx: TreeContext = {
    topicId: topic.id,
    viewer,
    topicAuthorId: topic.authorId,
    acceptedPostId: topic.acceptedPostId,
    locked: topic.locked || topic.hidden,
    firstUnread: null,
    headingLevel: 3,
    action: result,
    formKey: result?.formKey ?? formKey,
    replyTo: searchParams.get("reply"),
    pageQuery: searchParams.toString(),
    pagePath: location.pathname,
    // The anonymous author of a case is named as such, not as a deleted account.
    anonymousAuthor: isCase ? t("cases.discussion.anonymousAuthor") : undefined,
  };
  const lang = topic.language === locale ? undefined : topic.language;
  return (
    <>
      <nav className="breadcrumb" aria-label={t("thread.breadcrumb")}>
        <ol>
          <li>
            <Link to={home.list}>{isCase ? t("cases.list.title") : t("thread.list.title")}</Link>
          </li>
          <li>
            <Link to={home.href} lang={lang}>
              {topic.title}
            </Link>
          </li>
        </ol>
      </nav>
      <Page title={t("thread.thread.title")} intro={<span lang={lang}>{topic.title}</span>}>
        <p className="actions thread-links">
          <Link to={home.href} className="button button-secondary button-small">
            {t("thread.thread.backToTopic")}
          </Link>
          {parentId ? (
            <a href={permalink(topic.id, parentId)} className="button button-secondary button-small">
              {t("thread.thread.toParent")}
            </a>
          ) : null}
        </p>
        {topic.locked ? (
          <p className="alert alert-info topic-locked" role="status">
            <strong>{t("thread.topic.locked")}</strong> {t("thread.topic.lockedBody")}
          </p>
        ) : null}
        {result?.formError ? (
          <p className="alert alert-error" role="alert">
            {result.formError}
          </p>
        ) : null}
        <section aria-labelledby="thread-replies">
          <h2 id="thread-replies" className="sr-only">
            {t("thread.thread.posts")}
          </h2>
          <PostTree posts={posts} ctx={ctx} />
        </section>
      </Page>
    </>
  );
}
