/**
 * What the discussion pages (topic list, category page, topic page, thread page) share on the server: the list
 * query read from a URL, the tag labels, and the one action handler for everything a reader does to posts.
 */
import { data, redirect, type AppLoadContext } from "@remix-run/node";
import type { ContentLanguage } from "../../../db/schema/discussions";
import type { AuthUser } from "../accounts/auth.server";
import { can } from "../accounts/permissions";
import { badParamsResponse, readQuery, translatorFor } from "../platform/context.server";
import { DomainError } from "../platform/errors";
import { formKeyOf } from "../platform/form-keys";
import { renewedFormKey } from "../platform/form-submissions.server";
import { parseWith, translateFieldErrors, type FieldErrors } from "../platform/validation";
import { idSchema, moderationReasonSchema, newPostSchema, reactionKindSchema, topicListPageQuerySchema, topicListSorts } from "./schemas";
import { unknownFilterValues } from "./taxonomy.server";
export { tagsFor } from "./taxonomy.server";
import {
  acceptAnswer,
  createReply,
  deletePost,
  moderateTopic,
  postPath,
  setReaction,
  setSubscription,
  setTopicSubscription,
} from "./topics.server";

/** The topic list's sorts (the API's `sort`). */
export const listSorts = topicListSorts;
export type ListSort = (typeof listSorts)[number];
export type ListFilters = { category?: string; tags: string[]; language?: ContentLanguage; sort: ListSort; cursor?: string };

/**
 * The filters of a topic list from its URL (topicListPageQuerySchema): a value that cannot be right, a tag or a
 * category that does not exist, answers the 400 page naming it. On a category's page, `category` is that one.
 */
export async function readListFilters(context: AppLoadContext, request: Request, category?: string): Promise<ListFilters> {
  const query = readQuery(context, request, topicListPageQuerySchema);
  const unknown = await unknownFilterValues(context.services.db, translatorFor(context), { tag: query.tag, category: category ? undefined : query.category });
  if (unknown.length) throw badParamsResponse(request, unknown);
  return { category: category ?? query.category, tags: query.tag, language: query.language, sort: query.sort, cursor: query.cursor };
}

export type ThreadActionData = {
  intent: string;
  postId?: string;
  parentId?: string;
  body?: string;
  reason?: string;
  errors?: FieldErrors;
  formError?: string;
  ok?: boolean;
  /** A failed reply's new key: sent again, it is a new submission. */
  formKey?: string;
};

/** The page the form was posted from (with its query), never anything else. */
function backTo(request: Request, anchor?: string) {
  const url = new URL(request.url);
  const pathname = url.pathname.replace(/\.data$/, "");
  url.searchParams.delete("_routes");
  url.searchParams.delete("index");
  const search = url.searchParams.toString();
  return `${pathname}${search ? `?${search}` : ""}${anchor ? `#${anchor}` : ""}`;
}

const parseId = (value: FormDataEntryValue | null) => {
  const parsed = idSchema.safeParse(typeof value === "string" ? value : "");
  return parsed.success ? parsed.data : null;
};

/**
 * Everything a reader does on a topic or thread page: reply, react, delete, accept, follow, and (leads) lock and pin.
 * Every path checks who is asking through the domain functions; errors come back in the reader's language with
 * what they typed.
 */
export async function handleThreadAction(context: AppLoadContext, request: Request, user: AuthUser, topicId: number) {
  const t = translatorFor(context);
  const services = context.services;
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const fail = (error: unknown, echo: Omit<ThreadActionData, "intent" | "errors" | "formError">) => {
    if (!(error instanceof DomainError)) throw error;
    if (error.status === 403) throw new Response("Forbidden", { status: 403 });
    return data<ThreadActionData>(
      { intent, ...echo, errors: translateFieldErrors(error.options.fieldErrors, t), formError: t(error.messageKey, error.options.params) },
      { status: error.status },
    );
  };

  switch (intent) {
    case "reply": {
      const body = String(form.get("body") ?? "");
      const parentRaw = String(form.get("parentId") ?? "").trim();
      const parsed = parseWith(newPostSchema, { body, parentId: parentRaw || null }, t);
      if (!parsed.ok) return data<ThreadActionData>({ intent, parentId: parentRaw, body, errors: parsed.errors }, { status: 422 });
      try {
        // Posted twice (a double click, a retried POST), the same form makes one reply: both go to it.
        const post = await createReply(services, user, topicId, parsed.data, { formKey: formKeyOf(form) });
        return redirect(postPath(topicId, post.id));
      } catch (error) {
        return fail(error, { parentId: parentRaw, body, ...renewedFormKey() });
      }
    }
    case "react": {
      // `<post>:<kind>:<1|0>`, from the page's one reactions form.
      const [postRaw, kindRaw, on] = String(form.get("reaction") ?? "").split(":");
      const postId = parseId(postRaw ?? "");
      const kind = reactionKindSchema.safeParse(kindRaw);
      if (postId === null || !kind.success || (on !== "1" && on !== "0")) {
        return data<ThreadActionData>({ intent, formError: t("thread.error.badRequest") }, { status: 400 });
      }
      try {
        await setReaction(services, user, postId, kind.data, on === "1");
      } catch (error) {
        return fail(error, { postId: String(postId) });
      }
      // With JavaScript the button updates in place; without it, back to the post.
      if (form.get("js") === "1") return data<ThreadActionData>({ intent, postId: String(postId), ok: true });
      return redirect(backTo(request, `post-${postId}`));
    }
    case "delete": {
      const postId = parseId(form.get("postId"));
      if (postId === null) return data<ThreadActionData>({ intent, formError: t("thread.error.badRequest") }, { status: 400 });
      try {
        await deletePost(services, user, postId);
      } catch (error) {
        return fail(error, { postId: String(postId) });
      }
      return redirect(backTo(request, `post-${postId}`));
    }
    case "accept": {
      const raw = String(form.get("postId") ?? "").trim();
      const postId = raw ? parseId(raw) : null;
      if (raw && postId === null) return data<ThreadActionData>({ intent, formError: t("thread.error.badRequest") }, { status: 400 });
      try {
        await acceptAnswer(services, user, topicId, postId);
      } catch (error) {
        return fail(error, { postId: raw });
      }
      return redirect(backTo(request, postId ? `post-${postId}` : "top"));
    }
    case "subscribe": {
      const level = String(form.get("level") ?? "");
      if (level !== "watching" && level !== "muted" && level !== "none") {
        return data<ThreadActionData>({ intent, formError: t("thread.error.badRequest") }, { status: 400 });
      }
      try {
        await setTopicSubscription(services.db, user, topicId, level === "none" ? null : level);
      } catch (error) {
        return fail(error, {});
      }
      return redirect(backTo(request, "follow-topic"));
    }
    case "moderate": {
      if (!can(user, { action: "topic:moderate" })) throw new Response("Forbidden", { status: 403 });
      const action = String(form.get("action") ?? "");
      const reason = String(form.get("reason") ?? "");
      if (action !== "lock" && action !== "unlock" && action !== "pin" && action !== "unpin") {
        return data<ThreadActionData>({ intent, reason, formError: t("thread.error.badRequest") }, { status: 400 });
      }
      const parsed = parseWith(moderationReasonSchema, { reason }, t);
      if (!parsed.ok) return data<ThreadActionData>({ intent, reason, errors: parsed.errors }, { status: 422 });
      try {
        await moderateTopic(services, user, topicId, action, parsed.data.reason);
      } catch (error) {
        return fail(error, { reason });
      }
      return redirect(backTo(request, "top"));
    }
    default:
      return data<ThreadActionData>({ intent, formError: t("thread.error.badRequest") }, { status: 400 });
  }
}

/** Follow, mute or stop following a category or a tag, from a list page. */
export async function handleFollowAction(context: AppLoadContext, request: Request, user: AuthUser, allowed: { category?: string; tag?: string }) {
  const t = translatorFor(context);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const target = String(form.get("target") ?? "");
  const level = String(form.get("level") ?? "");
  if (intent !== "follow" || (level !== "watching" && level !== "muted" && level !== "none")) {
    return data<ThreadActionData>({ intent, formError: t("thread.error.badRequest") }, { status: 400 });
  }
  const [type, id] = target === "category" ? (["category", allowed.category] as const) : target === "tag" ? (["tag", allowed.tag] as const) : [null, undefined];
  if (!type || !id) return data<ThreadActionData>({ intent, formError: t("thread.error.badRequest") }, { status: 400 });
  await setSubscription(context.services.db, user.id, type, id, level === "none" ? null : level);
  return redirect(backTo(request, `follow-${type}`));
}

/** Roughly what one post weighs on a page besides its text (markup, forms, hydration data), and the page's budget. */
const postOverheadBytes = 2600;
const pageBudgetBytes = 72_000;

/**
 * Keeps a page of the reply tree under its weight budget (the page must stay under 100 KB, whatever the thread):
 * posts come in reading order, first-level branches one after another. Branches are kept whole while they fit; in
 * the branch that overflows, the rest of its replies are left to the "continue this thread" link their parent then
 * shows, and the page ends there: `cut` says the page stopped before a branch it had, so "more replies" starts after
 * `lastRootId`. With `target`, the page
 * starts at the branch holding that post, and the post and its ancestors are always kept.
 */
export function fitPage<P extends { id: string; parentId: string | null; bodyHtml: string }>(
  posts: P[],
  options: { target?: string | null; budget?: number } = {},
): { posts: P[]; cut: boolean; lastRootId: string | null; startsLater: boolean } {
  const budget = options.budget ?? pageBudgetBytes;
  const byId = new Map(posts.map((p) => [p.id, p]));
  const isRoot = (p: P) => !p.parentId || !byId.has(p.parentId);
  const mustKeep = new Set<string>();
  let targetRoot = -1;
  if (options.target && byId.has(options.target)) {
    let p = byId.get(options.target)!;
    mustKeep.add(p.id);
    while (!isRoot(p)) {
      p = byId.get(p.parentId!)!;
      mustKeep.add(p.id);
    }
    targetRoot = posts.indexOf(p);
  }
  const fill = (start: number) => {
    const kept: P[] = [];
    const dropped = new Set<string>();
    let used = 0;
    let overflow = false;
    let cutAt = -1;
    let lastRootId: string | null = null;
    for (let i = start; i < posts.length; i++) {
      const p = posts[i];
      const cost = postOverheadBytes + 2 * p.bodyHtml.length;
      if (isRoot(p)) {
        if (kept.length && (overflow || used + cost > budget)) {
          cutAt = i;
          break;
        }
        lastRootId = p.id;
      } else if (!mustKeep.has(p.id) && (overflow || dropped.has(p.parentId!) || used + cost > budget)) {
        dropped.add(p.id);
        overflow = true;
        continue;
      }
      kept.push(p);
      used += cost;
    }
    return { posts: kept, cutAt, lastRootId };
  };
  // The page as it comes; if the permalinked post's branch does not make it, the page starts at that branch.
  let start = 0;
  let result = fill(0);
  if (targetRoot > 0 && result.cutAt !== -1 && result.cutAt <= targetRoot) {
    start = targetRoot;
    result = fill(targetRoot);
  }
  return { posts: result.posts, cut: result.cutAt !== -1, lastRootId: result.lastRootId, startsLater: start > 0 };
}
