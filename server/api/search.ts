import { Router } from "express";
import { search, searchParamsSchema, searchRequestOf, searchTextSchema } from "../../app/modules/discussions/search.server";
import { DomainError } from "../../app/modules/platform/errors";
import type { Services } from "../../app/modules/platform/services";
import { requireUser, route } from "./support";

/** `GET /search`: ranked topics and replies (case studies next) the caller may see. */
export function searchRouter(services: Services): Router {
  const r = Router();

  r.get("/search", route(async (req, res) => {
    const user = requireUser(req);
    const { q, ...rest } = req.query;
    const params = searchParamsSchema.safeParse(rest);
    if (!params.success) throw new DomainError(400, "problem.badRequest");
    if (Array.isArray(q) || (q !== undefined && typeof q !== "string")) throw new DomainError(400, "problem.badRequest");
    const text = searchTextSchema.safeParse(q ?? "");
    if (!text.success) {
      throw new DomainError(422, "problem.unprocessable", { fieldErrors: { q: text.error.issues.map((i) => i.message) } });
    }
    const result = await search(services, user, searchRequestOf(text.data, params.data));
    res.json({
      items: result.items.map((h) => ({
        type: h.type,
        id: h.id,
        title: h.title,
        snippet: h.snippet,
        url: h.url,
        topicId: h.topicId,
        language: h.language,
        createdAt: h.createdAt,
      })),
      nextCursor: result.nextCursor,
    });
  }));

  return r;
}
