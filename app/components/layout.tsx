import { Form, NavLink, useLocation } from "@remix-run/react";
import { PlainLink } from "./plain-link";
import type { ReactNode } from "react";
import type { Role } from "../../db/schema/accounts";
import { useLocale, useT } from "../i18n/react";
import { forgetDrafts } from "./drafts";
import { NotificationBell } from "./notification-bell";

export type ShellUser = { id: string; name: string; handle: string; role: Role };

function LanguageSwitcher() {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const other = locale === "fr" ? "en" : "fr";
  return (
    <Form method="post" action="/language" className="lang-switch" reloadDocument>
      <input type="hidden" name="locale" value={other} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button type="submit" className="link-button" lang={other} title={t("lang.switchHint")}>
        {t("lang.switchTo")}
      </button>
    </Form>
  );
}

export function SiteHeader({ user, unread = 0 }: { user: ShellUser | null; unread?: number }) {
  const t = useT();
  const lead = user?.role === "lead" || user?.role === "admin";
  const areas: { to: string; label: string }[] = [
    { to: "/discussions", label: t("nav.discussions") },
    { to: "/cases", label: t("nav.cases") },
    { to: "/chat", label: t("nav.chat") },
    { to: "/mobility", label: t("nav.mobility") },
    { to: "/centres", label: t("nav.centres") },
    ...(lead ? [{ to: "/moderation", label: t("nav.moderation") }] : []),
  ];
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <div className="header-bar">
        <PlainLink to="/" className="brand">
          <span aria-hidden="true" className="brand-mark">
            ◈
          </span>{" "}
          Digital Compass
        </PlainLink>
        {user ? (
          <Form method="get" action="/search" role="search" aria-label={t("search.header.label")} className="header-search">
            <label htmlFor="header-search-q" className="sr-only">
              {t("search.header.label")}
            </label>
            <input id="header-search-q" type="search" name="q" maxLength={200} placeholder={t("search.header.placeholder")} enterKeyHint="search" />
            <button type="submit" className="button button-small">
              {t("search.header.submit")}
            </button>
          </Form>
        ) : null}
        <div className="header-tools">
          <LanguageSwitcher />
          {user ? <NotificationBell key={user.id} unread={unread} /> : null}
          {user ? (
            <details className="account-menu">
              <summary>
                <span className="sr-only">{t("nav.account")}: </span>
                {user.name}
              </summary>
              <ul>
                <li>
                  <PlainLink to={`/people/${user.handle}`}>{t("nav.profile")}</PlainLink>
                </li>
                <li>
                  <PlainLink to="/settings">{t("nav.settings")}</PlainLink>
                </li>
                {user.role !== "trainer" ? (
                  <li>
                    <PlainLink to="/invitations">{t("nav.invite")}</PlainLink>
                  </li>
                ) : null}
                {user.role === "admin" ? (
                  <li>
                    <PlainLink to="/admin/users">{t("nav.admin")}</PlainLink>
                  </li>
                ) : null}
                <li>
                  <Form method="post" action="/logout" onSubmit={forgetDrafts}>
                    <button type="submit" className="link-button">
                      {t("nav.signOut")}
                    </button>
                  </Form>
                </li>
              </ul>
            </details>
          ) : (
            <PlainLink to="/login" className="button button-small">
              {t("nav.signIn")}
            </PlainLink>
          )}
        </div>
      </div>
      {user ? (
        <nav aria-label={t("nav.label")} className="main-nav">
          <ul>
            {areas.map((a) => (
              <li key={a.to}>
                <NavLink to={a.to} prefetch="intent">
                  {a.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}

export function SiteFooter() {
  const t = useT();
  return (
    <footer className="site-footer">
      <p>{t("footer.tagline")}</p>
      <p>
        <a href="/api/v1/openapi.json">{t("footer.api")}</a>
      </p>
    </footer>
  );
}

/** A page's title row and body; every page uses it so headings stay consistent. */
export function Page({ title, intro, actions, children, narrow }: { title: ReactNode; intro?: ReactNode; actions?: ReactNode; children?: ReactNode; narrow?: boolean }) {
  return (
    <div className={narrow ? "page page-narrow" : "page"}>
      <div className="page-head">
        <h1>{title}</h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </div>
      {intro ? <p className="lead">{intro}</p> : null}
      {children}
    </div>
  );
}
