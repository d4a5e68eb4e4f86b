import { Link } from "@remix-run/react";
import type { DiffPart, FieldChange, HistoryVersion } from "../modules/discussions/diff";
import { useLocale } from "../i18n/react";
import { Page } from "./layout";
import { AuthorName, useThreadUi } from "./thread-ui";

type Person = { name: string; handle: string } | null;

export type RevisionHistoryProps = {
  topic: { id: string; title: string; language: string };
  /** The page's introduction (whose text, how many versions). */
  intro: string;
  /** Said when there is only the current version. */
  never: string;
  back: { href: string; label: string };
  versions: HistoryVersion<Person>[];
};

/** The edit history of a post or a topic: each version, newest first, as a word diff from the one before. */
export function RevisionHistory({ topic, intro, never, back, versions }: RevisionHistoryProps) {
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
        intro={intro}
        actions={
          <a href={back.href} className="button button-secondary">
            {back.label}
          </a>
        }
      >
        {versions.length === 1 ? <p className="alert alert-info">{never}</p> : null}
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
              {v.title ? (
                <>
                  <h3 className="history-field">{t("thread.history.titleField")}</h3>
                  <Changes field={v.title} lang={lang} />
                  <h3 className="history-field">{t("thread.history.bodyField")}</h3>
                </>
              ) : null}
              <Changes field={v.body} lang={lang} />
            </li>
          ))}
        </ol>
      </Page>
    </>
  );
}

function Changes({ field, lang }: { field: FieldChange; lang?: string }) {
  const { t } = useThreadUi();
  if (!field.changes) {
    return (
      <div className="diff" lang={lang}>
        {field.text}
      </div>
    );
  }
  return (
    <div className="diff" lang={lang}>
      {field.changes.map((part: DiffPart, i) =>
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
  );
}
