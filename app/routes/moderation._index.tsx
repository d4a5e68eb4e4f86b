import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { Page } from "~/components/layout";
import { useT } from "~/i18n/react";
import { requirePermission } from "~/modules/platform/context.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(context, request, { action: "moderation:access" });
  return null;
}

/** The leads' desk: what exists today, and what the next release adds (flags, review queue, log). */
export default function Moderation() {
  const t = useT();
  return (
    <Page title={t("nav.moderation")} intro={t("area.moderation.intro")}>
      <ul className="feature-list">
        <li>
          <Link to="/discussions/manage">{t("discussions.manage.title")}</Link> — {t("discussions.manage.intro")}
        </li>
        <li>{t("moderation.desk.topics")}</li>
        <li>
          <Link to="/moderation/log">{t("moderation.log.link")}</Link> — {t("moderation.log.linkHint")}
        </li>
        <li>
          <Link to="/cases#review">{t("cases.list.review")}</Link>
        </li>
      </ul>
      <div className="empty">
        <p>{t("area.soon.title", { area: t("moderation.desk.queue") })}</p>
      </div>
    </Page>
  );
}
