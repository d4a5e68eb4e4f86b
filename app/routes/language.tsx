import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { isLocale, localeCookieName } from "~/i18n";
import { setLocale } from "~/modules/accounts/users.server";
import { safeRedirectPath } from "~/modules/platform/context.server";

export async function loader() {
  return redirect("/");
}

/** The switcher: remembered in a cookie, and in the person's settings when signed in. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const locale = form.get("locale");
  const back = safeRedirectPath(form.get("redirectTo"));
  if (!isLocale(locale)) return redirect(back);
  if (context.auth.user) await setLocale(context.services.db, context.auth.user.id, locale);
  const secure = context.services.config.secureCookies ? "; Secure" : "";
  return redirect(back, {
    headers: { "Set-Cookie": `${localeCookieName}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax${secure}` },
  });
}
