import { can } from "../../app/modules/accounts/permissions";
import { DomainError, notFound } from "../../app/modules/platform/errors";
import { idPageQuerySchema } from "../../app/modules/platform/api-schemas";
import { z } from "../../app/modules/platform/zod";
import {
  acceptSchema,
  categoryDetailSchema,
  categoryPatchSchema,
  categoryRequestSchema,
  categorySchema,
  moderationActionEnvelopeSchema,
  moderationActionSchema,
  moderationLogSchema,
  newPostSchema,
  newTopicSchema,
  notificationPageSchema,
  notificationsReadSchema,
  postEnvelopeSchema,
  postPatchSchema,
  reactionKindSchema,
  revisionListSchema,
  subscriptionEnvelopeSchema,
  subscriptionRequestSchema,
  tagMergeSchema,
  tagRequestSchema,
  tagSchema,
  topicEnvelopeSchema,
  topicListQuerySchema,
  topicListSchema,
  topicPageSchema,
  topicPatchSchema,
  topicRevisionListSchema,
  unreadCountSchema,
} from "../../app/modules/discussions/schemas";
import { createCategory, listCategories, listTags, mergeTags, upsertCategory, upsertTag } from "../../app/modules/discussions/taxonomy.server";
import {
  acceptAnswer,
  createReply,
  createTopic,
  deletePost,
  editPost,
  editTopic,
  getPost,
  getTopicPage,
  listRevisions,
  listTopicRevisions,
  listTopics,
  moderateTopic,
  setReaction,
  setTopicSubscription,
} from "../../app/modules/discussions/topics.server";
import { listNotifications, markNotificationsRead } from "../../app/modules/discussions/notifications.server";
import { listModerationLog } from "../../app/modules/moderation/log.server";
import type { Services } from "../../app/modules/platform/services";
import { localeOf } from "../http";
import { idParams, pathParams, type ApiRoutes } from "./registry";
import { idParam, knownFilters, requireUser } from "./support";

const topicId = idParams({ id: "The topic's id." });
const postId = idParams({ id: "The post's id." });
const leadsOnly = "Leads and admins (others → 403).";

export function discussionsRoutes(r: ApiRoutes, services: Services): void {
  const { db } = services;
  const publicUrl = () => services.config.publicUrl;

  // ---------------------------------------------------------------------------------------------- categories, tags

  r.add(
    {
      operationId: "listCategories",
      method: "get",
      path: "/categories",
      tag: "Discussions",
      summary: "The discussion categories",
      description:
        "A small reference list: the whole array, unpaginated, in the leads' order. `name` and `description` are " +
        "in the caller's language (French, else English).",
      auth: "signed-in",
      answers: { 200: { description: "Every category.", schema: z.array(categorySchema) } },
    },
    async (req, res) => {
      requireUser(req);
      const items = await listCategories(db, localeOf(req));
      res.json(items.map(({ id, slug, name, description }) => ({ id, slug, name, description })));
    },
  );

  r.add(
    {
      operationId: "createCategory",
      method: "post",
      path: "/categories",
      tag: "Discussions",
      summary: "Create a category (lead, admin)",
      description: `${leadsOnly} 409 when a category already has this \`id\`.`,
      auth: "signed-in",
      body: categoryRequestSchema,
      answers: { 201: { description: "Created.", schema: categoryDetailSchema } },
      problems: [409],
    },
    async (req, res, io) => {
      const user = requireUser(req);
      if (!can(user, { action: "taxonomy:manage" })) throw new DomainError(403, "auth.forbidden");
      const input = io.body();
      await createCategory(db, input);
      res.status(201).json((await listCategories(db, localeOf(req))).find((c) => c.id === input.id));
    },
  );

  r.add(
    {
      operationId: "updateCategory",
      method: "patch",
      path: "/categories/{id}",
      tag: "Discussions",
      summary: "Change a category (lead, admin)",
      description:
        `${leadsOnly} Replaces the names, descriptions and position (an omitted description becomes empty, an ` +
        "omitted position 0). 404 for an unknown category.",
      auth: "signed-in",
      params: pathParams({ id: "The category's id." }),
      body: categoryPatchSchema,
      answers: { 200: { description: "The updated category.", schema: categoryDetailSchema } },
      problems: [404],
    },
    async (req, res, io) => {
      const user = requireUser(req);
      if (!can(user, { action: "taxonomy:manage" })) throw new DomainError(403, "auth.forbidden");
      const input = io.body();
      const existing = (await listCategories(db, "fr")).find((c) => c.id === req.params.id);
      if (!existing) throw notFound();
      await upsertCategory(db, { id: req.params.id, ...input });
      res.json((await listCategories(db, localeOf(req))).find((c) => c.id === req.params.id));
    },
  );

  r.add(
    {
      operationId: "listTags",
      method: "get",
      path: "/tags",
      tag: "Discussions",
      summary: "The shared tag taxonomy",
      description:
        "A small reference list: the whole array, unpaginated, by group then slug, with how many visible topics " +
        "use each tag. `label` is in the caller's language.",
      auth: "signed-in",
      answers: { 200: { description: "Every tag.", schema: z.array(tagSchema) } },
    },
    async (req, res) => {
      requireUser(req);
      const items = await listTags(db, localeOf(req));
      res.json(items.map(({ slug, label, group, count, labels }) => ({ slug, label, group, count, labels })));
    },
  );

  r.add(
    {
      operationId: "upsertTag",
      method: "post",
      path: "/tags",
      tag: "Discussions",
      summary: "Create or change a tag (lead, admin)",
      description:
        `${leadsOnly} Creates the tag, or replaces the group and labels of the tag with this \`slug\`; answers 201 ` +
        "either way. Empty optional labels are dropped.",
      auth: "signed-in",
      body: tagRequestSchema,
      answers: { 201: { description: "The tag as now stored.", schema: tagSchema } },
    },
    async (req, res, io) => {
      const user = requireUser(req);
      if (!can(user, { action: "taxonomy:manage" })) throw new DomainError(403, "auth.forbidden");
      const input = io.body();
      await upsertTag(db, { ...input, labels: Object.fromEntries(Object.entries(input.labels).filter(([, v]) => v)) as typeof input.labels & Record<string, string> });
      res.status(201).json((await listTags(db, localeOf(req))).find((t) => t.slug === input.slug));
    },
  );

  r.add(
    {
      operationId: "mergeTag",
      method: "post",
      path: "/tags/{slug}/merge",
      tag: "Discussions",
      summary: "Merge a tag into another (lead, admin)",
      description:
        `${leadsOnly} Every topic tagged \`slug\` gets \`into\` instead, followers of \`slug\` follow \`into\`, and ` +
        "`slug` is removed; one transaction. 409 when both are the same tag; 422 (on `tag`) when either does not exist.",
      auth: "signed-in",
      params: pathParams({ slug: "The tag to merge away." }),
      body: tagMergeSchema,
      answers: { 200: { description: "The tag merged into.", schema: tagSchema } },
      problems: [409],
    },
    async (req, res, io) => {
      const user = requireUser(req);
      if (!can(user, { action: "taxonomy:manage" })) throw new DomainError(403, "auth.forbidden");
      const { into } = io.body();
      await mergeTags(db, req.params.slug, into);
      res.status(200).json((await listTags(db, localeOf(req))).find((t) => t.slug === into));
    },
  );

  // ---------------------------------------------------------------------------------------------- topics

  r.add(
    {
      operationId: "listTopics",
      method: "get",
      path: "/topics",
      tag: "Discussions",
      summary: "List topics",
      description:
        "Visible discussion topics, filtered by `category`, `tag` (repeated tags combine with AND) and `language`, " +
        "sorted by `sort`: `active` (default, latest reply first), `latest` (newest topic first) or `unanswered` " +
        "(newest topics with no reply yet). Within a category, pinned topics lead. A bad parameter or cursor, a " +
        "category or tag that does not exist → 400 naming it.",
      auth: "signed-in",
      query: topicListQuerySchema,
      answers: { 200: { description: "A page of topics.", schema: topicListSchema } },
    },
    async (req, res, io) => {
      const user = requireUser(req);
      const query = io.query();
      await knownFilters(req, db, { tag: query.tag, category: query.category });
      res.json(await listTopics(services, user, query));
    },
  );

  r.add(
    {
      operationId: "createTopic",
      method: "post",
      path: "/topics",
      tag: "Discussions",
      summary: "Start a topic",
      description:
        "Any signed-in member. `categoryId` and every tag must exist (else 422 on that field). The author watches " +
        "the topic from then on; people mentioned, and followers of the category or of one of its tags, are notified.",
      auth: "signed-in",
      body: newTopicSchema,
      answers: { 201: { description: "Created.", schema: topicEnvelopeSchema } },
    },
    async (req, res, io) => {
      const user = requireUser(req);
      const topic = await createTopic(services, user, io.body());
      res.status(201).json({ topic });
    },
  );

  r.add(
    {
      operationId: "getTopic",
      method: "get",
      path: "/topics/{id}",
      tag: "Discussions",
      summary: "A topic with a page of its replies",
      description:
        "The topic and one page of its replies: up to `limit` first-level replies in order, each followed by its " +
        "whole tree (any depth), depth-first; at most 400 posts per page. `parentId` null means a reply to the topic " +
        "itself. A deleted reply stays as a placeholder (`deleted`, no author, empty body) so the tree keeps its " +
        "shape; a hidden one is blanked the same way for everyone but leads and admins. Hidden and deleted topics " +
        "are 404 (hidden ones are shown to leads and admins). Opening a topic counts a view and moves my read position. " +
        "A bad `cursor` or `limit` → 400.",
      auth: "signed-in",
      params: topicId,
      query: idPageQuerySchema,
      answers: { 200: { description: "The topic and a page of replies.", schema: topicPageSchema } },
      problems: [404],
    },
    async (req, res, io) => {
      const user = requireUser(req);
      const q = io.query();
      // The API returns the whole tree of each first-level reply (any depth); pages show three levels inline.
      const page = await getTopicPage(services, user, idParam(req.params.id), { ...q, maxDepth: 1_000_000 });
      if (!page) throw notFound();
      services.activity.recordVisit(user.id, Number(page.topic.id), page.posts);
      res.json({ topic: page.topic, posts: page.posts, nextCursor: page.nextCursor });
    },
  );

  r.add(
    {
      operationId: "updateTopic",
      method: "patch",
      path: "/topics/{id}",
      tag: "Discussions",
      summary: "Edit a topic (author or lead)",
      description:
        "The topic's author, or a lead or admin (others → 403). Any subset of the fields; `tags` replaces the whole " +
        "list. A changed title or text keeps the earlier version whole in the topic's revision history (`GET " +
        "/topics/{id}/revisions`); people newly mentioned are notified. `categoryId` and every tag must exist (else 422). " +
        "A case's discussion is edited through its case (409).",
      auth: "signed-in",
      params: topicId,
      body: topicPatchSchema,
      answers: { 200: { description: "The updated topic.", schema: topicEnvelopeSchema } },
      problems: [404, 409],
    },
    async (req, res, io) => {
      const user = requireUser(req);
      const topic = await editTopic(services, user, idParam(req.params.id), io.body());
      res.json({ topic });
    },
  );

  r.add(
    {
      operationId: "listTopicRevisions",
      method: "get",
      path: "/topics/{id}/revisions",
      tag: "Discussions",
      summary: "A topic's earlier versions",
      description:
        "Each earlier title and text whole, oldest first, with who wrote it; the current version is the topic itself. " +
        "Only title and text changes are kept (not tags or category). 404 for a deleted topic, or a hidden one (but to " +
        "leads and admins), or an id that is not a number.",
      auth: "signed-in",
      params: topicId,
      answers: { 200: { description: "The earlier versions.", schema: topicRevisionListSchema } },
      problems: [404],
    },
    async (req, res) => {
      const user = requireUser(req);
      const { items } = await listTopicRevisions(services, user, idParam(req.params.id));
      res.json({ items });
    },
  );

  r.add(
    {
      operationId: "createReply",
      method: "post",
      path: "/topics/{id}/posts",
      tag: "Discussions",
      summary: "Reply to a topic or to a reply",
      description:
        "Without `parentId` (or with null) a reply to the topic itself; otherwise to that reply of the same topic " +
        "(another topic's, or one I may not see → 422 on `parentId`; a deleted one → 409). 409 when the topic is " +
        "locked; 404 when it is hidden or deleted. I watch the topic from then on; the person replied to, people " +
        "mentioned and the topic's watchers are notified.",
      auth: "signed-in",
      params: topicId,
      body: newPostSchema,
      answers: { 201: { description: "Created.", schema: postEnvelopeSchema } },
      problems: [404, 409],
    },
    async (req, res, io) => {
      const user = requireUser(req);
      const input = io.body();
      const post = await createReply(services, user, idParam(req.params.id), input);
      res.status(201).json({ post });
    },
  );

  r.add(
    {
      operationId: "acceptAnswer",
      method: "post",
      path: "/topics/{id}/accept",
      tag: "Discussions",
      summary: "Mark the reply that solved it (topic author or lead)",
      description:
        "The topic's author, or a lead or admin (others → 403). `postId` names a visible reply of this topic (else " +
        "422 on `postId`); null clears the accepted answer. The reply's author is notified. A case's discussion has " +
        "approaches that helped instead (409).",
      auth: "signed-in",
      params: topicId,
      body: acceptSchema,
      answers: { 200: { description: "The updated topic.", schema: topicEnvelopeSchema } },
      problems: [404, 409],
    },
    async (req, res, io) => {
      const user = requireUser(req);
      const { postId } = io.body();
      res.json({ topic: await acceptAnswer(services, user, idParam(req.params.id), postId) });
    },
  );

  r.add(
    {
      operationId: "setTopicSubscription",
      method: "put",
      path: "/topics/{id}/subscription",
      tag: "Discussions",
      summary: "Watch or mute a topic",
      description:
        "`watching` (the default, also with no body): notified of every reply. `muted`: no notification about this " +
        "topic at all, not even mentions.",
      auth: "signed-in",
      params: topicId,
      body: subscriptionRequestSchema,
      bodyRequired: false,
      answers: { 200: { description: "My subscription to the topic.", schema: subscriptionEnvelopeSchema } },
      problems: [404],
    },
    async (req, res, io) => {
      const user = requireUser(req);
      const { level } = io.body();
      await setTopicSubscription(db, user, idParam(req.params.id), level);
      res.json({ subscription: { level } });
    },
  );

  r.add(
    {
      operationId: "deleteTopicSubscription",
      method: "delete",
      path: "/topics/{id}/subscription",
      tag: "Discussions",
      summary: "Stop watching or muting a topic",
      description: "Back to the default: notified only of replies to me and mentions. 204 also when there was no subscription.",
      auth: "signed-in",
      params: topicId,
      answers: { 204: { description: "Subscription removed." } },
      problems: [404],
    },
    async (req, res) => {
      const user = requireUser(req);
      await setTopicSubscription(db, user, idParam(req.params.id), null);
      res.status(204).end();
    },
  );

  // ---------------------------------------------------------------------------------------------- posts

  r.add(
    {
      operationId: "getPost",
      method: "get",
      path: "/posts/{id}",
      tag: "Discussions",
      summary: "One reply",
      description: "404 when it or its topic is absent or not visible to me; a deleted reply answers its placeholder.",
      auth: "signed-in",
      params: postId,
      answers: { 200: { description: "The reply.", schema: postEnvelopeSchema } },
      problems: [404],
    },
    async (req, res) => {
      const user = requireUser(req);
      const post = await getPost(services, user, idParam(req.params.id));
      if (!post) throw notFound();
      res.json({ post });
    },
  );

  r.add(
    {
      operationId: "updatePost",
      method: "patch",
      path: "/posts/{id}",
      tag: "Discussions",
      summary: "Edit a reply (author or lead)",
      description:
        "The reply's author, or a lead or admin (others → 403). Keeps a revision: the earlier version whole, listed " +
        "by `GET /posts/{id}/revisions`. People newly mentioned are notified. 404 for a deleted reply.",
      auth: "signed-in",
      params: postId,
      body: postPatchSchema,
      answers: { 200: { description: "The updated reply.", schema: postEnvelopeSchema } },
      problems: [404],
    },
    async (req, res, io) => {
      const user = requireUser(req);
      const { body } = io.body();
      res.json({ post: await editPost(services, user, idParam(req.params.id), body) });
    },
  );

  r.add(
    {
      operationId: "deletePost",
      method: "delete",
      path: "/posts/{id}",
      tag: "Discussions",
      summary: "Delete a reply (author or lead)",
      description:
        "The reply's author, or a lead or admin (others → 403). A placeholder keeps the tree: the replies under it " +
        "keep their place. A deleted accepted answer is no longer accepted. 404 when already deleted.",
      auth: "signed-in",
      params: postId,
      answers: { 204: { description: "Deleted." } },
      problems: [404],
    },
    async (req, res) => {
      const user = requireUser(req);
      await deletePost(services, user, idParam(req.params.id));
      res.status(204).end();
    },
  );

  r.add(
    {
      operationId: "listPostRevisions",
      method: "get",
      path: "/posts/{id}/revisions",
      tag: "Discussions",
      summary: "A reply's earlier versions",
      description:
        "Each earlier version whole, oldest first, with who wrote it; the current version is the reply itself. " +
        "404 for a deleted reply, or a hidden one (but to leads and admins).",
      auth: "signed-in",
      params: postId,
      answers: { 200: { description: "The earlier versions.", schema: revisionListSchema } },
      problems: [404],
    },
    async (req, res) => {
      const user = requireUser(req);
      const result = await listRevisions(services, user, idParam(req.params.id));
      if (!result) throw notFound();
      res.json({ items: result.items });
    },
  );

  const reactionParams = postId.extend({ kind: reactionKindSchema.describe("The reaction; any other value → 404.") });
  for (const method of ["put", "delete"] as const) {
    r.add(
      {
        operationId: method === "put" ? "addReaction" : "removeReaction",
        method,
        path: "/posts/{id}/reactions/{kind}",
        tag: "Discussions",
        summary: method === "put" ? "React to a reply" : "Take back a reaction",
        description:
          (method === "put"
            ? "Idempotent: reacting twice with the same kind counts once."
            : "Idempotent: removing a reaction I did not make changes nothing.") +
          " 404 for an unknown kind, or a deleted or hidden reply.",
        auth: "signed-in",
        params: reactionParams,
        answers: { 200: { description: "The reply with its reaction counts.", schema: postEnvelopeSchema } },
        problems: [404],
      },
      async (req, res) => {
        const user = requireUser(req);
        const kind = reactionKindSchema.safeParse(req.params.kind);
        if (!kind.success) throw notFound();
        const post = await setReaction(services, user, idParam(req.params.id), kind.data, method === "put");
        res.json({ post });
      },
    );
  }

  // ---------------------------------------------------------------------------------------------- moderation

  r.add(
    {
      operationId: "createModerationAction",
      method: "post",
      path: "/moderation/actions",
      tag: "Moderation",
      summary: "Lock, unlock, pin or unpin a topic (lead, admin)",
      description:
        `${leadsOnly} Implemented for \`targetType: "topic"\` with \`action\` lock, unlock, pin or unpin: a locked ` +
        "topic takes no new reply (409), a pinned one leads its category's list. Recorded in the moderation log with " +
        "who and why. 404 for an absent or deleted topic.",
      auth: "signed-in",
      body: moderationActionSchema,
      answers: { 201: { description: "Done and logged.", schema: moderationActionEnvelopeSchema } },
      problems: [404],
    },
    async (req, res, io) => {
      const user = requireUser(req);
      if (!can(user, { action: "topic:moderate" })) throw new DomainError(403, "auth.forbidden");
      const input = io.body();
      const action = await moderateTopic(services, user, idParam(input.targetId), input.action, input.reason);
      res.status(201).json({ action });
    },
  );

  r.add(
    {
      operationId: "listModerationLog",
      method: "get",
      path: "/moderation/log",
      tag: "Moderation",
      summary: "The moderation log (lead, admin)",
      description: `${leadsOnly} Every moderation action and identity reveal: who, when, why; newest first (50 a page unless \`limit\` says otherwise). A bad parameter → 400.`,
      auth: "signed-in",
      query: idPageQuerySchema,
      answers: { 200: { description: "A page of the log.", schema: moderationLogSchema } },
      problems: [403],
    },
    async (req, res, io) => {
      const user = requireUser(req);
      if (!can(user, { action: "moderation:access" })) throw new DomainError(403, "auth.forbidden");
      const q = io.query();
      res.json(await listModerationLog(db, { before: q.cursor ? Number(q.cursor) : undefined, limit: q.limit, publicUrl: publicUrl() }));
    },
  );

  // ---------------------------------------------------------------------------------------------- notifications

  r.add(
    {
      operationId: "listNotifications",
      method: "get",
      path: "/notifications",
      tag: "Notifications",
      summary: "My notifications",
      description:
        "Newest first, with the number of unread ones. Notifications about content I may no longer see (hidden or " +
        "deleted since) are left out, and so is their count. Also pushed live (`notification:new`). A bad parameter → 400.",
      auth: "signed-in",
      query: idPageQuerySchema,
      answers: { 200: { description: "A page of my notifications.", schema: notificationPageSchema } },
    },
    async (req, res, io) => {
      const user = requireUser(req);
      const q = io.query();
      res.json(await listNotifications(db, user, publicUrl(), { before: q.cursor ? Number(q.cursor) : undefined, limit: q.limit }));
    },
  );

  r.add(
    {
      operationId: "markNotificationsRead",
      method: "post",
      path: "/notifications/read",
      tag: "Notifications",
      summary: "Mark notifications read",
      description: "`{ids}` marks those of mine (other ids are ignored); `{all:true}` marks every one of mine.",
      auth: "signed-in",
      body: notificationsReadSchema,
      answers: { 200: { description: "The unread count afterwards.", schema: unreadCountSchema } },
    },
    async (req, res, io) => {
      const user = requireUser(req);
      const input = io.body();
      await markNotificationsRead(db, user.id, "all" in input ? { all: true } : { ids: input.ids });
      const { unread } = await listNotifications(db, user, publicUrl(), { limit: 1 });
      res.json({ unread });
    },
  );
}
