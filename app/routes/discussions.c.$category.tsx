import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { listCategories } from "~/modules/discussions/taxonomy.server";
import { listTopics, subscriptionLevel } from "~/modules/discussions/topics.server";
import { handleFollowAction, readListFilters, tagsFor, type ThreadActionData } from "~/modules/discussions/thread-pages.server";
import { notFoundResponse, paramFailure, requireUser } from "~/modules/platform/context.server";
import { ActiveFilters, ListPager, SortLinks, TopicFilters, topicExcerptId, TopicRows } from "~/components/topic-list";
import { sentOnce } from "~/components/page-html";
import { FollowForm, listHref, useThreadUi } from "~/components/thread-ui";
import { Page } from "~/components/layout";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.category.name} — Digital Compass` : "Digital Compass" }];

async function findCategory(context: LoaderFunctionArgs["context"], id: string | undefined) {
  const categories = await listCategories(context.services.db, context.locale);
  const category = categories.find((c) => c.id === id);
  if (!category) throw notFoundResponse();
  return { category, categories };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const { db } = context.services;
  const { category, categories } = await findCategory(context, params.category);
  const filters = await readListFilters(context, request, category.id);
  const singleTag = filters.tags.length === 1 ? filters.tags[0] : null;
  const [list, tags, categoryLevel, tagLevel] = await Promise.all([
    listTopics(context.services, user, { ...filters, tag: filters.tags, limit: 20 }).catch(paramFailure(context, request)),
    tagsFor(db, context.locale),
    subscriptionLevel(db, user.id, "category", category.id),
    singleTag ? subscriptionLevel(db, user.id, "tag", singleTag) : Promise.resolve(null),
  ]);
  const followTag = singleTag ? tags.find((x) => x.slug === singleTag) : undefined;
  return {
    category: { id: category.id, name: category.name, description: category.description },
    categoryLevel,
    items: list.items.map(({ url: _url, createdAt: _createdAt, ...item }) => ({ ...item, excerpt: item.excerpt && sentOnce(context.pageHtml, topicExcerptId(item.id), item.excerpt) })),
    nextCursor: list.nextCursor,
    hasCursor: Boolean(filters.cursor),
    query: { tags: filters.tags, language: filters.language, sort: filters.sort },
    categories: categories.map((c) => ({ id: c.id, name: c.name })),
    tags,
    followTag: followTag ? { slug: followTag.slug, label: followTag.label, level: tagLevel } : null,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const { category } = await findCategory(context, params.category);
  const filters = await readListFilters(context, request, category.id);
  const tags = await tagsFor(context.services.db, context.locale);
  const tag = filters.tags.length === 1 && tags.some((x) => x.slug === filters.tags[0]) ? filters.tags[0] : undefined;
  return handleFollowAction(context, request, user, { category: category.id, tag });
}

export default function CategoryPage() {
  const { category, categoryLevel, items, nextCursor, hasCursor, query, categories, tags, followTag } = useLoaderData<typeof loader>();
  const result = useActionData<ThreadActionData>();
  const { t } = useThreadUi();
  const base = `/discussions/c/${category.id}`;
  const filtered = query.tags.length > 0 || Boolean(query.language);
  return (
    <>
      <nav className="breadcrumb" aria-label={t("thread.breadcrumb")}>
        <ol>
          <li>
            <Link to="/discussions">{t("thread.list.title")}</Link>
          </li>
          <li aria-current="page">{category.name}</li>
        </ol>
      </nav>
      <Page
        title={category.name}
        intro={category.description || undefined}
        actions={
          <Link to={`/discussions/new?category=${encodeURIComponent(category.id)}`} className="button">
            {t("thread.list.new")}
          </Link>
        }
      >
        {result?.formError ? (
          <p className="alert alert-error" role="alert">
            {result.formError}
          </p>
        ) : null}
        <section className="card follow-box" aria-label={t("thread.follow.categoryLabel", { name: category.name })}>
          <FollowForm target="category" level={categoryLevel} name={category.name} />
          {followTag ? <FollowForm target="tag" level={followTag.level} name={followTag.label} /> : null}
        </section>
        <TopicFilters base={base} query={query} tags={tags} />
        <div className="list-head">
          <SortLinks base={base} query={query} />
          <ActiveFilters base={base} query={query} tags={tags} />
        </div>
        {items.length > 0 ? (
          <TopicRows items={items} base={base} query={query} categories={categories} tags={tags} />
        ) : (
          <div className="empty">
            <h2>{filtered ? t("thread.empty.filtered.title") : t("thread.empty.category.title", { name: category.name })}</h2>
            <p>{filtered ? t("thread.empty.filtered.body") : t("thread.empty.category.body")}</p>
            <p className="actions">
              {filtered ? (
                <Link to={listHref(base, { tags: [], sort: query.sort })} className="button button-secondary">
                  {t("thread.filters.clear")}
                </Link>
              ) : null}
              <Link to={`/discussions/new?category=${encodeURIComponent(category.id)}`} className="button">
                {t("thread.list.new")}
              </Link>
            </p>
          </div>
        )}
        <ListPager base={base} query={query} nextCursor={nextCursor} hasCursor={hasCursor} />
      </Page>
    </>
  );
}
