import { Router } from "express";
import { z } from "zod";
import { search, searchRequestOf, searchTextSchema } from "../../app/modules/discussions/search.server";
import { searchQuerySchema } from "../../app/modules/discussions/schemas";
import type { Services } from "../../app/modules/platform/services";
import { badParam, knownFilters, queryOf, requireUser, route } from "./support";

/** `q` apart from the filters: a missing, empty or invisible one is a 422 (the filters' mistakes are 400s). */
const searchTextQuerySchema = z.object({ q: searchTextSchema });

/** `GET /search`: ranked topics, replies and case studies the caller may see. */
export function searchRouter(services: Services): Router {
  const r = Router();

  r.get("/search", route(async (req, res) => {
    const user = requireUser(req);
    const params = queryOf(req, searchQuerySchema);
    if (req.query.q !== undefined && typeof req.query.q !== "string") throw badParam(req, "q", Array.isArray(req.query.q) ? "param.expected.once" : "param.expected.invalid");
    const { q } = queryOf(req, searchTextQuerySchema, 422);
    await knownFilters(req, services.db, { tag: params.tag, category: params.category });
    const result = await search(services, user, searchRequestOf(q, params));
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
