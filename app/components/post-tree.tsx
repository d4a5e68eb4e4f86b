import { Form, useFetchers, useSubmit } from "@remix-run/react";
import type { FormEvent, ReactNode } from "react";
import type { Role } from "../../db/schema/accounts";
import type { MessageKey } from "../i18n";
import type { Translate } from "../i18n";
import { can } from "../modules/accounts/permissions";
import { FormKeyInput, SubmitButton } from "./forms";
import { MarkdownEditor } from "./markdown-editor";
import { HtmlBlock, sentOnce, type PageHtml } from "./page-html";
import { PlainLink } from "./plain-link";
import { authorLink, useThreadUi, type ThreadUi } from "./thread-ui";

export type ReactionKind = "helpful" | "same-here" | "thanks";
export const reactionKinds: ReactionKind[] = ["helpful", "same-here", "thanks"];

/** What a page keeps of a post for the tree (no markdown source, no absolute url: the page stays light). */
export type TreePost = {
  id: string;
  parentId: string | null;
  depth: number;
  author: { id: string; name: string; handle: string } | null;
  /** Null when the page itself carries it (see `sentOnce`). */
  bodyHtml: string | null;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  hidden: boolean;
  childCount: number;
  reactions: Record<ReactionKind, number>;
  reactors: Record<ReactionKind, string[]>;
  myReactions: ReactionKind[];
};

export const postBodyId = (postId: string) => `post-body-${postId}`;

export function slimPost<P extends Omit<TreePost, "bodyHtml"> & { bodyHtml: string; body?: string; url?: string; topicId?: string }>(post: P, pageHtml: PageHtml | null): TreePost {
  return {
    id: post.id,
    parentId: post.parentId,
    depth: post.depth,
    author: post.author,
    bodyHtml: sentOnce(pageHtml, postBodyId(post.id), post.bodyHtml),
    createdAt: post.createdAt,
    editedAt: post.editedAt,
    deleted: post.deleted,
    hidden: post.hidden,
    childCount: post.childCount,
    reactions: post.reactions,
    reactors: post.reactors,
    myReactions: post.myReactions,
  };
}

export type ActionEcho = {
  intent: string;
  postId?: string;
  parentId?: string;
  body?: string;
  errors?: Record<string, string[] | undefined>;
  formError?: string;
  /** A failed post's new key (the next post is a new submission). */
  formKey?: string;
};

export type TreeContext = {
  topicId: string;
  viewer: { id: string; role: Role; centreId: string };
  topicAuthorId: string | null;
  acceptedPostId: string | null;
  locked: boolean;
  /** Posts from this id on are new since the last visit. */
  firstUnread: number | null;
  /** Heading level of the first-level posts (h3 under the page's h2). */
  headingLevel: number;
  action?: ActionEcho;
  /** The key the reply forms carry (one reply per key, however often it is posted). */
  formKey?: string;
  /** The post whose reply form is open (`?reply=`); the others show a link, which keeps a page light. */
  replyTo?: string | null;
  /** The page's own query (the cursor), kept by the reply links. */
  pageQuery?: string;
  /** The page's own path, so reply links stay absolute (`/discussions/t/1?reply=2`). */
  pagePath: string;
  /** A case's discussion: how to name a post whose author is hidden (the anonymous author of the case). */
  anonymousAuthor?: string;
  /** Posts to set apart (a case's "approaches that helped"). */
  highlighted?: string[];
  /** More actions under a post (a case's author marks the approaches that helped). */
  renderExtra?: (post: TreePost) => ReactNode;
};

const replyHref = (ctx: TreeContext, postId: string) => {
  const params = new URLSearchParams(ctx.pageQuery ?? "");
  params.delete("post");
  params.set("reply", postId);
  return `${ctx.pagePath}?${params.toString()}#reply-${postId}`;
};

export const permalink = (topicId: string, postId: string) => `/discussions/t/${topicId}?post=${postId}#post-${postId}`;

/** The reply tree: nested lists, each branch collapsible without JavaScript, deeper branches on their own page. */
export function PostTree({ posts, ctx }: { posts: TreePost[]; ctx: TreeContext }) {
  const ui = useThreadUi();
  const ids = new Set(posts.map((p) => p.id));
  const byParent = new Map<string, TreePost[]>();
  const roots: TreePost[] = [];
  for (const p of posts) {
    if (p.parentId && ids.has(p.parentId)) {
      const list = byParent.get(p.parentId);
      if (list) list.push(p);
      else byParent.set(p.parentId, [p]);
    } else roots.push(p);
  }
  const pending = usePendingReactions();
  return (
    <>
      <ReactionsForm />
      <ol className="post-tree">
        {roots.map((p) => (
          <PostItem key={p.id} post={p} byParent={byParent} ctx={ctx} ui={ui} level={0} pending={pending} />
        ))}
      </ol>
    </>
  );
}

const reactionsFormId = "reactions-form";
const reactionFetcherPrefix = "reaction-";

/**
 * One form for every reaction button of the page (each button names it with `form=` and carries
 * `<post>:<kind>:<1|0>`): a plain post without JavaScript; with it, sent in the background so that the count changes
 * in place. One form rather than one per post keeps the page and its render light.
 */
function ReactionsForm() {
  const submit = useSubmit();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    if (!(submitter instanceof HTMLButtonElement) || submitter.name !== "reaction") return;
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    data.set("reaction", submitter.value);
    data.set("js", "1");
    submit(data, { method: "post", navigate: false, fetcherKey: `${reactionFetcherPrefix}${submitter.value.split(":")[0]}`, preventScrollReset: true });
  };
  return (
    <form method="post" id={reactionsFormId} hidden onSubmit={onSubmit}>
      <input type="hidden" name="intent" value="react" />
    </form>
  );
}

/** The reaction each post is sending right now ("helpful:1"), for an optimistic count. */
function usePendingReactions(): Map<string, string> {
  const pending = new Map<string, string>();
  for (const fetcher of useFetchers()) {
    const reaction = fetcher.formData?.get("reaction");
    if (fetcher.key.startsWith(reactionFetcherPrefix) && typeof reaction === "string") {
      pending.set(fetcher.key.slice(reactionFetcherPrefix.length), reaction.slice(reaction.indexOf(":") + 1));
    }
  }
  return pending;
}

type Ui = ThreadUi;

function PostItem({
  post,
  byParent,
  ctx,
  ui,
  level,
  pending,
}: {
  post: TreePost;
  byParent: Map<string, TreePost[]>;
  ctx: TreeContext;
  ui: Ui;
  level: number;
  pending: Map<string, string>;
}) {
  const { t, format } = ui;
  const kids = byParent.get(post.id) ?? [];
  const notShown = Math.max(post.childCount - kids.length, 0);
  const blank = post.deleted || (post.hidden && !post.author);
  const heading = `h${Math.min(ctx.headingLevel + level, 6)}` as "h3";
  const Heading = heading;
  const accepted = ctx.acceptedPostId === post.id;
  const isNew = ctx.firstUnread !== null && Number(post.id) >= ctx.firstUnread && !blank && post.author?.id !== ctx.viewer.id;
  const highlighted = !blank && Boolean(ctx.highlighted?.includes(post.id));
  const classes = ["post-item", accepted ? "post-accepted" : "", highlighted ? "post-helped" : "", isNew ? "post-new" : "", blank ? "post-blank" : ""].filter(Boolean).join(" ");
  return (
    <li id={`post-${post.id}`} className={classes}>
      <article className="post" aria-labelledby={`by-${post.id}`}>
        <header className="post-head">
          <Heading className="post-by" id={`by-${post.id}`}>
            {blank ? (
              post.deleted ? t("thread.post.deletedHeading") : t("thread.post.hiddenHeading")
            ) : (
              <>
                <span className="sr-only">{`${t("thread.post.replyFrom")} `}</span>
                {post.author === null && ctx.anonymousAuthor ? <span className="anonymous-author">{ctx.anonymousAuthor}</span> : authorLink(post.author, t)}
              </>
            )}
          </Heading>
          <span className="post-meta">
            <a href={permalink(ctx.topicId, post.id)} className="post-time" title={t("thread.post.permalink")}>
              <time dateTime={post.createdAt}>{format.dateTime(post.createdAt)}</time>
            </a>
            {post.editedAt ? (
              <>
                {" · "}
                <PlainLink to={`/discussions/p/${post.id}/history`}>{t("thread.post.edited")}</PlainLink>
              </>
            ) : null}
            {accepted ? <span className="badge badge-answered">{t("thread.post.solution")}</span> : null}
            {isNew ? <span className="badge badge-unread">{t("thread.post.new")}</span> : null}
            {post.hidden && !blank ? <span className="badge badge-hidden">{t("thread.post.hiddenBadge")}</span> : null}
          </span>
        </header>
        {blank ? (
          <p className="post-placeholder">{post.deleted ? t("thread.post.deleted") : t("thread.post.hidden")}</p>
        ) : (
          <>
            <HtmlBlock id={postBodyId(post.id)} html={post.bodyHtml} className="post-body markdown-body" />
            <PostActions post={post} ctx={ctx} ui={ui} accepted={accepted} pending={pending.get(post.id)} />
          </>
        )}
      </article>
      {kids.length > 0 ? (
        <details open className="branch">
          <summary>
            <span className="branch-label">{t("thread.post.branch", { count: kids.length })}</span>
          </summary>
          <ol className="post-tree">
            {kids.map((k) => (
              <PostItem key={k.id} post={k} byParent={byParent} ctx={ctx} ui={ui} level={level + 1} pending={pending} />
            ))}
          </ol>
        </details>
      ) : null}
      {notShown > 0 ? (
        <p className="continue-thread">
          <PlainLink to={`/discussions/thread/${post.id}`}>{t("thread.post.continue", { count: notShown })}</PlainLink>
        </p>
      ) : null}
    </li>
  );
}

function PostActions({ post, ctx, ui, accepted, pending }: { post: TreePost; ctx: TreeContext; ui: Ui; accepted: boolean; pending?: string }) {
  const { t } = ui;
  const authorId = post.author?.id ?? "";
  const canEdit = Boolean(authorId) && can(ctx.viewer, { action: "post:edit", authorId });
  const canDelete = Boolean(authorId) && can(ctx.viewer, { action: "post:delete", authorId });
  const canAccept = !post.hidden && ctx.topicAuthorId !== null && can(ctx.viewer, { action: "topic:accept", topicAuthorId: ctx.topicAuthorId });
  const echo = ctx.action?.intent === "reply" && ctx.action.parentId === post.id ? ctx.action : undefined;
  return (
    <div className="post-actions">
      <Reactions post={post} t={t} pending={pending} />
      {!ctx.locked && !echo && ctx.replyTo !== post.id ? (
        <PlainLink to={replyHref(ctx, post.id)} className="post-action" keepScroll>
          {t("thread.post.reply")}
        </PlainLink>
      ) : null}
      {!ctx.locked && (echo || ctx.replyTo === post.id) ? (
        <div className="reply-box">
          <Form method="post" preventScrollReset className="reply-form" discover="none">
            <input type="hidden" name="intent" value="reply" />
            <input type="hidden" name="parentId" value={post.id} />
            <FormKeyInput value={ctx.formKey} />
            <MarkdownEditor
              id={`reply-${post.id}`}
              name="body"
              label={t("thread.post.replyTo", { name: post.author?.name ?? ctx.anonymousAuthor ?? "" })}
              defaultValue={echo?.body}
              errors={echo?.errors?.body}
              draftKey={`dc-draft:reply:${ctx.topicId}:${post.id}`}
              rows={4}
              required
              autoFocus
              emptyAfterPost
              failed={Boolean(echo)}
            />
            <SubmitButton className="button button-small" pendingLabel={t("thread.post.sending")}>
              {t("thread.post.send")}
            </SubmitButton>
          </Form>
        </div>
      ) : null}
      {canEdit ? (
        <PlainLink to={`/discussions/p/${post.id}/edit`} className="post-action">
          {t("thread.post.edit")}
        </PlainLink>
      ) : null}
      {canAccept ? (
        <form method="post" className="inline-form">
          <input type="hidden" name="intent" value="accept" />
          <button name="postId" value={accepted ? "" : post.id} className="link-button post-action">
            {accepted ? t("thread.post.unaccept") : t("thread.post.accept")}
          </button>
        </form>
      ) : null}
      {ctx.renderExtra?.(post)}
      {canDelete ? (
        <details className="confirm-box">
          <summary className="post-action">{t("thread.post.delete")}</summary>
          <form method="post">
            <p>{t("thread.post.deleteConfirm")}</p>
            <input type="hidden" name="intent" value="delete" />
            <button name="postId" value={post.id} className="button button-danger button-small">
              {t("thread.post.deleteYes")}
            </button>
          </form>
        </details>
      ) : null}
    </div>
  );
}

const reactionLabels: Record<ReactionKind, MessageKey> = {
  helpful: "thread.react.helpful",
  "same-here": "thread.react.sameHere",
  thanks: "thread.react.thanks",
};
const reactionIcons: Record<ReactionKind, string> = { helpful: "💡", "same-here": "🙋", thanks: "🙏" };

/** Toggle buttons of the page's one reactions form (`ReactionsForm`). */
function Reactions({ post, t, pending }: { post: TreePost; t: Translate; pending?: string }) {
  return (
    <div className="reactions" role="group" aria-label={t("thread.react.group")}>
      {reactionKinds.map((kind) => {
        let pressed = post.myReactions.includes(kind);
        let count = post.reactions[kind];
        if (pending?.startsWith(`${kind}:`)) {
          const on = pending.endsWith(":1");
          if (on !== pressed) count = Math.max(count + (on ? 1 : -1), 0);
          pressed = on;
        }
        const names = post.reactors[kind];
        const more = count - names.length;
        const who = names.length === 0 ? "" : more > 0 ? t("thread.react.whoMore", { names: names.join(", "), count: more }) : names.join(", ");
        // Kept lean: twenty posts carry sixty of these buttons.
        return (
          <button key={kind} form={reactionsFormId} name="reaction" value={`${post.id}:${kind}:${pressed ? 0 : 1}`} aria-pressed={pressed} className="reaction" title={who || undefined}>
            <span aria-hidden="true">{reactionIcons[kind]}</span>
            {count > 0 ? ` ${t(reactionLabels[kind])} ${count}` : ` ${t(reactionLabels[kind])}`}
            {who ? <span className="reactors sr-only">{` — ${who}`}</span> : null}
          </button>
        );
      })}
    </div>
  );
}

/**
 * The reply to the topic itself, under the tree: plain form without JavaScript, the markdown editor with it. After a
 * successful post the box is empty again and its draft gone; after a failure the text stays.
 */
export function TopicReplyForm({
  topicId,
  label,
  submitLabel,
  pendingLabel,
  echo,
  formKey,
}: {
  topicId: string;
  label: string;
  submitLabel: string;
  pendingLabel: string;
  echo?: ActionEcho;
  formKey?: string;
}) {
  return (
    <Form method="post" preventScrollReset>
      <input type="hidden" name="intent" value="reply" />
      <FormKeyInput value={formKey} />
      <MarkdownEditor
        name="body"
        label={label}
        defaultValue={echo?.body}
        errors={echo?.errors?.body}
        draftKey={`dc-draft:reply:${topicId}`}
        rows={6}
        required
        emptyAfterPost
        failed={Boolean(echo)}
      />
      <SubmitButton pendingLabel={pendingLabel}>{submitLabel}</SubmitButton>
    </Form>
  );
}
