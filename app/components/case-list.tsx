import { Form, useSubmit } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { countryName, isMessageKey, languageName, type MessageKey } from "../i18n";
import { useLocale } from "../i18n/react";
import { TextBlock } from "./page-html";
import { PlainLink } from "./plain-link";
import { useThreadUi } from "./thread-ui";

/** What the library's URL says: the facets (values within a group OR, across groups AND), the words and the order. */
export type CaseSort = "recent" | "helpful" | "discussed";
export type LibraryQuery = { tags: string[]; languages: string[]; countries: string[]; hasFollowUp?: boolean; q?: string; sort: CaseSort };

export type FacetValue = { value: string; count: number; selected: boolean };
export type LibraryFacets = {
  total: number;
  tagGroups: { group: string; values: (FacetValue & { label: string })[] }[];
  languages: FacetValue[];
  countries: FacetValue[];
  hasFollowUp: FacetValue[];
};

/** A row of the library (what the page keeps of a CaseListItem: no author id of anyone but a named author). */
export type CaseRow = {
  id: string;
  title: string;
  /** Null when the page itself carries it (`sentOnce`): the library's own list. */
  excerpt: string | null;
  tags: string[];
  language: string;
  country: string;
  status: string;
  author: { name: string; handle: string } | null;
  anonymous: boolean;
  isMine: boolean;
  date: string;
  hasFollowUp: boolean;
  replyCount: number;
  helpfulCount: number;
};

const base = "/cases";

/** The library URL for this query with a change (no cursor: a new filter starts from the first page). */
export function libraryHref(query: LibraryQuery, change: Partial<LibraryQuery> & { cursor?: string } = {}) {
  const q = { ...query, ...change };
  const params = new URLSearchParams();
  if (q.q) params.set("q", q.q);
  for (const tag of q.tags) params.append("tag", tag);
  for (const language of q.languages) params.append("language", language);
  for (const country of q.countries) params.append("country", country);
  if (q.hasFollowUp !== undefined) params.set("hasFollowUp", String(q.hasFollowUp));
  if (q.sort !== "recent") params.set("sort", q.sort);
  if (change.cursor) params.set("cursor", change.cursor);
  const search = params.toString();
  return search ? `${base}?${search}` : base;
}

export { countryName };

export const caseExcerptId = (caseId: string) => `case-excerpt-${caseId}`;

const groupKey = (group: string) => `thread.tagGroup.${group}`;
export function useGroupLabel() {
  const { t } = useThreadUi();
  return (group: string) => {
    const key = groupKey(group);
    return isMessageKey(key) ? t(key) : group;
  };
}

const sortLabels: Record<CaseSort, MessageKey> = { recent: "cases.sort.recent", helpful: "cases.sort.helpful", discussed: "cases.sort.discussed" };

export function CaseSortLinks({ query }: { query: LibraryQuery }) {
  const { t } = useThreadUi();
  return (
    <nav className="sort-links" aria-label={t("cases.sort.label")}>
      <ul>
        {(["recent", "helpful", "discussed"] as const).map((sort) => (
          <li key={sort}>
            <PlainLink to={libraryHref(query, { sort })} aria-current={query.sort === sort ? "page" : undefined} keepScroll>
              {t(sortLabels[sort])}
            </PlainLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The search box, on its own row above the facets; keeps the facets and the order. */
export function CaseSearch({ query }: { query: LibraryQuery }) {
  const { t } = useThreadUi();
  return (
    <Form method="get" action={base} role="search" className="case-search" aria-label={t("cases.list.searchLabel")}>
      <HiddenQuery query={query} except="q" />
      <label htmlFor="case-q" className="sr-only">
        {t("cases.list.searchLabel")}
      </label>
      <input id="case-q" type="search" name="q" defaultValue={query.q ?? ""} maxLength={200} placeholder={t("cases.list.searchPlaceholder")} enterKeyHint="search" />
      <button type="submit" className="button">
        {t("cases.list.searchSubmit")}
      </button>
    </Form>
  );
}

function HiddenQuery({ query, except }: { query: LibraryQuery; except: "q" | "facets" }) {
  return (
    <>
      {except !== "q" && query.q ? <input type="hidden" name="q" value={query.q} /> : null}
      {except !== "facets" ? (
        <>
          {query.tags.map((tag) => (
            <input key={`t-${tag}`} type="hidden" name="tag" value={tag} />
          ))}
          {query.languages.map((l) => (
            <input key={`l-${l}`} type="hidden" name="language" value={l} />
          ))}
          {query.countries.map((c) => (
            <input key={`c-${c}`} type="hidden" name="country" value={c} />
          ))}
          {query.hasFollowUp !== undefined ? <input type="hidden" name="hasFollowUp" value={String(query.hasFollowUp)} /> : null}
        </>
      ) : null}
      {query.sort !== "recent" ? <input type="hidden" name="sort" value={query.sort} /> : null}
    </>
  );
}

function FacetBox({ name, legend, values, label }: { name: string; legend: string; values: FacetValue[]; label: (value: string) => string }) {
  const { t } = useThreadUi();
  if (values.length === 0) return null;
  return (
    <fieldset className="facet">
      <legend>{legend}</legend>
      <ul>
        {values.map((v) => (
          <li key={v.value}>
            <label className={v.count === 0 && !v.selected ? "checkbox facet-empty" : "checkbox"}>
              <input type="checkbox" name={name} value={v.value} defaultChecked={v.selected} />
              <span>
                {label(v.value)}{" "}
                <span className="facet-count" aria-hidden="true">
                  {v.count}
                </span>
                <span className="sr-only">({t("cases.facets.count", { count: v.count })})</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/**
 * The facets as one GET form: a checkbox per value with its count for the current filters. Works without
 * JavaScript (the "apply" button); with it, a change applies at once.
 */
export function CaseFacetsForm({ query, facets }: { query: LibraryQuery; facets: LibraryFacets }) {
  const { t } = useThreadUi();
  const locale = useLocale();
  const groupLabel = useGroupLabel();
  const submit = useSubmit();
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  const active = query.tags.length + query.languages.length + query.countries.length > 0 || query.hasFollowUp !== undefined;
  const followUpCount = (value: string) => facets.hasFollowUp.find((v) => v.value === value)?.count ?? 0;
  // On a phone the facets fold away (open when a filter is on); on a wide screen they stay open beside the list.
  const toggle = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (toggle.current && window.matchMedia("(min-width: 60rem)").matches) toggle.current.open = true;
  }, []);
  const activeCount = query.tags.length + query.languages.length + query.countries.length + (query.hasFollowUp === undefined ? 0 : 1);
  return (
    <details className="case-facets-toggle" ref={toggle} open={activeCount > 0 || undefined}>
      <summary>
        {t("cases.facets.title")}
        {activeCount ? <span className="muted"> ({t("cases.facets.activeCount", { count: activeCount })})</span> : null}
      </summary>
      <Form
        method="get"
        action={base}
        className="case-facets"
        aria-label={t("cases.facets.label")}
        onChange={enhanced ? (event) => submit(event.currentTarget, { preventScrollReset: true, replace: true }) : undefined}
      >
        <p className="hint">{t("cases.facets.hint")}</p>
        <HiddenQuery query={query} except="facets" />
        {facets.tagGroups.map((g) => (
          <FacetBox
            key={g.group}
            name="tag"
            legend={groupLabel(g.group)}
            values={g.values}
            label={(value) => g.values.find((v) => v.value === value)?.label ?? value}
          />
        ))}
        <FacetBox name="language" legend={t("cases.facets.language")} values={facets.languages} label={(value) => languageName(value, locale)} />
        <FacetBox name="country" legend={t("cases.facets.country")} values={facets.countries} label={(value) => countryName(value, locale)} />
        <fieldset className="facet">
          <legend>{t("cases.facets.followUp")}</legend>
          <ul>
            {(["true", "false"] as const).map((value) => (
              <li key={value}>
                <label className="checkbox">
                  <input type="radio" name="hasFollowUp" value={value} defaultChecked={query.hasFollowUp === (value === "true")} />
                  <span>
                    {value === "true" ? t("cases.facets.followUpYes") : t("cases.facets.followUpNo")}{" "}
                    <span className="facet-count" aria-hidden="true">
                      {followUpCount(value)}
                    </span>
                    <span className="sr-only">({t("cases.facets.count", { count: followUpCount(value) })})</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <div className="actions facet-actions">
          <button type="submit" className="button button-small">
            {t("cases.facets.apply")}
          </button>
          {active ? (
            <PlainLink to={libraryHref({ tags: [], languages: [], countries: [], q: query.q, sort: query.sort })} className="button button-secondary button-small">
              {t("cases.facets.clear")}
            </PlainLink>
          ) : null}
        </div>
      </Form>
    </details>
  );
}

/** The filters in force, each a link that removes it. */
export function CaseActiveFilters({ query, facets }: { query: LibraryQuery; facets: LibraryFacets }) {
  const { t } = useThreadUi();
  const locale = useLocale();
  const tagLabel = new Map(facets.tagGroups.flatMap((g) => g.values.map((v) => [v.value, v.label] as const)));
  const items: { key: string; label: string; href: string }[] = [];
  for (const slug of query.tags) items.push({ key: `t-${slug}`, label: tagLabel.get(slug) ?? slug, href: libraryHref(query, { tags: query.tags.filter((x) => x !== slug) }) });
  for (const l of query.languages) items.push({ key: `l-${l}`, label: languageName(l, locale), href: libraryHref(query, { languages: query.languages.filter((x) => x !== l) }) });
  for (const c of query.countries) items.push({ key: `c-${c}`, label: countryName(c, locale), href: libraryHref(query, { countries: query.countries.filter((x) => x !== c) }) });
  if (query.hasFollowUp !== undefined) {
    items.push({ key: "f", label: query.hasFollowUp ? t("cases.facets.followUpYes") : t("cases.facets.followUpNo"), href: libraryHref(query, { hasFollowUp: undefined }) });
  }
  if (query.q) items.push({ key: "q", label: `« ${query.q} »`, href: libraryHref(query, { q: undefined }) });
  if (items.length === 0) return null;
  return (
    <ul className="active-filters" aria-label={t("cases.facets.active")}>
      {items.map((item) => (
        <li key={item.key}>
          <PlainLink to={item.href} className="tag" aria-label={t("cases.facets.remove", { name: item.label })}>
            {item.label} <span aria-hidden="true">×</span>
          </PlainLink>
        </li>
      ))}
    </ul>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useThreadUi();
  const key = `cases.status.${status}`;
  return <span className={`badge badge-case-${status}`}>{isMessageKey(key) ? t(key) : status}</span>;
}

/** Who wrote it, as a list says it: a name, "anonymous", or "you (anonymous)" for the author's own eyes. */
export function CaseAuthorLabel({ author, anonymous, isMine }: { author: { name: string; handle: string } | null; anonymous: boolean; isMine: boolean }) {
  const { t } = useThreadUi();
  if (anonymous && isMine) return <span className="case-anonymous">{t("cases.row.mineAnonymous")}</span>;
  if (!author) return <span className="case-anonymous">{t("cases.row.anonymous")}</span>;
  if (!author.handle) return <span>{t("discussions.deletedUser")}</span>;
  return (
    <PlainLink to={`/people/${author.handle}`}>{author.name}</PlainLink>
  );
}

export function CaseRows({
  items,
  tagLabels,
  query,
  headingLevel = 3,
  compact = false,
}: {
  items: CaseRow[];
  tagLabels: Record<string, string>;
  query?: LibraryQuery;
  headingLevel?: 2 | 3;
  /** Title, who and when only (a side column). */
  compact?: boolean;
}) {
  const { t, format } = useThreadUi();
  const locale = useLocale();
  const Heading = `h${headingLevel}` as "h3";
  return (
    <ol className={compact ? "case-list case-list-compact" : "case-list"}>
      {items.map((c) => {
        const lang = c.language === locale ? undefined : c.language;
        return (
          <li key={c.id} className="case-row">
            <Heading className="case-row-title">
              <PlainLink to={`/cases/${c.id}`} lang={lang}>
                {c.title}
              </PlainLink>
            </Heading>
            <p className="topic-badges">
              {c.status !== "published" ? <StatusBadge status={c.status} /> : null}
              {c.hasFollowUp ? <span className="badge badge-follow-up">{t("cases.row.followUp")}</span> : null}
            </p>
            {c.excerpt === null ? (
              <TextBlock id={caseExcerptId(c.id)} text={null} className="case-excerpt" lang={lang} />
            ) : c.excerpt ? (
              <p className="case-excerpt" lang={lang}>
                {c.excerpt}
              </p>
            ) : null}
            {c.tags.length && !compact ? (
              <ul className="tags" aria-label={t("cases.page.tags")}>
                {c.tags.map((slug) => (
                  <li key={slug}>
                    {query ? (
                      <PlainLink to={libraryHref(query, { tags: query.tags.includes(slug) ? query.tags : [...query.tags, slug] })} className="tag">
                        {tagLabels[slug] ?? slug}
                      </PlainLink>
                    ) : (
                      <span className="tag">{tagLabels[slug] ?? slug}</span>
                    )}
                  </li>
                ))}
              </ul>
            ) : null}
            <p className="case-meta muted">
              <CaseAuthorLabel author={c.author} anonymous={c.anonymous} isMine={c.isMine} /> · <time dateTime={c.date}>{format.date(c.date)}</time> ·{" "}
              {countryName(c.country, locale)} · {languageName(c.language, locale)}
            </p>
            {compact ? null : (
              <p className="case-counts muted">
                {t("cases.row.replies", { count: c.replyCount })} · {t("cases.row.helpful", { count: c.helpfulCount })}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
