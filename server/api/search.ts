import { search, searchParamsSchema, searchRequestOf, searchTextSchema } from "../../app/modules/discussions/search.server";
import { searchQuerySchema, searchResultSchema } from "../../app/modules/discussions/schemas";
import { DomainError } from "../../app/modules/platform/errors";
import type { Services } from "../../app/modules/platform/services";
import type { ApiRoutes } from "./registry";
import { requireUser } from "./support";

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
        "forms where the stemmer allows. Empty parameters count as absent. A missing, blank or too long `q` → 422 (on " +
        "`q`); any other bad parameter → 400.",
      auth: "signed-in",
      query: searchQuerySchema,
      answers: { 200: { description: "A page of ranked hits.", schema: searchResultSchema } },
      problems: [422],
    },
    async (req, res) => {
      const user = requireUser(req);
      // `q` and the filters fail differently (422 on `q`, 400 for the rest): both parts of the declared query.
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
    },
  );
}
