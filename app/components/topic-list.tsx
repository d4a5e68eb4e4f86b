import { Form, Link } from "@remix-run/react";
import { languageName, type MessageKey } from "../i18n";
import { useLocale } from "../i18n/react";
import { TextBlock } from "./page-html";
import { PlainLink } from "./plain-link";
import { authorLink, listHref, useThreadUi, type ListQuery, type ListSort } from "./thread-ui";

/**
 * The content languages (db/schema/discussions `contentLanguages`), repeated here so that the browser bundle does not
 * pull in the database schema and its ORM.
 */
const contentLanguages = ["fr", "en", "es", "ro", "nl"] as const;
export type TagChoice = { slug: string; label: string; group: string; count: number };
export type CategoryChoice = { id: string; name: string };
export type TopicRow = {
  id: string;
  title: string;
  /** Null when the page itself carries it (`sentOnce`). */
  excerpt: string | null;
  categoryId: string;
  tags: string[];
  language: string;
  author: { id: string; name: string; handle: string } | null;
  lastPostedAt: string;
  replyCount: number;
  viewCount: number;
  pinned: boolean;
  locked: boolean;
  answered: boolean;
  unread: boolean;
};

export const topicExcerptId = (topicId: string) => `topic-excerpt-${topicId}`;

const sortLabels: Record<ListSort, MessageKey> = { active: "thread.sort.active", latest: "thread.sort.latest", unanswered: "thread.sort.unanswered" };

export function SortLinks({ base, query }: { base: string; query: ListQuery }) {
  const { t } = useThreadUi();
  return (
    <nav className="sort-links" aria-label={t("thread.sort.label")}>
      <ul>
        {(["active", "latest", "unanswered"] as const).map((sort) => (
          <li key={sort}>
            <Link to={listHref(base, query, { sort })} aria-current={query.sort === sort ? "page" : undefined} preventScrollReset>
              {t(sortLabels[sort])}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

const groupKeys: Record<string, MessageKey> = {
  situation: "thread.tagGroup.situation",
  phase: "thread.tagGroup.phase",
  audience: "thread.tagGroup.audience",
  format: "thread.tagGroup.format",
  theme: "thread.tagGroup.theme",
};

/** The filters as a plain GET form: works without JavaScript, and the URL can be shared. */
export function TopicFilters({
  base,
  query,
  categories,
  tags,
}: {
  base: string;
  query: ListQuery;
  /** Omitted on a category's own page. */
  categories?: CategoryChoice[];
  tags: TagChoice[];
}) {
  const { t } = useThreadUi();
  const locale = useLocale();
  const groups = new Map<string, TagChoice[]>();
  for (const tag of tags) groups.set(tag.group, [...(groups.get(tag.group) ?? []), tag]);
  const active = Boolean(query.category && categories) || query.tags.length > 0 || Boolean(query.language);
  return (
    <Form method="get" action={base} className="topic-filters card" aria-label={t("thread.filters.label")}>
      {query.sort !== "active" ? <input type="hidden" name="sort" value={query.sort} /> : null}
      <div className="filter-row">
        {categories ? (
          <div className="field">
            <label htmlFor="filter-category">{t("thread.filters.category")}</label>
            <select id="filter-category" name="category" defaultValue={query.category ?? ""}>
              <option value="">{t("thread.filters.allCategories")}</option>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="filter-language">{t("thread.filters.language")}</label>
          <select id="filter-language" name="language" defaultValue={query.language ?? ""}>
            <option value="">{t("thread.filters.allLanguages")}</option>
            {contentLanguages.map((l) => (
              <option key={l} value={l}>
                {languageName(l, locale)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <details className="tag-picker" open={query.tags.length > 0 || undefined}>
        <summary>
          {t("thread.filters.tags")}
          {query.tags.length ? <span className="muted"> ({t("thread.filters.tagsSelected", { count: query.tags.length })})</span> : null}
        </summary>
        <p className="hint">{t("thread.filters.tagsHint")}</p>
        {[...groups].map(([group, list]) => (
          <fieldset key={group}>
            <legend>{groupKeys[group] ? t(groupKeys[group]) : group}</legend>
            <ul className="tag-choices">
              {list.map((tag) => (
                <li key={tag.slug}>
                  <label className="checkbox">
                    <input type="checkbox" name="tag" value={tag.slug} defaultChecked={query.tags.includes(tag.slug)} />
                    <span>
                      {tag.label} <span className="muted">({tag.count})</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ))}
      </details>
      <div className="actions">
        <button type="submit" className="button button-small">
          {t("thread.filters.apply")}
        </button>
        {active ? (
          <Link to={listHref(base, { tags: [], sort: query.sort })} className="button button-secondary button-small">
            {t("thread.filters.clear")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}

/** What is being shown, in words, so that a filtered list never looks like the whole forum. */
export function ActiveFilters({ base, query, categories, tags }: { base: string; query: ListQuery; categories?: CategoryChoice[]; tags: TagChoice[] }) {
  const { t } = useThreadUi();
  const locale = useLocale();
  const items: { key: string; label: string; href: string }[] = [];
  if (query.category && categories) {
    const name = categories.find((c) => c.id === query.category)?.name ?? query.category;
    items.push({ key: `c-${query.category}`, label: t("thread.filters.inCategory", { name }), href: listHref(base, query, { category: undefined }) });
  }
  for (const slug of query.tags) {
    const label = tags.find((x) => x.slug === slug)?.label ?? slug;
    items.push({ key: `t-${slug}`, label: t("thread.filters.withTag", { label }), href: listHref(base, query, { tags: query.tags.filter((x) => x !== slug) }) });
  }
  if (query.language) {
    items.push({ key: "lang", label: t("thread.filters.inLanguage", { language: languageName(query.language, locale) }), href: listHref(base, query, { language: undefined }) });
  }
  if (items.length === 0) return null;
  return (
    <ul className="active-filters" aria-label={t("thread.filters.active")}>
      {items.map((item) => (
        <li key={item.key}>
          <Link to={item.href} className="tag">
            {item.label} <span aria-hidden="true">×</span>
            <span className="sr-only"> ({t("thread.filters.remove")})</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function TopicRows({ items, base, query, categories, tags }: { items: TopicRow[]; base: string; query: ListQuery; categories: CategoryChoice[]; tags: TagChoice[] }) {
  const { t, format } = useThreadUi();
  const locale = useLocale();
  const categoryName = new Map(categories.map((c) => [c.id, c.name]));
  const tagLabel = new Map(tags.map((x) => [x.slug, x.label]));
  return (
    <ol className="topic-list">
      {items.map((topic) => (
        <li key={topic.id} className={topic.unread ? "topic-row topic-unread" : "topic-row"}>
          <div className="topic-main">
            <h2 className="topic-title">
              <PlainLink to={`/discussions/t/${topic.id}`}>
                {topic.title}
              </PlainLink>
            </h2>
            <p className="topic-badges">
              {topic.pinned ? <span className="badge badge-pinned">{t("thread.badge.pinned")}</span> : null}
              {topic.locked ? <span className="badge badge-locked">{t("thread.badge.locked")}</span> : null}
              {topic.answered ? <span className="badge badge-answered">{t("thread.badge.answered")}</span> : null}
              {topic.unread ? (
                <PlainLink to={`/discussions/t/${topic.id}?unread=1`} className="badge badge-unread">
                  {t("thread.badge.unread")}
                  <span className="sr-only"> — {t("thread.list.jumpUnread", { title: topic.title })}</span>
                </PlainLink>
              ) : null}
            </p>
            {topic.excerpt !== "" ? (
              <TextBlock id={topicExcerptId(topic.id)} text={topic.excerpt} className="topic-excerpt" lang={topic.language === locale ? undefined : topic.language} />
            ) : null}
            <p className="topic-meta">
              <PlainLink to={`/discussions/c/${topic.categoryId}`}>{categoryName.get(topic.categoryId) ?? topic.categoryId}</PlainLink>
              {topic.tags.map((slug) => (
                <span key={slug}>
                  {" "}
                  <PlainLink to={listHref(base, { ...query, tags: query.tags.includes(slug) ? query.tags : [...query.tags, slug] })} className="tag">
                    {tagLabel.get(slug) ?? slug}
                  </PlainLink>
                </span>
              ))}
            </p>
            <p className="topic-meta muted">
              {authorLink(topic.author, t)} · {t("thread.list.lastActivity")}{" "}
              <time dateTime={topic.lastPostedAt}>{format.dateTime(topic.lastPostedAt)}</time>
            </p>
          </div>
          <dl className="topic-stats">
            <div>
              <dt>{t("thread.list.replies")}</dt>
              <dd>{topic.replyCount}</dd>
            </div>
            <div>
              <dt>{t("thread.list.views")}</dt>
              <dd>{topic.viewCount}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ol>
  );
}

/** The list's pager: keyset, so only "next" and "back to the start". */
export function ListPager({ base, query, nextCursor, hasCursor }: { base: string; query: ListQuery; nextCursor: string | null; hasCursor: boolean }) {
  const { t } = useThreadUi();
  if (!nextCursor && !hasCursor) return null;
  return (
    <nav className="pager" aria-label={t("thread.pager.label")}>
      {hasCursor ? <Link to={listHref(base, query)}>{t("thread.pager.first")}</Link> : <span />}
      {nextCursor ? (
        <Link to={listHref(base, query, { cursor: nextCursor })} rel="next" className="button button-secondary button-small">
          {t("thread.pager.next")}
        </Link>
      ) : null}
    </nav>
  );
}
