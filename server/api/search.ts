import { search, searchRequestOf } from "../../app/modules/discussions/search.server";
import { searchQuerySchema, searchResultSchema } from "../../app/modules/discussions/schemas";
import type { Services } from "../../app/modules/platform/services";
import type { ApiRoutes } from "./registry";
import { knownFilters, requireUser } from "./support";

/** `GET /search`: ranked topics, replies and case studies the caller may see. */
export function searchRoutes(r: ApiRoutes, services: Services): void {
  r.add(
    {
      operationId: "search",
      method: "get",
      path: "/search",
      tag: "Search",
      summary: "Search",
      description:
        "Ranked topics, replies and case studies, and never what the caller may not see (no hidden or deleted topic or " +
        "reply, nor a reply of a hidden topic). Without `language`, each document is matched in its own language's configuration and accent-blind; a query finds singular/plural and conjugated " +
        "forms where the stemmer allows. Empty parameters count as absent. A missing, blank, invisible or too long `q` " +
        "→ 422 naming `q`; any other bad parameter (a tag or category that does not exist, a date that is not one…) → 400 naming it.",
      auth: "signed-in",
      query: searchQuerySchema,
      typedParams: ["q"],
      answers: { 200: { description: "A page of ranked hits.", schema: searchResultSchema } },
    },
    async (req, res, input) => {
      const user = requireUser(req);
      const { q, ...params } = input.query();
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
    },
  );
}
