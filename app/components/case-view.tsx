import { isMessageKey, languageName, type MessageKey } from "../i18n";
import { useLocale } from "../i18n/react";
import { templateFor, type CaseTextField } from "../modules/cases/template";
import type { CaseView } from "../modules/cases/views";
import { CaseAuthorLabel, countryName, StatusBadge } from "./case-list";
import { useThreadUi } from "./thread-ui";

/** What the case page and its print version show of a case (never an anonymous author's id: only `isMine`). */
export type CaseShown = {
  id: string;
  title: string;
  context: { programme?: string; week?: number; groupSize?: number; learnerProfile?: string; notes?: string };
  situationHtml: string;
  actionsTakenHtml: string;
  outcomeHtml: string;
  lessonsHtml: string;
  questionsHtml: string;
  followUpHtml: string | null;
  followUpAt: string | null;
  tags: { slug: string; label: string }[];
  language: string;
  country: string;
  anonymous: boolean;
  status: string;
  author: { name: string; handle: string } | null;
  isMine: boolean;
  createdAt: string;
  publishedAt: string | null;
  templateVersion: number;
  replyCount: number;
  helpfulCount: number;
};

/** What the page shows of a case: no author id ever (an anonymous author is known to the page only as `isMine`). */
export function shownCase(c: CaseView, tagLabel: Map<string, string>): CaseShown {
  return {
    id: c.id,
    title: c.title,
    context: c.context,
    situationHtml: c.situationHtml,
    actionsTakenHtml: c.actionsTakenHtml,
    outcomeHtml: c.outcomeHtml,
    lessonsHtml: c.lessonsHtml,
    questionsHtml: c.questionsHtml,
    followUpHtml: c.followUpHtml,
    followUpAt: c.followUpAt,
    tags: c.tags.map((slug) => ({ slug, label: tagLabel.get(slug) ?? slug })),
    language: c.language,
    country: c.country,
    anonymous: c.anonymous,
    status: c.status,
    author: c.author ? { name: c.author.name, handle: c.author.handle } : null,
    isMine: c.isMine,
    createdAt: c.createdAt,
    publishedAt: c.publishedAt,
    templateVersion: c.templateVersion,
    replyCount: c.replyCount,
    helpfulCount: c.helpfulCount,
  };
}

const sectionTitles: Record<CaseTextField, MessageKey> = {
  situation: "cases.page.situation",
  actionsTaken: "cases.page.actionsTaken",
  outcome: "cases.page.outcome",
  lessons: "cases.page.lessons",
  questions: "cases.page.questions",
};

const htmlOf = (c: CaseShown, field: CaseTextField) =>
  field === "situation" ? c.situationHtml : field === "actionsTaken" ? c.actionsTakenHtml : field === "outcome" ? c.outcomeHtml : field === "lessons" ? c.lessonsHtml : c.questionsHtml;

/** A label from the backend's lists (programmes, learner profiles), or the raw value for one it no longer knows. */
function useListLabel() {
  const { t } = useThreadUi();
  return (prefix: string, value: string) => {
    const key = `${prefix}.${value}`;
    return isMessageKey(key) ? t(key) : value;
  };
}

/** Who shared it and when; the author alone is told when it is anonymous. */
export function CaseByline({ c }: { c: CaseShown }) {
  const { t, format } = useThreadUi();
  const locale = useLocale();
  return (
    <div className="case-byline">
      <p className="case-by">
        {c.author || (c.anonymous && c.isMine) ? (
          <>
            <span className="muted">{t("cases.page.sharedBy")} </span>
            <CaseAuthorLabel author={c.author} anonymous={c.anonymous} isMine={c.isMine} />
          </>
        ) : (
          <span className="case-anonymous">{t("cases.page.anonymous")}</span>
        )}
        {c.status !== "published" ? (
          <>
            {" "}
            <StatusBadge status={c.status} />
          </>
        ) : null}
      </p>
      <p className="post-meta">
        {c.publishedAt ? t("cases.page.published", { date: format.date(c.publishedAt) }) : t("cases.page.created", { date: format.date(c.createdAt) })} ·{" "}
        {countryName(c.country, locale)} · {languageName(c.language, locale)}
      </p>
      {c.isMine ? <p className="case-mine">{c.anonymous ? t("cases.page.mineAnonymous") : t("cases.page.mine")}</p> : null}
    </div>
  );
}

/** The context facts (only those given), as a definition list. */
export function CaseContextFacts({ c }: { c: CaseShown }) {
  const { t } = useThreadUi();
  const listLabel = useListLabel();
  const fields = templateFor(c.templateVersion).context;
  const rows: { key: string; term: string; value: string }[] = [];
  for (const field of fields) {
    const value = c.context[field];
    if (value === undefined || value === null || value === "") continue;
    if (field === "programme") rows.push({ key: field, term: t("cases.page.programme"), value: listLabel("cases.programme", String(value)) });
    else if (field === "week") rows.push({ key: field, term: t("cases.page.week"), value: String(value) });
    else if (field === "groupSize") rows.push({ key: field, term: t("cases.page.groupSize"), value: t("cases.page.groupSizeValue", { count: Number(value) }) });
    else if (field === "learnerProfile") rows.push({ key: field, term: t("cases.page.learnerProfile"), value: listLabel("cases.learnerProfile", String(value)) });
    else if (field === "notes") rows.push({ key: field, term: t("cases.page.notes"), value: String(value) });
  }
  if (rows.length === 0) return null;
  return (
    <section className="case-context" aria-labelledby="case-context-title">
      <h2 id="case-context-title">{t("cases.page.contextTitle")}</h2>
      <dl className="facts case-facts">
        {rows.map((r) => (
          <div key={r.key} className="case-fact">
            <dt>{r.term}</dt>
            <dd>{r.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The case's own sections, in its template version's order; empty optional sections are left out. */
export function CaseSections({ c }: { c: CaseShown }) {
  const { t, format } = useThreadUi();
  const locale = useLocale();
  const lang = c.language === locale ? undefined : c.language;
  return (
    <>
      {templateFor(c.templateVersion).sections.map(({ field }) => {
        const html = htmlOf(c, field);
        if (!html || !html.trim()) return null;
        return (
          <section key={field} className={`case-section case-section-${field}`} aria-labelledby={`case-${field}`}>
            <h2 id={`case-${field}`}>{t(sectionTitles[field])}</h2>
            <div className="markdown-body" lang={lang} dangerouslySetInnerHTML={{ __html: html }} />
          </section>
        );
      })}
      {c.followUpHtml ? (
        <section className="case-section case-follow-up" aria-labelledby="case-followUp">
          <h2 id="case-followUp">{t("cases.page.followUp")}</h2>
          {c.followUpAt ? <p className="post-meta">{t("cases.page.followUpAt", { date: format.date(c.followUpAt) })}</p> : null}
          <div className="markdown-body" lang={lang} dangerouslySetInnerHTML={{ __html: c.followUpHtml }} />
        </section>
      ) : null}
    </>
  );
}

export function CaseTags({ c, linked = true }: { c: CaseShown; linked?: boolean }) {
  const { t } = useThreadUi();
  if (c.tags.length === 0) return null;
  return (
    <ul className="tags case-tags" aria-label={t("cases.page.tags")}>
      {c.tags.map((tag) => (
        <li key={tag.slug}>
          {linked ? (
            <a href={`/cases?tag=${encodeURIComponent(tag.slug)}`} className="tag">
              {tag.label}
            </a>
          ) : (
            <span className="tag">{tag.label}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
