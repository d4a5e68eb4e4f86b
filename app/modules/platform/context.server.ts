import { data, redirect, type AppLoadContext } from "@remix-run/node";
import type { z } from "zod";
import type { RequestAuth, AuthUser } from "../accounts/auth.server";
import type { Services } from "./services";
import { createTranslator, type Locale } from "../../i18n";
import { can, type Permission } from "../accounts/permissions";
import { DomainError } from "./errors";
import { issuesOf, parseParams, queryObject, type ParamIssue } from "./params";

declare module "@remix-run/node" {
  interface AppLoadContext {
    services: Services;
    auth: RequestAuth;
    cspNonce: string;
    locale: Locale;
    client: { ip: string; userAgent: string };
    requestId: string;
    /** Rendered Markdown the page being rendered carries itself (a document request), or null (a data request). */
    pageHtml: Map<string, string> | null;
  }
}

export const translatorFor = (context: AppLoadContext) => createTranslator(context.locale);

/** The signed-in person, or a redirect to the sign-in page that comes back here afterwards. */
export function requireUser(context: AppLoadContext, request: Request): AuthUser {
  const user = context.auth.user;
  if (user) return user;
  const url = new URL(request.url);
  throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}

/** Like requireUser, then a 403 page unless the permission module allows it. */
export function requirePermission(context: AppLoadContext, request: Request, permission: Permission): AuthUser {
  const user = requireUser(context, request);
  if (!can(user, permission)) throw new Response("Forbidden", { status: 403 });
  return user;
}

export function notFoundResponse(): Response {
  return new Response("Not found", { status: 404 });
}

/** A path segment read as text (a handle, a token, a centre's id): one holding a NUL character names nothing (404). */
export function pathText(value: string | undefined): string {
  if (value === undefined || value.includes("\u0000") || value.length > 400) throw notFoundResponse();
  return value;
}

/** Only same-site paths are followed after sign-in or a language switch. */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}

/** What a 400 page about the URL shows: each refused parameter's sentence and the same page without them. */
export type BadParamsData = { badParams: { param: string; message: string }[]; retry: string };

/** The page's own address (a single-fetch `.data` request names its page) without these parameters. */
function pageWithout(request: Request, params: string[]): string {
  const url = new URL(request.url);
  let pathname = url.pathname.replace(/\.data$/, "");
  if (pathname === "/_root") pathname = "/";
  for (const name of [...params, "_routes", "_data", "index"]) url.searchParams.delete(name);
  const search = url.searchParams.toString();
  return `${pathname}${search ? `?${search}` : ""}`;
}

/** A 400 page naming the refused parameters, in the reader's language, with a link to the page without them. */
export function badParamsResponse(request: Request, issues: ParamIssue[]) {
  return data<BadParamsData>(
    { badParams: issues.map(({ param, message }) => ({ param, message })), retry: pageWithout(request, issues.map((i) => i.param)) },
    { status: 400 },
  );
}

/** The page's query string parsed with its schema; a parameter that cannot be right throws the 400 page. */
export function readQuery<S extends z.ZodTypeAny>(context: AppLoadContext, request: Request, schema: S): z.output<S> {
  const result = parseParams(schema, queryObject(new URL(request.url).searchParams), translatorFor(context), context.locale);
  if (!result.ok) throw badParamsResponse(request, result.issues);
  return result.data;
}

/** For `.catch` on a list read: a 400 that names parameters (a cursor written for another sort…) becomes the 400 page. */
export const paramFailure = (context: AppLoadContext, request: Request) => (error: unknown) => {
  if (error instanceof DomainError && error.status === 400 && error.options.fieldErrors) throw badParamsResponse(request, issuesOf(error, translatorFor(context)));
  throw error;
};
