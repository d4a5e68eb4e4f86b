import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { z } from "zod";
import type { AuthUser } from "../../app/modules/accounts/auth.server";
import { createTranslator } from "../../app/i18n";
import { idSchema } from "../../app/modules/discussions/schemas";
import { DomainError, notFound } from "../../app/modules/platform/errors";
import { parseWith } from "../../app/modules/platform/validation";
import { localeOf } from "../http";

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

/** Parses the query string with a schema; a malformed one answers 400. */
export function queryOf<S extends z.ZodTypeAny>(query: unknown, schema: S): z.output<S> {
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw new DomainError(400, "problem.badRequest");
  return parsed.data;
}
