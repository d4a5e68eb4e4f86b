import { Router } from "express";
import { z } from "zod";
import { can } from "../../app/modules/accounts/permissions";
import { DomainError, notFound } from "../../app/modules/platform/errors";
import { lineText } from "../../app/modules/platform/validation";
import {
  acceptSchema,
  categoryDescription,
  categoryName,
  idPagedQuerySchema,
  idSchema,
  newPostSchema,
  newTopicSchema,
  postPatchSchema,
  optionalTagLabel,
  reactionKindSchema,
  tagLabel,
  topicListQuerySchema,
  topicPatchSchema,
  topicQuerySchema,
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
import { bodyOf, idParam, knownFilters, queryOf, requireUser, route } from "./support";

const categorySchema = z
  .object({
    id: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{1,48}[a-z0-9]$/, "validation.invalid"),
    nameFr: categoryName,
    nameEn: categoryName,
    descriptionFr: categoryDescription.optional(),
    descriptionEn: categoryDescription.optional(),
    position: z.number().int().min(0).max(1000).optional(),
  })
  .strict();

const tagSchema = z
  .object({
    slug: z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9-]{0,48}[a-z0-9]$/, "validation.invalid"),
    group: z.string().trim().min(2).max(40),
    labels: z.object({ fr: tagLabel, en: tagLabel, es: optionalTagLabel.optional(), ro: optionalTagLabel.optional(), nl: optionalTagLabel.optional() }),
  })
  .strict();

const moderationActionSchema = z
  .object({
    targetType: z.enum(["topic"]),
    targetId: z.union([z.string(), z.number()]).pipe(z.coerce.string().min(1)),
    action: z.enum(["lock", "unlock", "pin", "unpin"]),
    reason: lineText({ min: 0, max: 1000 }).default(""),
  })
  .strict();

export function discussionsRouter(services: Services): Router {
  const r = Router();
  const { db } = services;
  const publicUrl = services.config.publicUrl;

  r.get("/categories", route(async (req, res) => {
    requireUser(req);
    const items = await listCategories(db, localeOf(req));
    res.json(items.map(({ id, slug, name, description }) => ({ id, slug, name, description })));
  }));

  r.post("/categories", route(async (req, res) => {
    const user = requireUser(req);
    if (!can(user, { action: "taxonomy:manage" })) throw new DomainError(403, "auth.forbidden");
    const input = bodyOf(req, categorySchema);
    await createCategory(db, input);
    res.status(201).json((await listCategories(db, localeOf(req))).find((c) => c.id === input.id));
  }));

  r.patch("/categories/:id", route(async (req, res) => {
    const user = requireUser(req);
    if (!can(user, { action: "taxonomy:manage" })) throw new DomainError(403, "auth.forbidden");
    const input = bodyOf(req, categorySchema.omit({ id: true }));
    const existing = (await listCategories(db, "fr")).find((c) => c.id === req.params.id);
    if (!existing) throw notFound();
    await upsertCategory(db, { id: req.params.id, ...input });
    res.json((await listCategories(db, localeOf(req))).find((c) => c.id === req.params.id));
  }));

  r.get("/tags", route(async (req, res) => {
    requireUser(req);
    const items = await listTags(db, localeOf(req));
    res.json(items.map(({ slug, label, group, count, labels }) => ({ slug, label, group, count, labels })));
  }));

  r.post("/tags", route(async (req, res) => {
    const user = requireUser(req);
    if (!can(user, { action: "taxonomy:manage" })) throw new DomainError(403, "auth.forbidden");
    const input = bodyOf(req, tagSchema);
    await upsertTag(db, { ...input, labels: Object.fromEntries(Object.entries(input.labels).filter(([, v]) => v)) as typeof input.labels & Record<string, string> });
    res.status(201).json((await listTags(db, localeOf(req))).find((t) => t.slug === input.slug));
  }));

  r.post("/tags/:slug/merge", route(async (req, res) => {
    const user = requireUser(req);
    if (!can(user, { action: "taxonomy:manage" })) throw new DomainError(403, "auth.forbidden");
    const { into } = bodyOf(req, z.object({ into: z.string().trim().min(1).max(50) }).strict());
    await mergeTags(db, req.params.slug, into);
    res.status(200).json((await listTags(db, localeOf(req))).find((t) => t.slug === into));
  }));

  r.get("/topics", route(async (req, res) => {
    const user = requireUser(req);
    const query = queryOf(req, topicListQuerySchema);
    await knownFilters(req, db, { tag: query.tag, category: query.category });
    res.json(await listTopics(services, user, query));
  }));

  r.post("/topics", route(async (req, res) => {
    const user = requireUser(req);
    const topic = await createTopic(services, user, bodyOf(req, newTopicSchema));
    res.status(201).json({ topic });
  }));

  r.get("/topics/:id", route(async (req, res) => {
    const user = requireUser(req);
    const q = queryOf(req, topicQuerySchema);
    // The API returns the whole tree of each first-level reply (any depth); pages show three levels inline.
    const page = await getTopicPage(services, user, idParam(req.params.id), { ...q, maxDepth: 1_000_000 });
    if (!page) throw notFound();
    services.activity.recordVisit(user.id, Number(page.topic.id), page.posts);
    res.json({ topic: page.topic, posts: page.posts, nextCursor: page.nextCursor });
  }));

  r.patch("/topics/:id", route(async (req, res) => {
    const user = requireUser(req);
    const topic = await editTopic(services, user, idParam(req.params.id), bodyOf(req, topicPatchSchema));
    res.json({ topic });
  }));

  r.post("/topics/:id/posts", route(async (req, res) => {
    const user = requireUser(req);
    const input = bodyOf(req, newPostSchema);
    const post = await createReply(services, user, idParam(req.params.id), input);
    res.status(201).json({ post });
  }));

  r.post("/topics/:id/accept", route(async (req, res) => {
    const user = requireUser(req);
    const { postId } = bodyOf(req, acceptSchema);
    res.json({ topic: await acceptAnswer(services, user, idParam(req.params.id), postId) });
  }));

  r.put("/topics/:id/subscription", route(async (req, res) => {
    const user = requireUser(req);
    const { level } = bodyOf(req, z.object({ level: z.enum(["watching", "muted"]).default("watching") }).strict());
    await setTopicSubscription(db, user, idParam(req.params.id), level);
    res.json({ subscription: { level } });
  }));

  r.delete("/topics/:id/subscription", route(async (req, res) => {
    const user = requireUser(req);
    await setTopicSubscription(db, user, idParam(req.params.id), null);
    res.status(204).end();
  }));

  r.get("/posts/:id", route(async (req, res) => {
    const user = requireUser(req);
    const post = await getPost(services, user, idParam(req.params.id));
    if (!post) throw notFound();
    res.json({ post });
  }));

  r.patch("/posts/:id", route(async (req, res) => {
    const user = requireUser(req);
    const { body } = bodyOf(req, postPatchSchema);
    res.json({ post: await editPost(services, user, idParam(req.params.id), body) });
  }));

  r.delete("/posts/:id", route(async (req, res) => {
    const user = requireUser(req);
    await deletePost(services, user, idParam(req.params.id));
    res.status(204).end();
  }));

  r.get("/topics/:id/revisions", route(async (req, res) => {
    const user = requireUser(req);
    const { items } = await listTopicRevisions(services, user, idParam(req.params.id));
    res.json({ items });
  }));

  r.get("/posts/:id/revisions", route(async (req, res) => {
    const user = requireUser(req);
    const result = await listRevisions(services, user, idParam(req.params.id));
    if (!result) throw notFound();
    res.json({ items: result.items });
  }));

  for (const method of ["put", "delete"] as const) {
    r[method]("/posts/:id/reactions/:kind", route(async (req, res) => {
      const user = requireUser(req);
      const kind = reactionKindSchema.safeParse(req.params.kind);
      if (!kind.success) throw notFound();
      const post = await setReaction(services, user, idParam(req.params.id), kind.data, method === "put");
      res.json({ post });
    }));
  }

  r.post("/moderation/actions", route(async (req, res) => {
    const user = requireUser(req);
    if (!can(user, { action: "topic:moderate" })) throw new DomainError(403, "auth.forbidden");
    const input = bodyOf(req, moderationActionSchema);
    const action = await moderateTopic(services, user, idParam(input.targetId), input.action, input.reason);
    res.status(201).json({ action });
  }));

  r.get("/moderation/log", route(async (req, res) => {
    const user = requireUser(req);
    if (!can(user, { action: "moderation:access" })) throw new DomainError(403, "auth.forbidden");
    const q = queryOf(req, idPagedQuerySchema);
    res.json(await listModerationLog(db, { before: q.cursor ? Number(q.cursor) : undefined, limit: q.limit, publicUrl }));
  }));

  r.get("/notifications", route(async (req, res) => {
    const user = requireUser(req);
    const q = queryOf(req, idPagedQuerySchema);
    res.json(await listNotifications(db, user, publicUrl, { before: q.cursor ? Number(q.cursor) : undefined, limit: q.limit }));
  }));

  r.post("/notifications/read", route(async (req, res) => {
    const user = requireUser(req);
    const input = bodyOf(req, z.union([z.object({ all: z.literal(true) }).strict(), z.object({ ids: z.array(idSchema).max(500) }).strict()]));
    await markNotificationsRead(db, user.id, "all" in input ? { all: true } : { ids: input.ids });
    const { unread } = await listNotifications(db, user, publicUrl, { limit: 1 });
    res.json({ unread });
  }));

  return r;
}
