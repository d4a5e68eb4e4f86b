import { Router } from "express";
import { z } from "zod";
import { previewMarkdown, searchMentions } from "../../app/modules/discussions/compose.server";
import { mentionQuerySchema } from "../../app/modules/discussions/schemas";
import type { Services } from "../../app/modules/platform/services";
import { bodyOf, queryOf, requireUser, route } from "./support";

const previewSchema = z.object({ body: z.string().max(50_000) }).strict();

/** Helpers for writing: the markdown preview and @mention suggestions. */
export function composerRouter(services: Services): Router {
  const r = Router();
  const { db } = services;

  r.post("/markdown/preview", route(async (req, res) => {
    const user = requireUser(req);
    const { body } = bodyOf(req, previewSchema);
    res.set("Cache-Control", "no-store").json(await previewMarkdown(db, user, body));
  }));

  r.get("/mentions", route(async (req, res) => {
    const user = requireUser(req);
    // A query too long is a 422, as documented before URL parameters had their own 400s.
    const { q } = queryOf(req, mentionQuerySchema, 422);
    res.set("Cache-Control", "private, max-age=30").json(await searchMentions(db, user, q ?? ""));
  }));

  return r;
}
