import { Router, type Request, type Response } from "express";
import { idStringSchema } from "../../app/modules/platform/api-schemas";
import type { ProblemStatus } from "../../app/modules/platform/errors";
import { z } from "../../app/modules/platform/zod";
import { bodyOf, queryOf, route } from "./support";

/**
 * The route registry of `/api/v1`: an operation is declared once, with its method, path, summary, auth, request
 * schemas and answers, and mounted with its handler through `ApiRoutes.add`, the only way to mount an API route.
 * The OpenAPI document (`openapi.ts`) is generated from these declarations; the tests check every answer the
 * integration tests receive against them (`tests/setup/api-contract.ts`).
 */

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

export const apiTags = {
  Accounts: "Sign-in, profile, sessions, personal access tokens, invitations and user administration.",
  Centres: "The centres of the network (public).",
  Discussions: "Categories, tags, topics, threaded replies, revisions, reactions, accepted answers and subscriptions.",
  Search: "Full-text search over what the caller may see.",
  Cases:
    "Case studies: structured, optionally anonymous, reviewed when they may identify someone; identity reveal and approaches that helped.",
  Notifications: "My notifications (also pushed live as `notification:new`).",
  Moderation: "Moderation actions on topics (lock, unlock, pin, unpin) and the moderation log (leads and admins).",
  Composer: "Helpers for writing: the markdown preview and @mention suggestions.",
  Platform: "Health check and this description.",
} as const;
export type ApiTag = keyof typeof apiTags;

/**
 * Who may call: `public` (anyone; an `Authorization` header naming no valid token still answers 401),
 * `signed-in` (session cookie or bearer token), `session-optional` (acts on the session cookie when there is one).
 */
export type ApiAuth = "public" | "signed-in" | "session-optional";

/** A response header, as OpenAPI writes it. */
export type HeaderDoc = { description?: string; required?: boolean; schema: Record<string, unknown> };
/** A success answer: JSON when `schema` is given, no body otherwise (204). */
export type ApiAnswer = { description: string; schema?: z.ZodTypeAny; headers?: Record<string, HeaderDoc> };

export type ApiOperation = {
  operationId: string;
  method: HttpMethod;
  /** OpenAPI path template under `/api/v1`, e.g. `/topics/{id}`. */
  path: `/${string}`;
  tag: ApiTag;
  summary: string;
  description?: string;
  auth: ApiAuth;
  /** The path parameters (documentation; handlers parse ids with `idParam`: anything else is a 404). */
  params?: z.AnyZodObject;
  /**
   * The query string's schema (one per operation, built from `platform/params.ts`): `input.query()` parses with it,
   * and a parameter that cannot be right answers 400 naming it, in the caller's language.
   */
  query?: z.ZodTypeAny;
  /**
   * Query parameters that carry what someone typed (search words): when only they are wrong, the answer is a 422
   * naming them, as for a field of a body; given twice (or nested), such a parameter is a malformed URL (400).
   * `"all"`: the whole query is what someone typed (a mention's start, a reason), and any mistake in it is a 422.
   */
  typedParams?: readonly string[] | "all";
  body?: z.ZodTypeAny;
  /** A body may be left out (it defaults); true unless said otherwise. */
  bodyRequired?: boolean;
  /** The success answers, by status. */
  answers: Partial<Record<200 | 201 | 202 | 204 | 304, ApiAnswer>>;
  /** The problems this operation's own logic answers; those of the transport are added (see `problemStatusesOf`). */
  problems?: ProblemStatus[];
  /** Served outside `/api/v1` (the health check): documented, not mounted here. */
  servedAtRoot?: boolean;
};

export const bodyMethods: ReadonlySet<HttpMethod> = new Set(["post", "put", "patch", "delete"]);

/**
 * Every problem an operation may answer: its own, plus what the API answers before any handler runs — 401 for an
 * `Authorization` header naming no valid token (or no sign-in), 400 for a query parameter holding a NUL character
 * (named), 404 for a path parameter holding one, and for a method that may carry a body: 400 for malformed JSON, 403 for a cookie-authenticated change
 * without the app's Origin, 413 past 256 kB, 415 for a body that is not JSON; 400 for a query parameter that fails
 * its schema (named); 422 for a body that fails its schema, or for a typed query parameter.
 */
export function problemStatusesOf(op: ApiOperation): ProblemStatus[] {
  if (op.servedAtRoot) return [...(op.problems ?? [])];
  const statuses = new Set<ProblemStatus>([400, 401, ...(op.problems ?? [])]);
  if (op.params) statuses.add(404);
  if (bodyMethods.has(op.method)) for (const s of [403, 413, 415] as const) statuses.add(s);
  if (op.body || op.typedParams === "all" || op.typedParams?.length) statuses.add(422);
  return [...statuses].sort((a, b) => a - b);
}

type Output<S> = S extends z.ZodTypeAny ? z.output<S> : never;

/** Parsers bound to the operation's declared schemas (the handler chooses when to call them: after its checks). */
export type OperationInput<O extends ApiOperation> = {
  /** The JSON body parsed with the declared schema: 400 when not an object, 422 with the fields otherwise. */
  body(): Output<O["body"]>;
  /** The query string parsed with the declared schema: 400 naming each bad parameter (422 for typed ones). */
  query(): Output<O["query"]>;
};

export type OperationHandler<O extends ApiOperation> = (req: Request, res: Response, input: OperationInput<O>) => Promise<unknown>;

/** `/topics/{id}` → `/topics/:id`. */
export const expressPath = (template: string) => template.replace(/\{([^}]+)\}/g, ":$1");

/** The operations of the API and the Express router that serves them; nothing is mounted without its declaration. */
export class ApiRoutes {
  readonly router = Router();
  readonly operations: ApiOperation[] = [];

  add<const O extends ApiOperation>(op: O, handler: OperationHandler<O>): void {
    if (op.servedAtRoot) throw new Error(`${op.operationId} is served at the root, not under /api/v1`);
    if (this.operations.some((o) => o.operationId === op.operationId || (o.method === op.method && o.path === op.path))) {
      throw new Error(`API operation declared twice: ${op.operationId} (${op.method.toUpperCase()} ${op.path})`);
    }
    if ((op.typedParams === "all" || op.typedParams?.length) && !op.query) throw new Error(`${op.operationId} names typed parameters but declares no query`);
    this.operations.push(op);
    this.router[op.method](
      expressPath(op.path),
      route((req, res) =>
        handler(req, res, {
          body: () => {
            if (!op.body) throw new Error(`${op.operationId} declares no body`);
            return bodyOf(req, op.body);
          },
          query: () => {
            if (!op.query) throw new Error(`${op.operationId} declares no query`);
            return queryOf(req, op.query, op.typedParams);
          },
        }),
      ),
    );
  }
}

/** Path parameters that are plain strings, with their descriptions. */
export const pathParams = <K extends string>(params: Record<K, string>) =>
  z.object(Object.fromEntries(Object.entries(params).map(([name, text]) => [name, z.string().min(1).describe(text as string)])) as Record<K, z.ZodString>);

/** Numeric id path parameters (topics, posts, cases): any other value than a positive integer id answers 404. */
export const idParams = <K extends string>(params: Record<K, string>) =>
  z.object(
    Object.fromEntries(
      Object.entries(params).map(([name, text]) => [name, idStringSchema.describe(`${text as string} Any other value than a positive integer id → 404.`)]),
    ) as Record<K, typeof idStringSchema>,
  );
