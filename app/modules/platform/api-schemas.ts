import { intParam } from "./params";
import { z } from "./zod";

/**
 * Shapes every API area shares: problems (RFC 9457), ids, times, links, pages. Pure: the routers answer with them,
 * the OpenAPI document is generated from them, and the tests check every answer against them.
 */

export const fieldErrorsSchema = z
  .record(z.array(z.string()))
  .openapi("FieldErrors", { description: "`{field: [message]}`; `_form` for a problem with the body as a whole." });

const problemShape = {
  type: z.string().url().openapi({ examples: ["https://digital-compass.eu/problems/not-found"] }),
  title: z.string(),
  status: z.number().int().min(400).max(599),
  detail: z.string(),
  errors: fieldErrorsSchema.optional(),
};
export const problemSchema = z.object(problemShape).strict().openapi("Problem", { description: "An RFC 9457 problem, in the caller's language." });

export const validationProblemSchema = z
  .object({ ...problemShape, status: z.literal(422), errors: fieldErrorsSchema })
  .strict()
  .openapi("ValidationProblem", { description: "An RFC 9457 problem for invalid fields: `errors` maps each field to its messages." });

export const paramProblemSchema = z
  .object({ ...problemShape, status: z.literal(400), errors: fieldErrorsSchema })
  .strict()
  .openapi("ParameterProblem", {
    description:
      "An RFC 9457 problem for URL parameters that cannot be right: `detail` names them, `errors` maps each parameter " +
      "to a sentence saying what it expects (`{param: [message]}`), in the caller's language.",
  });

/** A topic, post, case, notification or moderation action id: a positive integer, as a string. */
export const idStringSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,15}$/)
  .openapi("Id", { description: "A topic, post, case, notification or moderation action id: a positive integer, as a string." });

/**
 * `T | null` for a schema the document names: the union keeps the `$ref` and adds `null` beside it
 * (`.nullable()` on a named schema loses the null or the reference in the generated document).
 */
export const orNull = <T extends z.ZodTypeAny>(schema: T) => z.union([schema, z.null()]);

/** An ISO-8601 UTC time, as answered. */
export const dateTimeSchema = z.string().datetime();
/** An absolute link into the web UI (`PUBLIC_URL` + path). */
export const absoluteUrlSchema = z.string().url();

export const nextCursorSchema = z.string().nullable().describe("Pass as `cursor` for the next page; null on the last.");

/** `{items, nextCursor}`, a page of a list (plus any `extra` members). */
export const pageOf = <T extends z.ZodTypeAny, E extends z.ZodRawShape = Record<never, never>>(item: T, extra?: E) =>
  z.object({ items: z.array(item), ...(extra ?? ({} as E)), nextCursor: nextCursorSchema }).strict();

/** `{items}`, a whole (small) list. */
export const listOf = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item) }).strict();

/**
 * The `nextCursor` of a list paginated by id (notifications, the moderation log, a topic's first-level replies);
 * anything else is a 400 naming `cursor`.
 */
export const idCursorQuery = z
  .string()
  .regex(/^\d{1,16}$/, "param.expected.cursor")
  .describe("The `nextCursor` of the previous page.");

/** `?cursor=&limit=` of the lists paginated by id (notifications, the moderation log, a topic's replies). */
export const idPageQuerySchema = z.object({ cursor: idCursorQuery.optional(), limit: intParam(1, 100).optional().describe("Page size.") });

export const healthSchema = z.object({ status: z.literal("ok") }).strict();
export const unhealthySchema = z.object({ status: z.literal("unavailable") }).strict();
