import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import {
  CaseActiveFilters,
  caseExcerptId,
  CaseFacetsForm,
  CaseRows,
  CaseSearch,
  CaseSortLinks,
  libraryHref,
  type CaseRow,
  type LibraryQuery,
} from "~/components/case-list";
import { Page } from "~/components/layout";
import { sentOnce } from "~/components/page-html";
import { useThreadUi } from "~/components/thread-ui";
import { caseFacets, listCases, reviewQueueSize, type CaseListItem } from "~/modules/cases/cases.server";
import { can } from "~/modules/accounts/permissions";
import { caseLibraryPageQuerySchema, caseListQuerySchema } from "~/modules/cases/schemas";
import { unknownFilterValues } from "~/modules/discussions/taxonomy.server";
import { tagsFor } from "~/modules/discussions/thread-pages.server";
import { badParamsResponse, paramFailure, readQuery, requireUser, translatorFor } from "~/modules/platform/context.server";
import { paramIssue } from "~/modules/platform/params";

export const meta: MetaFunction = () => [{ title: "Cases — Digital Compass" }];

/** The review list shows the most recently (re)submitted cases first, a page at a time. */
const reviewPageSize = 20;

/** What a row of the page keeps: never an author's id. */
const rowOf = (c: CaseListItem): CaseRow => ({
  id: c.id,
  title: c.title,
  excerpt: c.excerpt,
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

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const services = context.services;
  // Filters, sort and pages from the URL; anything that cannot be right (an unknown tag…) is the 400 page naming it.
  const url = readQuery(context, request, caseLibraryPageQuerySchema);
  const unknown = await unknownFilterValues(services.db, translatorFor(context), { tag: url.tag });
  if (unknown.length) throw badParamsResponse(request, unknown);
  const query: LibraryQuery = { tags: url.tag, languages: url.language, countries: url.country, hasFollowUp: url.hasFollowUp, q: url.q, sort: url.sort };
  const listQuery = caseListQuerySchema.parse({
    tag: url.tag,
    language: url.language,
    country: url.country,
    hasFollowUp: url.hasFollowUp === undefined ? undefined : String(url.hasFollowUp),
    q: url.q,
    sort: url.sort,
    cursor: url.cursor,
    limit: 20,
  });
  const lead = can(user, { action: "moderation:access" });
  if (url.reviewCursor && !lead) throw badParamsResponse(request, [paramIssue(translatorFor(context), "reviewCursor", "param.expected.cursor")]);
  const [list, facets, review, reviewTotal, mine, tags] = await Promise.all([
    listCases(services, user, listQuery, { tagMode: "facet" }).catch(paramFailure(context, request)),
    caseFacets(services, user, { ...listQuery, cursor: undefined }, context.locale),
    lead ? listCases(services, user, caseListQuerySchema.parse({ status: "awaiting-review", limit: reviewPageSize, cursor: url.reviewCursor })) : Promise.resolve(null),
    lead ? reviewQueueSize(services, user) : Promise.resolve(0),
    url.cursor ? Promise.resolve(null) : listCases(services, user, caseListQuerySchema.parse({ status: "mine", limit: 50 })),
    tagsFor(services.db, context.locale),
  ]);
  return {
    query,
    hasCursor: Boolean(url.cursor),
    items: list.items.map((c) => ({ ...rowOf(c), excerpt: c.excerpt && sentOnce(context.pageHtml, caseExcerptId(c.id), c.excerpt) })),
    nextCursor: list.nextCursor,
    facets,
    review: review ? { items: review.items.map(rowOf), total: reviewTotal, nextCursor: review.nextCursor, paged: Boolean(url.reviewCursor) } : null,
    mine: mine ? mine.items.filter((c) => c.status !== "published").map(rowOf) : [],
    tagLabels: Object.fromEntries(tags.map((t) => [t.slug, t.label])) as Record<string, string>,
  };
}

export default function CaseLibrary() {
  const { query, hasCursor, items, nextCursor, facets, review, mine, tagLabels } = useLoaderData<typeof loader>();
  const { t } = useThreadUi();
  const filtered = query.tags.length + query.languages.length + query.countries.length > 0 || query.hasFollowUp !== undefined || Boolean(query.q);
  return (
    <Page
      title={t("cases.list.title")}
      intro={t("cases.list.intro")}
      actions={
        <Link to="/cases/new" className="button">
          {t("cases.list.new")}
        </Link>
      }
    >
      {review ? (
        <section className="card case-review-list" aria-labelledby="review-title" id="review">
          <h2 id="review-title">{t("cases.list.review")}</h2>
          {review.items.length ? (
            <>
              <p>{t("cases.list.reviewCount", { count: review.total })}</p>
              <CaseRows items={review.items} tagLabels={tagLabels} />
              {review.nextCursor || review.paged ? (
                <nav className="pager" aria-label={t("thread.pager.label")}>
                  {review.paged ? <Link to="/cases#review">{t("cases.list.first")}</Link> : <span />}
                  {review.nextCursor ? (
                    <Link to={`/cases?reviewCursor=${encodeURIComponent(review.nextCursor)}#review`} rel="next" className="button button-secondary button-small">
                      {t("cases.list.more")}
                    </Link>
                  ) : null}
                </nav>
              ) : null}
            </>
          ) : (
            <p className="muted">{t("cases.list.reviewNone")}</p>
          )}
        </section>
      ) : null}
      {mine.length ? (
        <section className="card case-mine-list" aria-labelledby="mine-title">
          <h2 id="mine-title">{t("cases.list.mine")}</h2>
          <p className="hint">{t("cases.list.mineHint")}</p>
          <CaseRows items={mine} tagLabels={tagLabels} />
        </section>
      ) : null}
      <CaseSearch query={query} />
      <div className="case-library">
        <CaseFacetsForm query={query} facets={facets} />
        <section className="case-results" aria-labelledby="results-title">
          <div className="case-results-head">
            <h2 id="results-title" aria-live="polite">
              {t("cases.list.count", { count: facets.total })}
            </h2>
            <CaseSortLinks query={query} />
          </div>
          <CaseActiveFilters query={query} facets={facets} />
          {items.length ? (
            <CaseRows items={items} tagLabels={tagLabels} query={query} />
          ) : (
            <div className="empty">
              {filtered || hasCursor ? (
                <>
                  <h3>{t("cases.empty.filtered.title")}</h3>
                  <p>{t("cases.empty.filtered.body")}</p>
                  <p className="actions">
                    <Link to="/cases" className="button button-secondary">
                      {t("cases.facets.clear")}
                    </Link>
                  </p>
                </>
              ) : (
                <>
                  <h3>{t("cases.empty.none.title")}</h3>
                  <p>{t("cases.empty.none.body")}</p>
                  <p>
                    <Link to="/cases/new" className="button">
                      {t("cases.list.new")}
                    </Link>
                  </p>
                </>
              )}
            </div>
          )}
          {nextCursor || hasCursor ? (
            <nav className="pager" aria-label={t("thread.pager.label")}>
              {hasCursor ? <Link to={libraryHref(query)}>{t("cases.list.first")}</Link> : <span />}
              {nextCursor ? (
                <Link to={libraryHref(query, { cursor: nextCursor })} rel="next" className="button button-secondary button-small">
                  {t("cases.list.more")}
                </Link>
              ) : null}
            </nav>
          ) : null}
        </section>
      </div>
    </Page>
  );
}
