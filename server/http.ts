import type { Request, Response } from "express";
import "../app/i18n/all-catalogues";
import type { RequestAuth } from "../app/modules/accounts/auth.server";
import { createTranslator, resolveLocale, type Locale, type MessageKey, type TranslationParams } from "../app/i18n";
import { type DomainError, type ProblemStatus } from "../app/modules/platform/errors";
import { translateFieldErrors, type FieldErrors } from "../app/modules/platform/validation";

declare module "express-serve-static-core" {
  interface Request {
    auth: RequestAuth;
    id: string | number | object;
  }
  interface Locals {
    cspNonce: string;
  }
}

export function clientOf(req: Request) {
  return { ip: req.ip ?? req.socket.remoteAddress ?? "", userAgent: String(req.headers["user-agent"] ?? "") };
}

export function localeOf(req: Request): Locale {
  return resolveLocale({
    userLocale: req.auth?.user?.locale,
    cookieHeader: req.headers.cookie,
    acceptLanguage: req.headers["accept-language"],
  });
}

const titles: Record<ProblemStatus | 500, MessageKey> = {
  400: "problem.badRequest",
  401: "problem.unauthorized",
  403: "problem.forbidden",
  404: "problem.notFound",
  409: "problem.conflict",
  413: "problem.tooLarge",
  415: "problem.unsupportedMediaType",
  422: "problem.unprocessable",
  429: "problem.tooMany",
  500: "problem.internal",
};

const typeSlugs: Record<ProblemStatus | 500, string> = {
  400: "bad-request",
  401: "unauthorized",
  403: "forbidden",
  404: "not-found",
  409: "conflict",
  413: "too-large",
  415: "unsupported-media-type",
  422: "validation",
  429: "too-many-requests",
  500: "internal",
};

/** Writes an RFC 9457 problem in the caller's language. */
export function sendProblem(
  req: Request,
  res: Response,
  status: ProblemStatus | 500,
  detail: { key?: MessageKey; params?: TranslationParams; errors?: FieldErrors; retryAfterSeconds?: number } = {},
) {
  const t = createTranslator(localeOf(req));
  const body: Record<string, unknown> = {
    type: `https://digital-compass.eu/problems/${typeSlugs[status]}`,
    title: t(titles[status]),
    status,
    detail: detail.key ? t(detail.key, detail.params) : t(titles[status]),
  };
  if (detail.errors) body.errors = translateFieldErrors(detail.errors, t);
  if (detail.retryAfterSeconds) res.setHeader("Retry-After", String(detail.retryAfterSeconds));
  res.status(status).type("application/problem+json").send(JSON.stringify(body));
}

export function sendDomainError(req: Request, res: Response, error: DomainError) {
  sendProblem(req, res, error.status, {
    key: error.messageKey,
    params: error.options.params,
    errors: error.options.fieldErrors,
    retryAfterSeconds: error.options.retryAfterSeconds,
  });
}
