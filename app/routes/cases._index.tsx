import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { contentLanguages } from "../../db/schema/discussions";
import {
  CaseActiveFilters,
  CaseFacetsForm,
  CaseRows,
  CaseSearch,
  CaseSortLinks,
  libraryHref,
  type CaseRow,
  type CaseSort,
  type LibraryQuery,
} from "~/components/case-list";
import { Page } from "~/components/layout";
import { useThreadUi } from "~/components/thread-ui";
import { caseFacets, listCases, reviewQueueSize, type CaseListItem } from "~/modules/cases/cases.server";
import { caseListQuerySchema } from "~/modules/cases/schemas";
import { tagsFor } from "~/modules/discussions/thread-pages.server";
import { requireUser } from "~/modules/platform/context.server";
import { DomainError } from "~/modules/platform/errors";

export const meta: MetaFunction = () => [{ title: "Cases — Digital Compass" }];

const sorts: CaseSort[] = ["recent", "helpful", "discussed"];
/** The review list shows the most recently (re)submitted cases first. */
const reviewPageSize = 20;

/** The library's filters from its URL; values that cannot be right are dropped rather than failing. */
function readLibraryQuery(url: URL): LibraryQuery & { cursor?: string } {
  const p = url.searchParams;
  const unique = (list: string[]) => [...new Set(list)];
  const tags = unique(p.getAll("tag").map((t) => t.trim().toLowerCase()).filter((t) => /^[a-z0-9-]{1,50}$/.test(t))).slice(0, 12);
  const languages = unique(p.getAll("language").filter((l) => (contentLanguages as readonly string[]).includes(l)));
  const countries = unique(p.getAll("country").filter((c) => /^[A-Z]{2}$/.test(c))).slice(0, 10);
  const follow = p.get("hasFollowUp");
  const q = p.get("q")?.trim().slice(0, 200) || undefined;
  const sort = sorts.find((s) => s === p.get("sort")) ?? "recent";
  const cursor = p.get("cursor")?.trim();
  return {
    tags,
    languages,
    countries,
    hasFollowUp: follow === "true" ? true : follow === "false" ? false : undefined,
    q,
    sort,
    cursor: cursor && cursor.length <= 300 ? cursor : undefined,
  };
}

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
  const query = readLibraryQuery(new URL(request.url));
  const listQuery = caseListQuerySchema.parse({
    tag: query.tags,
    language: query.languages,
    country: query.countries,
    hasFollowUp: query.hasFollowUp === undefined ? undefined : String(query.hasFollowUp),
    q: query.q,
    sort: query.sort,
    cursor: query.cursor,
    limit: 20,
  });
  const lead = user.role === "lead" || user.role === "admin";
  const badCursor = (error: unknown) => {
    if (error instanceof DomainError && error.status === 400) throw new Response("Bad request", { status: 400 });
    throw error;
  };
  const [list, facets, review, reviewTotal, mine, tags] = await Promise.all([
    listCases(services, user, listQuery, { tagMode: "facet" }).catch(badCursor),
    caseFacets(services, user, { ...listQuery, cursor: undefined }, context.locale),
    lead ? listCases(services, user, caseListQuerySchema.parse({ status: "awaiting-review", limit: reviewPageSize })) : Promise.resolve(null),
    lead ? reviewQueueSize(services, user) : Promise.resolve(0),
    query.cursor ? Promise.resolve(null) : listCases(services, user, caseListQuerySchema.parse({ status: "mine", limit: 50 })),
    tagsFor(services.db, context.locale),
  ]);
  return {
    query: { tags: query.tags, languages: query.languages, countries: query.countries, hasFollowUp: query.hasFollowUp, q: query.q, sort: query.sort } satisfies LibraryQuery,
    hasCursor: Boolean(query.cursor),
    items: list.items.map(rowOf),
    nextCursor: list.nextCursor,
    facets,
    review: review ? { items: review.items.map(rowOf), total: reviewTotal } : null,
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
