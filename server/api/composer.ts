import { z } from "../../app/modules/platform/zod";
import { previewMarkdown, searchMentions } from "../../app/modules/discussions/compose.server";
import { markdownPreviewResultSchema, markdownPreviewSchema, mentionCandidateSchema, mentionQuerySchema } from "../../app/modules/discussions/schemas";
import type { Services } from "../../app/modules/platform/services";
import type { ApiRoutes } from "./registry";
import { requireUser } from "./support";

/** Helpers for writing: the markdown preview and @mention suggestions. */
export function composerRoutes(r: ApiRoutes, services: Services): void {
  const { db } = services;

  r.add(
    {
      operationId: "previewMarkdown",
      method: "post",
      path: "/markdown/preview",
      tag: "Composer",
      summary: "Preview markdown",
      description:
        "What a text will look like once posted: the same rendering and sanitising as on write, with the handles of " +
        "active members linked. Nothing is stored, nobody is notified. Never cached.",
      auth: "signed-in",
      body: markdownPreviewSchema,
      answers: {
        200: {
          description: "The rendered HTML.",
          schema: markdownPreviewResultSchema,
          headers: { "Cache-Control": { schema: { const: "no-store" } } },
        },
      },
    },
    async (req, res, input) => {
      const user = requireUser(req);
      const { body } = input.body();
      res.set("Cache-Control", "no-store").json(await previewMarkdown(db, user, body));
    },
  );

  r.add(
    {
      operationId: "suggestMentions",
      method: "get",
      path: "/mentions",
      tag: "Composer",
      summary: "Suggest people to @mention",
      description:
        "Up to 8 active members whose handle, name or a word of their name starts with `q` (a leading `@` is " +
        "dropped), accent- and case-insensitive; handle matches first. An empty `q` answers an empty list. More " +
        "than 40 characters, or only invisible ones → 422 naming `q`.",
      auth: "signed-in",
      query: mentionQuerySchema,
      typedParams: "all",
      answers: {
        200: {
          description: "The suggestions, best first.",
          schema: z.array(mentionCandidateSchema).max(8),
          headers: { "Cache-Control": { schema: { const: "private, max-age=30" } } },
        },
      },
      problems: [422],
    },
    async (req, res, input) => {
      const user = requireUser(req);
      const { q } = input.query();
      res.set("Cache-Control", "private, max-age=30").json(await searchMentions(db, user, q ?? ""));
    },
  );
}
