import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { unsubscribe, verifyUnsubscribe } from "~/modules/discussions/notification-email.server";
import { SubmitButton } from "~/components/forms";
import { Page } from "~/components/layout";
import { useT } from "~/i18n/react";

/**
 * The link every notification e-mail carries: `/unsubscribe?u=<userId>&s=<signature>`. No sign-in needed, the
 * signature is the proof. GET only asks for confirmation (link scanners must not unsubscribe anyone); POST, from
 * the button or from a mail client's RFC 8058 one-click request, turns notification e-mails off.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const u = params.get("u");
  const s = params.get("s");
  if (!(await verifyUnsubscribe(context.services.db, u, s))) return data({ valid: false as const, u: "", s: "" }, { status: 400 });
  return { valid: true as const, u: u!, s: s! };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const params = new URL(request.url).searchParams;
  let form: FormData | null = null;
  try {
    form = await request.formData();
  } catch {
    // A one-click request may come without a body we can read; the link itself carries what is needed.
  }
  const u = params.get("u") ?? form?.get("u") ?? null;
  const s = params.get("s") ?? form?.get("s") ?? null;
  if (!(await unsubscribe(context.services.db, u, s))) return data({ done: false }, { status: 400 });
  return { done: true };
}

export default function Unsubscribe() {
  const { valid, u, s } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  if (!valid || result?.done === false) {
    return (
      <Page title={t("notify.unsubscribe.invalidTitle")} narrow>
        <div className="alert alert-error" role="alert">
          {t("notify.unsubscribe.invalid")}
        </div>
        <p>
          <Link to="/settings/notifications">{t("notify.unsubscribe.settings")}</Link>
        </p>
      </Page>
    );
  }
  if (result?.done) {
    return (
      <Page title={t("notify.unsubscribe.title")} narrow>
        <div className="alert alert-ok" role="status">
          {t("notify.unsubscribe.done")}
        </div>
        <p>{t("notify.unsubscribe.doneHint")}</p>
        <p>
          <Link to="/settings/notifications">{t("notify.unsubscribe.settings")}</Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={t("notify.unsubscribe.title")} narrow>
      <div className="card">
        <p>{t("notify.unsubscribe.intro")}</p>
        <Form method="post" action={`/unsubscribe?u=${encodeURIComponent(u)}&s=${encodeURIComponent(s)}`}>
          <input type="hidden" name="u" value={u} />
          <input type="hidden" name="s" value={s} />
          <div className="actions">
            <SubmitButton pendingLabel={t("notify.unsubscribe.submitting")}>{t("notify.unsubscribe.submit")}</SubmitButton>
          </div>
        </Form>
      </div>
    </Page>
  );
}
