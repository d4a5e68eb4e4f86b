import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { diffWords } from "~/modules/discussions/diff";
import { idSchema } from "~/modules/discussions/schemas";
import { getTopic, listRevisions } from "~/modules/discussions/topics.server";
import { notFoundResponse, requireUser } from "~/modules/platform/context.server";
import { DomainError } from "~/modules/platform/errors";
import { AuthorName, useThreadUi } from "~/components/thread-ui";
import { permalink } from "~/components/post-tree";
import { Page } from "~/components/layout";
import { useLocale } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Digital Compass" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const id = idSchema.safeParse(params.id ?? "");
  if (!id.success) throw notFoundResponse();
  const found = await listRevisions(context.services, user, id.data).catch((error: unknown) => {
    if (error instanceof DomainError && error.status === 404) return null;
    throw error;
  });
  if (!found) throw notFoundResponse();
  const topic = await getTopic(context.services.db, user, Number(found.post.topicId), context.services.config.publicUrl);
  if (!topic) throw notFoundResponse();
  const { post, items, currentEditor } = found;
  // Each stored revision is an earlier text whole, with who wrote it and when. The current text is the post itself.
  const texts = [
    ...items.map((r) => ({ body: r.body, at: r.createdAt, by: r.editor })),
    { body: post.body, at: post.editedAt ?? post.createdAt, by: currentEditor },
  ];
  const versions = texts.map((v, i) => ({
    number: i + 1,
    at: v.at,
    by: v.by,
    changes: i === 0 ? null : diffWords(texts[i - 1].body, v.body),
    body: i === 0 ? v.body : null,
  }));
  return {
    topic: { id: topic.id, title: topic.title, language: topic.language },
    post: { id: post.id, author: post.author },
    versions: versions.reverse(),
  };
}

export default function PostHistory() {
  const { topic, post, versions } = useLoaderData<typeof loader>();
  const { t, format } = useThreadUi();
  const locale = useLocale();
  const lang = topic.language === locale ? undefined : topic.language;
  return (
    <>
      <nav className="breadcrumb" aria-label={t("thread.breadcrumb")}>
        <ol>
          <li>
            <Link to="/discussions">{t("thread.list.title")}</Link>
          </li>
          <li>
            <Link to={`/discussions/t/${topic.id}`} lang={lang}>
              {topic.title}
            </Link>
          </li>
        </ol>
      </nav>
      <Page
        title={t("thread.history.title")}
        intro={t("thread.history.intro", { name: post.author?.name ?? t("discussions.deletedUser"), count: versions.length })}
        actions={
          <a href={permalink(topic.id, post.id)} className="button button-secondary">
            {t("thread.history.back")}
          </a>
        }
      >
        {versions.length === 1 ? <p className="alert alert-info">{t("thread.history.never")}</p> : null}
        <p className="diff-legend muted">
          {t("thread.history.legend")} <ins>{t("thread.history.added")}</ins> <del>{t("thread.history.removed")}</del>
        </p>
        <ol className="history" reversed>
          {versions.map((v) => (
            <li key={v.number} className="card">
              <h2>
                {v.number === versions.length ? t("thread.history.current", { number: v.number }) : t("thread.history.version", { number: v.number })}
              </h2>
              <p className="muted">
                {v.number === 1 ? t("thread.history.writtenBy") : t("thread.history.editedBy")} <AuthorName author={v.by} /> ·{" "}
                <time dateTime={v.at}>{format.dateTime(v.at)}</time>
              </p>
              {v.changes ? (
                <div className="diff" lang={lang}>
                  {v.changes.map((part, i) =>
                    part.kind === "added" ? (
                      <ins key={i}>
                        <span className="sr-only">{t("thread.history.addedStart")}</span>
                        {part.text}
                        <span className="sr-only">{t("thread.history.changeEnd")}</span>
                      </ins>
                    ) : part.kind === "removed" ? (
                      <del key={i}>
                        <span className="sr-only">{t("thread.history.removedStart")}</span>
                        {part.text}
                        <span className="sr-only">{t("thread.history.changeEnd")}</span>
                      </del>
                    ) : (
                      <span key={i}>{part.text}</span>
                    ),
                  )}
                </div>
              ) : (
                <div className="diff" lang={lang}>
                  {v.body}
                </div>
              )}
            </li>
          ))}
        </ol>
      </Page>
    </>
  );
}
