import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { listNotifications, markNotificationsRead, openNotification } from "~/modules/discussions/notifications.server";
import { notificationsPageQuerySchema } from "~/modules/discussions/schemas";
import { notFoundResponse, readQuery, requireUser, translatorFor } from "~/modules/platform/context.server";
import { notificationSentence } from "~/components/notification-bell";
import { SubmitButton } from "~/components/forms";
import { Page } from "~/components/layout";
import { useFormatDate, useT } from "~/i18n/react";

const pageSize = 20;
const idPattern = /^\d{1,16}$/;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const query = readQuery(context, request, notificationsPageQuerySchema);
  // Opening a notification from the list marks it read on the way to what it is about.
  if (query.open !== undefined) {
    const to = await openNotification(context.services.db, user, query.open);
    if (!to) throw notFoundResponse();
    throw redirect(to);
  }
  const before = query.before === undefined ? undefined : Number(query.before);
  const list = await listNotifications(context.services.db, user, "", { before, limit: pageSize });
  return {
    items: list.items.map((n) => ({ id: n.id, kind: n.kind, read: n.read, createdAt: n.createdAt, actor: n.actor, topic: n.topic })),
    unread: list.unread,
    nextCursor: list.nextCursor,
    paged: before !== undefined,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const t = translatorFor(context);
  const form = await request.formData();
  const intent = form.get("intent");
  const before = new URL(request.url).searchParams.get("before");
  const back = (marked: string) => `/notifications?${before && idPattern.test(before) ? `before=${before}&` : ""}marked=${marked}`;
  if (intent === "read-all") {
    await markNotificationsRead(context.services.db, user.id, { all: true });
    return redirect(back("all"));
  }
  const id = form.get("id");
  if (intent === "read" && typeof id === "string" && idPattern.test(id)) {
    // Only the asker's own notifications are touched, whatever id is sent.
    await markNotificationsRead(context.services.db, user.id, { ids: [Number(id)] });
    return redirect(back("one"));
  }
  return data({ formError: t("notify.page.invalid") }, { status: 400 });
}

export default function Notifications() {
  const { items, unread, nextCursor, paged } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const format = useFormatDate();
  const marked = params.get("marked");
  const notice = marked === "all" ? t("notify.page.markedAll") : marked === "one" ? t("notify.page.markedOne") : null;
  const actionQuery = params.get("before") ? `?before=${params.get("before")}` : "";
  return (
    <Page
      title={t("notify.page.title")}
      intro={t("notify.page.intro")}
      actions={
        unread > 0 ? (
          <Form method="post" action={`/notifications${actionQuery}`}>
            <SubmitButton intent="read-all" className="button button-secondary" pendingLabel={t("notify.page.marking")}>
              {t("notify.page.markAll")}
            </SubmitButton>
          </Form>
        ) : null
      }
    >
      {notice && !result ? (
        <div className="alert alert-ok" role="status">
          {notice}
        </div>
      ) : null}
      {result?.formError ? (
        <div className="alert alert-error" role="alert">
          {result.formError}
        </div>
      ) : null}
      <p className="notifications-summary">
        <span>{unread > 0 ? t("notify.page.unreadSummary", { count: unread }) : t("notify.page.allRead")}</span>
        <Link to="/settings/notifications">{t("notify.page.settingsLink")}</Link>
      </p>
      {items.length === 0 ? (
        paged ? (
          <p className="empty">{t("notify.page.emptyOlder")}</p>
        ) : (
          <div className="empty">
            <p>
              <strong>{t("notify.page.empty")}</strong>
            </p>
            <p>{t("notify.page.emptyHint")}</p>
            <p>
              <Link to="/discussions" className="button">
                {t("notify.page.emptyAction")}
              </Link>
            </p>
          </div>
        )
      ) : (
        <ol className="notification-list" aria-label={t("notify.page.listLabel")}>
          {items.map((n) => {
            const sentence = notificationSentence(t, n);
            return (
              <li key={n.id} className={n.read ? "notification" : "notification notification-unread"}>
                <div className="notification-main">
                  {n.read ? null : <span className="badge notification-badge">{t("notify.page.unreadBadge")}</span>}
                  <Link to={`/notifications?open=${n.id}`} className="notification-link">
                    {sentence}
                  </Link>
                  <time className="notification-time muted" dateTime={n.createdAt}>
                    {format.dateTime(n.createdAt)}
                  </time>
                </div>
                {n.read ? null : (
                  <Form method="post" action={`/notifications${actionQuery}`} className="notification-mark">
                    <input type="hidden" name="id" value={n.id} />
                    <button type="submit" name="intent" value="read" className="button button-secondary button-small">
                      {t("notify.page.markRead")}
                      <span className="sr-only"> ({sentence})</span>
                    </button>
                  </Form>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {nextCursor || paged ? (
        <nav className="notification-pages" aria-label={t("notify.page.pagination")}>
          {paged ? <Link to="/notifications">{t("notify.page.newest")}</Link> : null}
          {nextCursor ? (
            <Link to={`/notifications?before=${nextCursor}`} className="button button-secondary">
              {t("notify.page.older")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </Page>
  );
}
