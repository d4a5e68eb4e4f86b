import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Page } from "~/components/layout";
import { useThreadUi } from "~/components/thread-ui";
import { isMessageKey } from "~/i18n";
import { listModerationLog } from "~/modules/moderation/log.server";
import { moderationLogPageQuerySchema } from "~/modules/discussions/schemas";
import { readQuery, requirePermission } from "~/modules/platform/context.server";

export const meta: MetaFunction = () => [{ title: "Moderation log — Digital Compass" }];

const pageSize = 30;

/** The moderation log for leads and admins: every action, review decision and identity reveal, newest first. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(context, request, { action: "moderation:access" });
  const query = readQuery(context, request, moderationLogPageQuerySchema);
  const before = query.before === undefined ? undefined : Number(query.before);
  const log = await listModerationLog(context.services.db, { before, limit: pageSize });
  return {
    items: log.items.map((item) => ({
      id: item.id,
      actor: { name: item.actor.name, handle: item.actor.handle },
      action: item.action,
      targetType: item.targetType,
      targetId: item.targetId,
      target: item.target ? { title: item.target.title, path: new URL(item.target.url, "http://x").pathname } : null,
      reason: item.reason,
      until: item.until,
      createdAt: item.createdAt,
    })),
    nextCursor: log.nextCursor,
    paged: before !== undefined,
  };
}

export default function ModerationLog() {
  const { items, nextCursor, paged } = useLoaderData<typeof loader>();
  const { t, format } = useThreadUi();
  const label = (prefix: string, value: string) => {
    const key = `${prefix}.${value}`;
    return isMessageKey(key) ? t(key) : value;
  };
  return (
    <>
      <nav className="breadcrumb" aria-label={t("cases.page.breadcrumb")}>
        <ol>
          <li>
            <Link to="/moderation">{t("nav.moderation")}</Link>
          </li>
        </ol>
      </nav>
      <Page title={t("moderation.log.title")} intro={t("moderation.log.intro")}>
        {items.length ? (
          <div className="table-wrap">
            <table className="log-table">
              <thead>
                <tr>
                  <th scope="col">{t("moderation.log.when")}</th>
                  <th scope="col">{t("moderation.log.who")}</th>
                  <th scope="col">{t("moderation.log.action")}</th>
                  <th scope="col">{t("moderation.log.target")}</th>
                  <th scope="col">{t("moderation.log.reason")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.id} id={`log-${item.id}`}>
                    <td data-label={t("moderation.log.when")}>
                      <time dateTime={item.createdAt}>{format.dateTime(item.createdAt)}</time>
                    </td>
                    <td data-label={t("moderation.log.who")}>
                      {item.actor.handle ? <Link to={`/people/${item.actor.handle}`}>{item.actor.name}</Link> : t("discussions.deletedUser")}
                    </td>
                    <td data-label={t("moderation.log.action")}>
                      <span className={`badge log-action log-action-${item.action}`}>{label("moderation.log.action", item.action)}</span>
                      {item.until ? <span className="muted"> {t("moderation.log.until", { date: format.date(item.until) })}</span> : null}
                    </td>
                    <td data-label={t("moderation.log.target")}>
                      {label("moderation.log.target", item.targetType)}{" "}
                      {item.target ? <Link to={item.target.path}>{item.target.title ?? `#${item.targetId}`}</Link> : <span className="muted">#{item.targetId}</span>}
                    </td>
                    <td data-label={t("moderation.log.reason")} className="log-reason">
                      {item.reason}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="empty">{t("moderation.log.empty")}</p>
        )}
        {nextCursor || paged ? (
          <nav className="pager" aria-label={t("thread.pager.label")}>
            {paged ? <Link to="/moderation/log">{t("moderation.log.newest")}</Link> : <span />}
            {nextCursor ? (
              <Link to={`/moderation/log?before=${nextCursor}`} rel="next" className="button button-secondary button-small">
                {t("moderation.log.older")}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </Page>
    </>
  );
}
