import { createHash } from "node:crypto";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { z } from "zod";
import type { AuthUser } from "../../app/modules/accounts/auth.server";
import { createTranslator, type MessageKey, type TranslationParams } from "../../app/i18n";
import type { Queryable } from "../../db/client";
import { idSchema } from "../../app/modules/discussions/schemas";
import { unknownFilterValues } from "../../app/modules/discussions/taxonomy.server";
import { DomainError, notFound } from "../../app/modules/platform/errors";
import { cleanQuery, paramIssue, paramsError, parseParams } from "../../app/modules/platform/params";
import { nulPaths, parseWith } from "../../app/modules/platform/validation";
import { localeOf } from "../http";

/** How the OpenAPI document describes an answer sent by `sendWithETag`. */
export const etagHeaders = {
  ETag: { description: "The answer's validator, for `If-None-Match`.", required: true, schema: { type: "string" } },
  "Cache-Control": { schema: { type: "string", enum: ["no-cache", "private, no-cache"] } },
};

/** A weak validator for a JSON answer: what `If-None-Match` names. */
export const etagOf = (json: string) => `W/"${createHash("sha1").update(json).digest("base64url")}"`;

/**
 * A JSON answer with its validator: a client that already holds it (`If-None-Match`) gets 304 and no body. `private`
 * answers (who I am) are kept by the browser only, and checked again each time (`no-cache`).
 */
export function sendWithETag(req: Request, res: Response, json: string, etag: string, options: { private?: boolean } = {}) {
  res.setHeader("ETag", etag);
  res.setHeader("Cache-Control", options.private ? "private, no-cache" : "no-cache");
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  res.type("application/json").send(json);
}

/** Wraps an async handler so that thrown errors reach the API's problem+json handler. */
export const route =
  (handler: (req: Request, res: Response) => Promise<unknown>): RequestHandler =>
  (req: Request, res: Response, next: NextFunction) => {
    handler(req, res).catch(next);
  };

export function requireUser(req: Request): AuthUser {
  if (!req.auth.user) throw new DomainError(401, "auth.signInRequired");
  return req.auth.user;
}

/** Parses the JSON body with a schema; invalid fields answer 422 in the caller's language. */
export function bodyOf<S extends z.ZodTypeAny>(req: Request, schema: S): z.output<S> {
  const body: unknown = req.body;
  if (body === undefined || body === null || typeof body !== "object" || Array.isArray(body)) {
    if (body !== undefined && body !== null) throw new DomainError(400, "problem.badJson");
  }
  const parsed = parseWith(schema, body ?? {}, createTranslator(localeOf(req)));
  if (!parsed.ok) throw new DomainError(422, "problem.unprocessable", { fieldErrors: parsed.errors });
  return parsed.data;
}

export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** A numeric id in the path; anything else names nothing there is (404, never 500). */
export function idParam(value: string): number {
  const parsed = idSchema.safeParse(value);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

/**
 * Parses the query string with a schema; a bad parameter answers 400 naming it, in the caller's language. The
 * `typed` parameters carry what someone typed (search words): when they alone are wrong, the answer is a 422 naming
 * them, as for a field of a body (one given twice, or as a nested object, is a malformed URL: 400); `"all"` makes
 * any mistake a 422. Operations declare their query (and its typed parameters) in the registry, which calls this.
 */
export function queryOf<S extends z.ZodTypeAny>(req: Request, schema: S, typed: readonly string[] | "all" = []): z.output<S> {
  const locale = localeOf(req);
  const query = cleanQuery(req.query);
  const result = parseParams(schema, query, createTranslator(locale), locale);
  if (result.ok) return result.data;
  const isTyped = (param: string) => typed === "all" || (typed.includes(param) && (query[param] === undefined || typeof query[param] === "string"));
  const malformed = result.issues.filter((i) => !isTyped(i.param));
  throw malformed.length ? paramsError(malformed, locale) : paramsError(result.issues, locale, 422);
}

/** The query parameters holding a NUL character (in their name or a value). */
export function nulParams(query: unknown): string[] {
  return nulPaths(query).map((path) => (path === "_form" ? "query" : path.split(".")[0]));
}

/** 400 naming these parameters as holding a NUL character. */
export function badParamsError(req: Request, params: string[]): DomainError {
  const locale = localeOf(req);
  const t = createTranslator(locale);
  return paramsError([...new Set(params)].map((param) => paramIssue(t, param, "param.expected.nul")), locale);
}

/** The filters of a list that name nothing there is (unknown tags, category): 400 naming them. */
export async function knownFilters(req: Request, db: Queryable, filter: { tag?: string[]; category?: string }) {
  const locale = localeOf(req);
  const issues = await unknownFilterValues(db, createTranslator(locale), filter);
  if (issues.length) throw paramsError(issues, locale);
}

/** A 400 naming one parameter (a value the schema could not know is wrong: an unknown tag…). */
export function badParam(req: Request, param: string, expected: MessageKey, params?: TranslationParams): DomainError {
  const locale = localeOf(req);
  return paramsError([paramIssue(createTranslator(locale), param, expected, params)], locale);
}
