import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listCentres, memberCounts } from "~/modules/centres/centres.server";
import { Page } from "~/components/layout";
import { useT } from "~/i18n/react";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [centres, counts] = await Promise.all([listCentres(context.services.db), memberCounts(context.services.db)]);
  const user = context.auth.user;
  return {
    stats: {
      centres: centres.length,
      countries: new Set(centres.map((c) => c.country)).size,
      members: [...counts.values()].reduce((a, b) => a + b, 0),
    },
    user: user ? { name: user.name, handle: user.handle, role: user.role } : null,
    passwordReset: new URL(request.url).searchParams.get("reset") === "1",
  };
}

export default function Home() {
  const { stats, user, passwordReset } = useLoaderData<typeof loader>();
  const t = useT();
  if (user) {
    return (
      <Page title={t("home.welcome", { name: user.name })} intro={t("home.signedIn.intro")}>
        {passwordReset ? (
          <p className="alert alert-ok" role="status">
            {t("home.passwordReset")}
          </p>
        ) : null}
        <ul className="feature-list">
          <li>
            <Link to="/settings">{t("home.shortcut.profile")}</Link>
          </li>
          <li>
            <Link to="/centres">{t("home.shortcut.centres")}</Link>
          </li>
          {user.role !== "trainer" ? (
            <li>
              <Link to="/invitations">{t("home.shortcut.invite")}</Link>
            </li>
          ) : null}
          {user.role === "admin" ? (
            <li>
              <Link to="/admin/users">{t("home.shortcut.admin")}</Link>
            </li>
          ) : null}
        </ul>
        <h2>{t("home.what.title")}</h2>
        <ul className="feature-list">
          <li>
            <Link to="/discussions">{t("nav.discussions")}</Link> — {t("home.what.ask")}
          </li>
          <li>
            <Link to="/cases">{t("nav.cases")}</Link> — {t("home.what.cases")}
          </li>
          <li>
            <Link to="/chat">{t("nav.chat")}</Link> — {t("home.what.chat")}
          </li>
          <li>
            <Link to="/mobility">{t("nav.mobility")}</Link> — {t("home.what.mobility")}
          </li>
        </ul>
      </Page>
    );
  }
  return (
    <div className="page">
      <section className="hero">
        <h1>{t("home.title")}</h1>
        <p>{t("home.lead")}</p>
        <p>{t("home.network")}</p>
        <p className="actions">
          <Link to="/login" className="button">
            {t("home.cta.signIn")}
          </Link>
          <Link to="/centres" className="button button-secondary">
            {t("home.cta.centres")}
          </Link>
        </p>
      </section>
      <p className="muted">{t("home.stats", stats)}</p>
      <h2>{t("home.what.title")}</h2>
      <ul className="feature-list">
        <li>{t("home.what.ask")}</li>
        <li>{t("home.what.cases")}</li>
        <li>{t("home.what.chat")}</li>
        <li>{t("home.what.mobility")}</li>
        <li>{t("home.what.safe")}</li>
      </ul>
    </div>
  );
}
