import { Router } from "express";
import { z } from "zod";
import { createTranslator } from "../../app/i18n";
import { previewMarkdown, searchMentions } from "../../app/modules/discussions/compose.server";
import { DomainError } from "../../app/modules/platform/errors";
import { parseWith } from "../../app/modules/platform/validation";
import { localeOf } from "../http";
import type { Services } from "../../app/modules/platform/services";
import { bodyOf, requireUser, route } from "./support";

const previewSchema = z.object({ body: z.string().max(50_000) }).strict();
const mentionQuerySchema = z.object({ q: z.string().max(40).default("") });

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
    const parsed = parseWith(mentionQuerySchema, { q: req.query.q }, createTranslator(localeOf(req)));
    if (!parsed.ok) throw new DomainError(422, "problem.unprocessable", { fieldErrors: parsed.errors });
    res.set("Cache-Control", "private, max-age=30").json(await searchMentions(db, user, parsed.data.q));
  }));

  return r;
}
