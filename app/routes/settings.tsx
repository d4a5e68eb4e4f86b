import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { requirePermission } from "~/modules/platform/context.server";
import { useT } from "~/i18n/react";

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(context, request, { action: "settings:manage" });
  return null;
}

export default function SettingsLayout() {
  const t = useT();
  const links = [
    { to: "/settings", label: t("settings.nav.profile"), end: true },
    { to: "/settings/password", label: t("settings.nav.password"), end: false },
    { to: "/settings/sessions", label: t("settings.nav.sessions"), end: false },
    { to: "/settings/notifications", label: t("notify.settings.nav"), end: false },
    { to: "/settings/tokens", label: t("settings.nav.tokens"), end: false },
    { to: "/settings/data", label: t("settings.nav.data"), end: false },
  ];
  return (
    <div className="split">
      <nav className="side-nav" aria-label={t("settings.nav.label")}>
        <ul>
          {links.map((l) => (
            <li key={l.to}>
              <NavLink to={l.to} end={l.end} prefetch="intent">
                {l.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div>
        <Outlet />
      </div>
    </div>
  );
}
