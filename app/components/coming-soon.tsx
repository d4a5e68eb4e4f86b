import { Link } from "@remix-run/react";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { Page } from "./layout";

/** An area of the platform that the next releases open; says so plainly and points to what exists. */
export function ComingSoon({ area, intro }: { area: MessageKey; intro: MessageKey }) {
  const t = useT();
  return (
    <Page title={t(area)} intro={t(intro)}>
      <div className="empty">
        <h2>{t("area.soon.title", { area: t(area) })}</h2>
        <p>{t("area.soon.body")}</p>
        <p className="actions">
          <Link to="/settings" className="button">
            {t("home.shortcut.profile")}
          </Link>
          <Link to="/centres" className="button button-secondary">
            {t("home.shortcut.centres")}
          </Link>
        </p>
      </div>
    </Page>
  );
}
