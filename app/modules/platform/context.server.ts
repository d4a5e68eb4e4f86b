import { redirect, type AppLoadContext } from "@remix-run/node";
import type { RequestAuth, AuthUser } from "../accounts/auth.server";
import type { Services } from "./services";
import { createTranslator, type Locale } from "../../i18n";
import { can, type Permission } from "../accounts/permissions";

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

/** Only same-site paths are followed after sign-in or a language switch. */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
