import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import type { Translate } from "../i18n";
import { useUi, type Ui } from "../i18n/react";
import { PlainLink } from "./plain-link";

/** What every discussion page shares: the cached translator and formats, author links, follow forms, list URLs. */
export type ThreadUi = Ui;
export const useThreadUi = useUi;

export type ListSort = "active" | "latest" | "unanswered";
export type ListQuery = { category?: string; tags: string[]; language?: string; sort: ListSort };

/** A list URL with these filters (no cursor: a new filter starts from the first page). */
export function listHref(base: string, query: ListQuery, change: Partial<ListQuery> & { cursor?: string } = {}) {
  const q = { ...query, ...change };
  const params = new URLSearchParams();
  if (q.category) params.set("category", q.category);
  for (const tag of q.tags) params.append("tag", tag);
  if (q.language) params.set("language", q.language);
  if (q.sort !== "active") params.set("sort", q.sort);
  if (change.cursor) params.set("cursor", change.cursor);
  const search = params.toString();
  return search ? `${base}?${search}` : base;
}

/** An author's name linking to their profile; an erased account has no profile. */
export function authorLink(author: { name: string; handle: string } | null, t: Translate) {
  if (!author?.handle) return <span>{t("discussions.deletedUser")}</span>;
  return (
    <PlainLink to={`/people/${author.handle}`}>{author.name}</PlainLink>
  );
}

export function AuthorName({ author }: { author: { name: string; handle: string } | null }) {
  const { t } = useThreadUi();
  return authorLink(author, t);
}

/** Follow, mute or stop following a category or a tag; says the current level in words. */
export function FollowForm({ target, level, name }: { target: "category" | "tag" | "topic"; level: "watching" | "muted" | null; name: string }) {
  const { t } = useThreadUi();
  const status =
    level === "watching"
      ? t("thread.follow.isWatching", { name })
      : level === "muted"
        ? t("thread.follow.isMuted", { name })
        : t("thread.follow.isNone", { name });
  const hidden: ReactNode =
    target === "topic" ? <input type="hidden" name="intent" value="subscribe" /> : (
      <>
        <input type="hidden" name="intent" value="follow" />
        <input type="hidden" name="target" value={target} />
      </>
    );
  return (
    <Form method="post" className="follow-form" id={`follow-${target}`} preventScrollReset>
      {hidden}
      <p className="follow-status">
        <span className="badge">{level === "watching" ? t("thread.follow.watching") : level === "muted" ? t("thread.follow.muted") : t("thread.follow.none")}</span> {status}
      </p>
      <div className="actions">
        {level !== "watching" ? (
          <button type="submit" name="level" value="watching" className="button button-small">
            {t(`thread.follow.do.${target}` as const)}
          </button>
        ) : null}
        {level !== "muted" ? (
          <button type="submit" name="level" value="muted" className="button button-secondary button-small">
            {t("thread.follow.mute")}
          </button>
        ) : null}
        {level !== null ? (
          <button type="submit" name="level" value="none" className="button button-secondary button-small">
            {level === "muted" ? t("thread.follow.unmute") : t("thread.follow.stop")}
          </button>
        ) : null}
      </div>
    </Form>
  );
}
