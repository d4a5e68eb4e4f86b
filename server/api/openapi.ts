import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import { healthSchema, paramProblemSchema, problemSchema, unhealthySchema, validationProblemSchema } from "../../app/modules/platform/api-schemas";
import type { ProblemStatus } from "../../app/modules/platform/errors";
import { notificationPushSchema } from "../../app/modules/discussions/schemas";
import { apiTags, bodyMethods, problemStatusesOf, type ApiAuth, type ApiOperation } from "./registry";

/**
 * The OpenAPI 3.1 description of `/api/v1` (served at `GET /api/v1/openapi.json`), generated once at start-up
 * from the route registry (`registry.ts`) and the zod schemas of `app/modules/<area>/schemas.ts`: the schemas the
 * API validates requests with and answers with are the document's, so they cannot drift apart.
 */

type Json = Record<string, unknown>;

const description = [
  "JSON in and out, under `/api/v1`. Ids are strings. Times are ISO-8601 UTC.",
  "",
  "**Auth.** Either the web session cookie `dc_session` (set by `POST /auth/login`), or",
  "`Authorization: Bearer <personal access token>` (created with `POST /tokens`). A cookie-authenticated",
  "request that changes state (POST, PUT, PATCH, DELETE) must carry an `Origin` (or `Referer`) of `PUBLIC_URL`;",
  "otherwise 403. A request with a foreign `Origin` is refused the same way. Bearer-token requests need no",
  "`Origin`. An `Authorization` header that names no valid token answers 401, even on public operations.",
  "",
  "**Errors** are `application/problem+json` (RFC 9457): `{type,title,status,detail}` plus",
  "`errors: {field: [message]}` for validation, in the caller's language. 400 malformed body, or a query parameter",
  "that cannot be right (a value outside its list or range, a cursor this server did not write, an unknown tag,",
  "category, language or centre, a parameter given twice, a NUL character): `detail` names it and",
  "`errors: {param: [message]}` says what it expects; empty parameters count as absent, unknown ones are ignored. 401 not signed in,",
  "403 not allowed, 404 absent or not visible to you, 409 conflict or invalid state change, 413 too large",
  "(bodies are limited to 256 kB), 415 not JSON, 422 invalid fields, 429 too many (with `Retry-After`).",
  "Never a 500 for anything a client sent.",
  "",
  "**Lists**: `?limit=` (default 20, max 100) and `?cursor=`; answer `{items, nextCursor}` (`nextCursor` null on",
  "the last page). Small reference lists (centres, categories, tags) answer the whole array, unpaginated.",
  "",
  "**Roles**: `trainer`, `host` (manages one centre's mobility offers), `lead` (network lead: moderates, runs",
  "match rounds), `admin` (everything a lead may do, and more). Every user belongs to one centre.",
  "",
  "**Markdown** goes in as `body`; it comes out as `body` (source) and `bodyHtml`: rendered by marked, then",
  "sanitised to an allowlist (no style, no script, no event handler). `@handle` mentions of active members",
  "become links and notify them. Every topic, post and case carries `url`: its page in the web UI, absolute",
  "(`PUBLIC_URL` + path; for a post, with its anchor).",
  "",
  "**Writes are visible to the next read**: a reply is in the topic, a notification in the list and a search hit",
  "in the results once the write has been answered (a job queue may send e-mails later, not these).",
  "",
  "**Live events** (see `x-socket-events`). Socket.IO on the same origin, default path (`/socket.io/`). The",
  "handshake authenticates like HTTP: the session cookie (a cookie-authenticated handshake must come from",
  "`PUBLIC_URL`'s origin) or `auth: {token}` with a personal access token (no Origin needed); otherwise",
  "`connect_error` with message `unauthorized`. Server → client: `notification:new`, one new notification of",
  "mine (schema `NotificationPush`), pushed to every open socket of mine once the change that made it is committed.",
].join("\n");

/** The problem answers every operation refers to, by status. */
export const problemResponses: Record<ProblemStatus, { name: string; description: string }> = {
  400: {
    name: "BadRequest",
    description:
      "Malformed body (not parseable JSON, or not a JSON object), or a query parameter that cannot be right (then " +
      "`errors` names it: `{param: [message]}`).",
  },
  401: { name: "Unauthorized", description: "Not signed in, bad credentials, or an `Authorization` header naming no valid token." },
  403: {
    name: "Forbidden",
    description: "Not allowed — including a state change authenticated by cookie without an `Origin`/`Referer` of `PUBLIC_URL`.",
  },
  404: { name: "NotFound", description: "Absent or not visible to you (a path parameter holding a NUL character names nothing either)." },
  409: { name: "Conflict", description: "Conflict or invalid state change (e.g. e-mail or handle taken; `errors` then names the field)." },
  413: { name: "PayloadTooLarge", description: "The body is larger than 256 kB." },
  415: {
    name: "UnsupportedMediaType",
    description: "A body was sent that is not `application/json` (or `application/*+json`), or in an unsupported encoding.",
  },
  422: {
    name: "ValidationFailed",
    description: "Invalid fields (or a typed query parameter, such as search words): `errors` maps each one to its messages.",
  },
  429: { name: "TooManyRequests", description: "Too many attempts; try again after `Retry-After` seconds." },
};

/**
 * The 400 of an operation without a body: only its URL can be wrong, and the answer names the parameters
 * (`errors: {param: [message]}`).
 */
export const badParametersResponse = {
  name: "BadParameters",
  description:
    "A query parameter that cannot be right (a value outside its list or range, a cursor this server did not write, an " +
    "unknown tag, category, language or centre, a parameter given twice, a NUL character): `detail` names it and " +
    "`errors` maps each parameter to what it expects (`{param: [message]}`), in the caller's language.",
};

/** Whether this operation's 400 can only be about its URL parameters (no body to be malformed). */
const paramsOnly400 = (op: ApiOperation | undefined) => Boolean(op && !op.servedAtRoot && !bodyMethods.has(op.method));

/** The schema a problem answer of this status (to this operation) must match. */
export const problemSchemaOf = (status: ProblemStatus, op?: ApiOperation) =>
  status === 422 ? validationProblemSchema : status === 400 && paramsOnly400(op) ? paramProblemSchema : problemSchema;

type Security = Record<string, string[]>[];
const signedIn: Security = [{ cookieAuth: [] }, { bearerAuth: [] }];
const securityOf: Record<ApiAuth, Security> = {
  public: [],
  "signed-in": signedIn,
  "session-optional": [{ cookieAuth: [] }, {}],
};

/** `GET /healthz`: served at the root by the HTTP server, documented here. */
export const healthOperation: ApiOperation = {
  operationId: "getHealth",
  method: "get",
  path: "/healthz",
  tag: "Platform",
  summary: "Health check",
  description: '200 `{"status":"ok"}`, or 503 while the database is unreachable (and the server recovers by itself). Never cached.',
  auth: "public",
  servedAtRoot: true,
  answers: { 200: { description: "Healthy.", schema: healthSchema, headers: { "Cache-Control": { schema: { const: "no-store" } } } } },
};

function routeConfig(op: ApiOperation): RouteConfig {
  const responses: RouteConfig["responses"] = {};
  for (const [status, answer] of Object.entries(op.answers)) {
    responses[status] = {
      description: answer.description,
      ...(answer.headers ? { headers: answer.headers } : {}),
      ...(answer.schema ? { content: { "application/json": { schema: answer.schema } } } : {}),
    };
  }
  for (const status of problemStatusesOf(op)) {
    const name = status === 400 && paramsOnly400(op) ? badParametersResponse.name : problemResponses[status].name;
    responses[String(status)] = { $ref: `#/components/responses/${name}` };
  }
  if (op === healthOperation) {
    responses["503"] = {
      description: "The database is unreachable.",
      headers: { "Cache-Control": { schema: { const: "no-store" } } },
      content: { "application/json": { schema: unhealthySchema } },
    };
  }
  return {
    method: op.method,
    path: op.path,
    operationId: op.operationId,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.tag],
    security: securityOf[op.auth],
    request: {
      ...(op.params ? { params: op.params } : {}),
      ...(op.query ? { query: op.query as NonNullable<RouteConfig["request"]>["query"] } : {}),
      ...(op.body
        ? { body: { required: op.bodyRequired ?? true, content: { "application/json": { schema: op.body } } } }
        : {}),
    },
    responses,
  };
}

/** Drops repeated members of `anyOf` (the generator writes `null` twice for a union with null). */
function tidy(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(tidy);
  if (!node || typeof node !== "object") return;
  const object = node as Json;
  if (Array.isArray(object.anyOf)) {
    const seen = new Set<string>();
    object.anyOf = object.anyOf.filter((member) => {
      const key = JSON.stringify(member);
      return seen.has(key) ? false : (seen.add(key), true);
    });
  }
  Object.values(object).forEach(tidy);
}

/** Generates the document from the mounted operations (call once, at start-up). */
export function openApiDocument(operations: readonly ApiOperation[], publicUrl: string): Json {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "cookieAuth", {
    type: "apiKey",
    in: "cookie",
    name: "dc_session",
    description:
      "The web session cookie set by `POST /auth/login`. A state-changing request authenticated this way must " +
      "carry an `Origin` (or `Referer`) of `PUBLIC_URL`; otherwise 403.",
  });
  registry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description: "A personal access token (`dcpat_…`) from `POST /tokens`: `Authorization: Bearer <token>`.",
  });
  registry.registerComponent("headers", "RetryAfter", {
    description: "Seconds to wait before trying again.",
    required: true,
    schema: { type: "integer", minimum: 1 },
  });
  registry.register("Problem", problemSchema);
  registry.register("ValidationProblem", validationProblemSchema);
  registry.register("ParameterProblem", paramProblemSchema);
  registry.register("NotificationPush", notificationPushSchema);
  for (const [status, { name, description }] of Object.entries(problemResponses)) {
    const schemaName = Number(status) === 422 ? "ValidationProblem" : "Problem";
    registry.registerComponent("responses", name, {
      description,
      ...(Number(status) === 429 ? { headers: { "Retry-After": { $ref: "#/components/headers/RetryAfter" } } } : {}),
      content: { "application/problem+json": { schema: { $ref: `#/components/schemas/${schemaName}` } } },
    });
  }
  registry.registerComponent("responses", badParametersResponse.name, {
    description: badParametersResponse.description,
    content: { "application/problem+json": { schema: { $ref: "#/components/schemas/ParameterProblem" } } },
  });
  for (const op of [...operations, healthOperation]) registry.registerPath(routeConfig(op));

  const document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    // `summary` is OpenAPI 3.1's (the generator's types know 3.0's info object).
    info: {
      title: "Digital Compass API",
      version: "1.0.0",
      summary:
        "The public API v1 of Digital Compass: accounts, invitations, tokens, the network's centres, discussions, case " +
        "studies, search, notifications and moderation.",
      description,
    } as { title: string; version: string; description: string },
    servers: [{ url: `${publicUrl}/api/v1`, description: "API v1" }],
    tags: Object.entries(apiTags).map(([name, text]) => ({ name, description: text })),
    security: signedIn,
  }) as unknown as Json & { paths: Record<string, Json> };

  document.paths[healthOperation.path] = {
    servers: [{ url: publicUrl, description: "Served at the root, not under /api/v1." }],
    ...document.paths[healthOperation.path],
  };
  document["x-socket-events"] = {
    "notification:new": {
      direction: "server-to-client",
      transport: "Socket.IO, same origin, default path; the handshake authenticates with the session cookie or `auth: {token}`.",
      summary: "A new notification of mine",
      description:
        "Pushed to every open socket of the person notified once the change that made it is committed (a reply, a " +
        "mention, an accepted answer, a new topic in a category or tag they follow). It is in `GET /notifications` too.",
      payload: { $ref: "#/components/schemas/NotificationPush" },
    },
  };
  tidy(document);
  return document;
}
