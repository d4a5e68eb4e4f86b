import type { z } from "zod";
import type { Services } from "../../app/modules/platform/services";
import { problemSchema } from "../../app/modules/platform/api-schemas";
import type { ProblemStatus } from "../../app/modules/platform/errors";
import { buildApi } from "../../server/api/index";
import { problemSchemaOf } from "../../server/api/openapi";
import { problemStatusesOf, type ApiOperation } from "../../server/api/registry";

/**
 * The API's declared contract, checked on every answer the integration tests receive: `TestClient` hands each
 * `/api/v1` answer to `checkApiAnswer`, which finds the operation by method and path and fails the test when the
 * status is not one the operation declares, or the body does not match the declared schema.
 */

/** Building the API touches no service: only the operations are read. */
export const apiOperations: readonly ApiOperation[] = buildApi({ config: { publicUrl: "http://localhost" } } as unknown as Services).operations;

const matchers = apiOperations.map((op) => ({
  op,
  pattern: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, "[^/]+")}$`),
  literal: op.path.replace(/\{[^}]+\}/g, "").length,
}));

/** The operation Express would run for this request (literal segments win over parameters, as in the routers). */
export function operationFor(method: string, path: string): ApiOperation | undefined {
  const m = method.toLowerCase();
  const candidates = matchers.filter((x) => x.op.method === m && x.pattern.test(path));
  return candidates.sort((a, b) => b.literal - a.literal)[0]?.op;
}

/** The operations answered in this test file, with a declared success status (per-area coverage tests read it). */
export const answeredOperations = new Set<string>();

export class ApiContractError extends Error {
  name = "ApiContractError";
}

const apiPrefix = "/api/v1";

/** Checks one answer against the contract; throws `ApiContractError` when it breaks it. */
export async function checkApiAnswer(method: string, pathname: string, res: Response): Promise<void> {
  const path = (pathname.split(/[?#]/)[0] || "/").replace(/(.)\/$/, "$1");
  if (!(path === apiPrefix || path.startsWith(`${apiPrefix}/`))) return;
  if (method === "HEAD" || method === "OPTIONS") return;
  const where = `${method} ${pathname} → ${res.status}`;
  const fail = (why: string): never => {
    throw new ApiContractError(`API answer outside its declared contract: ${where}: ${why}`);
  };
  const op = operationFor(method, path.slice(apiPrefix.length) || "/");
  const type = res.headers.get("content-type") ?? "";
  const text = await res.clone().text();
  const parse = (schema: z.ZodTypeAny, mediaType: string) => {
    if (!type.startsWith(mediaType)) fail(`content type ${JSON.stringify(type)}, declared ${mediaType}`);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      fail(`the body is not JSON: ${text.slice(0, 200)}`);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`).join("; ");
      fail(`${issues}\nbody: ${text.slice(0, 1500)}`);
    }
  };

  if (res.status >= 400) {
    if (op && !problemStatusesOf(op).includes(res.status as ProblemStatus)) {
      fail(`${op.operationId} declares no ${res.status} (it declares ${problemStatusesOf(op).join(", ")})`);
    }
    parse(op ? problemSchemaOf(res.status as ProblemStatus, op) : problemSchema, "application/problem+json");
    if (res.status === 429 && !res.headers.get("retry-after")) fail("a 429 without Retry-After");
    return;
  }
  if (!op) fail("no operation is declared for this method and path");
  const answer = op!.answers[res.status as keyof ApiOperation["answers"]];
  if (!answer) fail(`${op!.operationId} declares no ${res.status} (it declares ${Object.keys(op!.answers).join(", ")})`);
  if (answer!.schema) parse(answer!.schema, "application/json");
  else if (text !== "") fail(`a body where none is declared: ${text.slice(0, 200)}`);
  answeredOperations.add(op!.operationId);
}

/** The operations of these tags that this test file has not had a declared success answer from. */
export function unansweredOperations(tags: readonly ApiOperation["tag"][]): string[] {
  return apiOperations.filter((op) => tags.includes(op.tag) && !answeredOperations.has(op.operationId)).map((op) => `${op.operationId} (${op.method.toUpperCase()} ${op.path})`);
}
