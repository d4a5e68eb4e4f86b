import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { searchFiltersSchema } from "~/modules/discussions/schemas";
import { search, searchRequestOf, searchTextSchema, type SearchType } from "~/modules/discussions/search.server";
import { listCategories, unknownFilterValues } from "~/modules/discussions/taxonomy.server";
import { tagsFor } from "~/modules/discussions/thread-pages.server";
import { badParamsResponse, readQuery, requireUser, translatorFor } from "~/modules/platform/context.server";
import { paramIssue } from "~/modules/platform/params";
import { TextField } from "~/components/forms";
import { Page } from "~/components/layout";
import { languageName, type MessageKey } from "~/i18n";
import { useFormatDate, useLocale, useT } from "~/i18n/react";

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [{ title: `${loaded?.pageTitle ?? "Search"} — Digital Compass` }];

/** Repeated here so that the browser bundle pulls in neither the database schema nor the search module. */
const contentLanguages = ["fr", "en", "es", "ro", "nl"] as const;
const searchTypes: SearchType[] = ["topic", "post", "case"];
const typeBadge: Record<SearchType, MessageKey> = { topic: "search.type.topic", post: "search.type.post", case: "search.type.case" };
const typeFilter: Record<SearchType, MessageKey> = { topic: "search.typeFilter.topic", post: "search.typeFilter.post", case: "search.typeFilter.case" };
const groupKeys: Record<string, MessageKey> = {
  situation: "search.tagGroup.situation",
  phase: "search.tagGroup.phase",
  audience: "search.tagGroup.audience",
  format: "search.tagGroup.format",
  theme: "search.tagGroup.theme",
};

const relative = (absolute: string) => {
  const u = new URL(absolute);
  return u.pathname + u.search + u.hash;
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const t = translatorFor(context);
  const url = new URL(request.url);
  const { db } = context.services;
  // A filter that cannot be right (an unknown tag, a date that is not one…) answers the 400 page naming it.
  const filters = readQuery(context, request, searchFiltersSchema);
  const unknown = await unknownFilterValues(db, t, { tag: filters.tag, category: filters.category });
  if (unknown.length) throw badParamsResponse(request, unknown);
  if (url.searchParams.getAll("q").length > 1) throw badParamsResponse(request, [paramIssue(t, "q", "param.expected.once")]);
  const rawQ = url.searchParams.get("q") ?? "";
  const text = rawQ.trim() ? searchTextSchema.safeParse(rawQ) : null;
  const q = text?.success ? text.data : rawQ.trim();
  const [categories, tags, result] = await Promise.all([
    listCategories(db, context.locale),
    tagsFor(db, context.locale),
    text?.success ? search(context.services, user, searchRequestOf(text.data, filters)) : Promise.resolve(null),
  ]);
  const errors = text && !text.success ? { q: text.error.issues.map((i) => t(i.message as MessageKey)) } : undefined;
  const page = {
    pageTitle: q && !errors ? `${t("search.title")} : ${q.slice(0, 60)}` : t("search.title"),
    query: {
      q,
      type: filters.type ?? "",
      language: filters.language ?? "",
      category: filters.category ?? "",
      tags: filters.tag,
      author: filters.author ?? "",
      from: filters.from ?? "",
      to: filters.to ?? "",
    },
    cursor: filters.cursor ? String(filters.cursor) : null,
    errors,
    searched: Boolean(result),
    items: (result?.items ?? []).map((h) => ({
      type: h.type,
      id: h.id,
      title: h.title,
      snippet: h.snippet,
      href: relative(h.url),
      language: h.language,
      createdAt: h.createdAt,
      author: h.author?.name ?? null,
    })),
    nextCursor: result?.nextCursor ?? null,
    categories: categories.map((c) => ({ id: c.id, name: c.name })),
    tags: tags.map(({ slug, label, group }) => ({ slug, label, group })),
  };
  return errors ? data(page, { status: 422 }) : page;
}

type Query = { q: string; type: string; language: string; category: string; tags: string[]; author: string; from: string; to: string };
const noFilters = { type: "", language: "", category: "", tags: [], author: "", from: "", to: "" };

function searchHref(query: Query, change: Partial<Query> & { cursor?: string } = {}) {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.type) params.set("type", next.type);
  if (next.language) params.set("language", next.language);
  if (next.category) params.set("category", next.category);
  for (const tag of next.tags) params.append("tag", tag);
  for (const key of ["author", "from", "to"] as const) if (next[key]) params.set(key, next[key]);
  if (change.cursor) params.set("cursor", change.cursor);
  const qs = params.toString();
  return qs ? `/search?${qs}` : "/search";
}

function Tips() {
  const t = useT();
  return (
    <div className="search-tips">
      <h3>{t("search.tips.title")}</h3>
      <ul>
        <li>{t("search.tips.accents")}</li>
        <li>{t("search.tips.phrase")}</li>
        <li>{t("search.tips.exclude")}</li>
        <li>{t("search.tips.or")}</li>
      </ul>
    </div>
  );
}

export default function SearchPage() {
  const { query, cursor, errors, searched, items, nextCursor, categories, tags } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const format = useFormatDate();
  const filtered = Boolean(query.type || query.language || query.category || query.tags.length || query.author || query.from || query.to);
  const groups = new Map<string, { slug: string; label: string }[]>();
  for (const tag of tags) groups.set(tag.group, [...(groups.get(tag.group) ?? []), tag]);
  const tagLabel = new Map(tags.map((x) => [x.slug, x.label]));
  const [firstTag, ...otherTags] = query.tags;
  return (
    <Page title={t("search.title")} intro={t("search.intro")}>
      <Form method="get" action="/search" className="search-form card" role="search" aria-label={t("search.form.label")} key={searchHref(query)}>
        <TextField
          name="q"
          type="search"
          label={t("search.q.label")}
          hint={t("search.q.hint")}
          defaultValue={query.q}
          errors={errors?.q}
          enterKeyHint="search"
        />
        <details className="search-filters" open={filtered || undefined}>
          <summary>{t("search.filters.label")}</summary>
          <div className="search-filter-row">
            <div className="field">
              <label htmlFor="search-type">{t("search.filters.type")}</label>
              <select id="search-type" name="type" defaultValue={query.type}>
                <option value="">{t("search.filters.allTypes")}</option>
                {searchTypes.map((type) => (
                  <option key={type} value={type}>
                    {t(typeFilter[type])}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="search-language">{t("search.filters.language")}</label>
              <select id="search-language" name="language" defaultValue={query.language}>
                <option value="">{t("search.filters.allLanguages")}</option>
                {contentLanguages.map((l) => (
                  <option key={l} value={l}>
                    {languageName(l, locale)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="search-category">{t("search.filters.category")}</label>
              <select id="search-category" name="category" defaultValue={query.category}>
                <option value="">{t("search.filters.allCategories")}</option>
                {categories.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="search-tag">{t("search.filters.tag")}</label>
              <select
                id="search-tag"
                name="tag"
                defaultValue={firstTag ?? ""}
                aria-describedby={otherTags.length ? "search-tag-more" : undefined}
              >
                <option value="">{t("search.filters.allTags")}</option>
                {[...groups].map(([group, list]) => (
                  <optgroup key={group} label={groupKeys[group] ? t(groupKeys[group]) : group}>
                    {list.map((tag) => (
                      <option key={tag.slug} value={tag.slug}>
                        {tag.label}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
              {otherTags.length ? (
                <p className="hint" id="search-tag-more">
                  {t("search.filters.alsoTags", { tags: otherTags.map((s) => tagLabel.get(s) ?? s).join(", ") })}
                </p>
              ) : null}
              {otherTags.map((slug) => (
                <input key={slug} type="hidden" name="tag" value={slug} />
              ))}
              {(["author", "from", "to"] as const).map((key) => (query[key] ? <input key={key} type="hidden" name={key} value={query[key]} /> : null))}
            </div>
          </div>
        </details>
        <div className="actions">
          <button type="submit" className="button">
            {t("search.submit")}
          </button>
          {filtered ? (
            <Link to={searchHref({ q: query.q, ...noFilters })} className="button button-secondary button-small">
              {t("search.filters.clear")}
            </Link>
          ) : null}
        </div>
      </Form>

      {!searched && !errors ? (
        <section className="empty search-empty" aria-labelledby="search-empty-title">
          <h2 id="search-empty-title">{t("search.empty.title")}</h2>
          <p>{t("search.empty.text")}</p>
          <Tips />
        </section>
      ) : null}

      {searched && items.length === 0 ? (
        <section className="empty search-empty" role="status" aria-labelledby="search-none-title">
          <h2 id="search-none-title">{t("search.none.title", { q: query.q })}</h2>
          {query.type === "case" ? <p>{t("search.none.cases")}</p> : null}
          <ul className="search-none-tips">
            <li>{t("search.none.spelling")}</li>
            <li>{t("search.none.fewer")}</li>
            {filtered ? (
              <li>
                <Link to={searchHref({ q: query.q, ...noFilters })}>{t("search.none.filters")}</Link>
              </li>
            ) : null}
            <li>
              {t("search.none.ask")} <Link to="/discussions/new">{t("search.none.askLink")}</Link>
            </li>
          </ul>
          <Tips />
        </section>
      ) : null}

      {items.length > 0 ? (
        <section aria-labelledby="search-results-title">
          <h2 id="search-results-title" className="search-results-title">
            {t("search.results.heading", { q: query.q })}
          </h2>
          <ol className="search-results" aria-label={t("search.results.label")}>
            {items.map((hit) => (
              <li key={`${hit.type}-${hit.id}`} className="search-result">
                <p className="search-result-meta">
                  <span className={`badge badge-search-${hit.type}`}>{t(typeBadge[hit.type])}</span>{" "}
                  {languageName(hit.language, locale)}
                  {hit.author ? <> · {t("search.results.by", { name: hit.author })}</> : null} ·{" "}
                  <time dateTime={hit.createdAt}>{format.date(hit.createdAt)}</time>
                </p>
                <h3 className="search-result-title">
                  <Link to={hit.href} lang={hit.language}>
                    {hit.title}
                  </Link>
                </h3>
                {hit.snippet ? (
                  // The snippet is escaped plain text with <mark> around the matches (search.server safeSnippet).
                  <p className="search-snippet" lang={hit.language} dangerouslySetInnerHTML={{ __html: hit.snippet }} />
                ) : null}
              </li>
            ))}
          </ol>
          {cursor || nextCursor ? (
            <nav className="search-pager actions" aria-label={t("search.results.pages")}>
            {cursor ? (
              <Link to={searchHref(query)} className="button button-secondary button-small">
                {t("search.results.first")}
              </Link>
            ) : null}
            {nextCursor ? (
              <Link to={searchHref(query, { cursor: nextCursor })} className="button button-small">
                {t("search.results.next")}
              </Link>
            ) : null}
            </nav>
          ) : null}
          {cursor || nextCursor ? <p className="muted search-note">{t("search.results.more")}</p> : null}
        </section>
      ) : null}
    </Page>
  );
}
