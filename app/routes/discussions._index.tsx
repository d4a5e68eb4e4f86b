import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { listCategories } from "~/modules/discussions/taxonomy.server";
import { listTopics, subscriptionLevel } from "~/modules/discussions/topics.server";
import { handleFollowAction, readListFilters, tagsFor, type ThreadActionData } from "~/modules/discussions/thread-pages.server";
import { paramFailure, requireUser } from "~/modules/platform/context.server";
import { ActiveFilters, ListPager, SortLinks, TopicFilters, topicExcerptId, TopicRows } from "~/components/topic-list";
import { sentOnce } from "~/components/page-html";
import { FollowForm, listHref, useThreadUi } from "~/components/thread-ui";
import { Page } from "~/components/layout";

export const meta: MetaFunction = () => [{ title: "Discussions — Digital Compass" }];

const base = "/discussions";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const { db } = context.services;
  const filters = await readListFilters(context, request);
  const singleTag = filters.tags.length === 1 ? filters.tags[0] : null;
  const [list, categories, tags, tagLevel] = await Promise.all([
    listTopics(context.services, user, { ...filters, tag: filters.tags, limit: 20 }).catch(paramFailure(context, request)),
    listCategories(db, context.locale),
    tagsFor(db, context.locale),
    singleTag ? subscriptionLevel(db, user.id, "tag", singleTag) : Promise.resolve(null),
  ]);
  const followTag = singleTag ? tags.find((x) => x.slug === singleTag) : undefined;
  return {
    items: list.items.map(({ url: _url, createdAt: _createdAt, ...item }) => ({ ...item, excerpt: item.excerpt && sentOnce(context.pageHtml, topicExcerptId(item.id), item.excerpt) })),
    nextCursor: list.nextCursor,
    hasCursor: Boolean(filters.cursor),
    query: { category: filters.category, tags: filters.tags, language: filters.language, sort: filters.sort },
    categories: categories.map((c) => ({ id: c.id, name: c.name })),
    tags,
    followTag: followTag ? { slug: followTag.slug, label: followTag.label, level: tagLevel } : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const filters = await readListFilters(context, request);
  const tags = await tagsFor(context.services.db, context.locale);
  const tag = filters.tags.length === 1 && tags.some((x) => x.slug === filters.tags[0]) ? filters.tags[0] : undefined;
  return handleFollowAction(context, request, user, { tag });
}

export default function DiscussionList() {
  const { items, nextCursor, hasCursor, query, categories, tags, followTag } = useLoaderData<typeof loader>();
  const result = useActionData<ThreadActionData>();
  const { t } = useThreadUi();
  const filtered = Boolean(query.category) || query.tags.length > 0 || Boolean(query.language);
  return (
    <Page
      title={t("thread.list.title")}
      intro={t("thread.list.intro")}
      actions={
        <Link to="/discussions/new" className="button">
          {t("thread.list.new")}
        </Link>
      }
    >
      {result?.formError ? (
        <p className="alert alert-error" role="alert">
          {result.formError}
        </p>
      ) : null}
      <nav className="category-nav" aria-label={t("thread.list.categories")}>
        <ul>
          {categories.map((c) => (
            <li key={c.id}>
              <Link to={`/discussions/c/${c.id}`}>{c.name}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <TopicFilters base={base} query={query} categories={categories} tags={tags} />
      {followTag ? (
        <section className="card follow-box" aria-label={t("thread.follow.tagLabel", { name: followTag.label })}>
          <FollowForm target="tag" level={followTag.level} name={followTag.label} />
        </section>
      ) : null}
      <div className="list-head">
        <SortLinks base={base} query={query} />
        <ActiveFilters base={base} query={query} categories={categories} tags={tags} />
      </div>
      {items.length > 0 ? (
        <TopicRows items={items} base={base} query={query} categories={categories} tags={tags} />
      ) : (
        <div className="empty">
          {filtered || query.sort === "unanswered" || hasCursor ? (
            <>
              <h2>{query.sort === "unanswered" && !filtered ? t("thread.empty.unanswered.title") : t("thread.empty.filtered.title")}</h2>
              <p>{query.sort === "unanswered" && !filtered ? t("thread.empty.unanswered.body") : t("thread.empty.filtered.body")}</p>
              <p className="actions">
                {filtered ? (
                  <Link to={listHref(base, { tags: [], sort: query.sort })} className="button button-secondary">
                    {t("thread.filters.clear")}
                  </Link>
                ) : null}
                <Link to="/discussions/new" className="button">
                  {t("thread.list.new")}
                </Link>
              </p>
            </>
          ) : (
            <>
              <h2>{t("thread.empty.none.title")}</h2>
              <p>{t("thread.empty.none.body")}</p>
              <p>
                <Link to="/discussions/new" className="button">
                  {t("thread.list.newFirst")}
                </Link>
              </p>
            </>
          )}
        </div>
      )}
      <ListPager base={base} query={query} nextCursor={nextCursor} hasCursor={hasCursor} />
    </Page>
  );
}
