import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import {
  getEmailPreference,
  isEmailPreference,
  setEmailPreference,
  type EmailPreference,
} from "~/modules/discussions/notification-email.server";
import { requirePermission, translatorFor } from "~/modules/platform/context.server";
import { ErrorSummary, SubmitButton } from "~/components/forms";
import { Page } from "~/components/layout";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";

const emailPreferences: EmailPreference[] = ["immediate", "daily", "never"];
const labels: Record<EmailPreference, { label: MessageKey; hint: MessageKey }> = {
  immediate: { label: "notify.settings.immediate", hint: "notify.settings.immediateHint" },
  daily: { label: "notify.settings.daily", hint: "notify.settings.dailyHint" },
  never: { label: "notify.settings.never", hint: "notify.settings.neverHint" },
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requirePermission(context, request, { action: "settings:manage" });
  return { preference: await getEmailPreference(context.services.db, user.id) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requirePermission(context, request, { action: "settings:manage" });
  const t = translatorFor(context);
  const form = await request.formData();
  const value = form.get("emailNotifications");
  if (!isEmailPreference(value)) {
    return data({ errors: { emailNotifications: [t("notify.settings.invalid")] } }, { status: 422 });
  }
  await setEmailPreference(context.services.db, user.id, value);
  return redirect("/settings/notifications?saved=1");
}

export default function NotificationSettings() {
  const { preference } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const errors = result?.errors?.emailNotifications;
  return (
    <Page title={t("notify.settings.title")} intro={t("notify.settings.intro")}>
      {params.get("saved") && !result ? (
        <div className="alert alert-ok" role="status">
          {t("notify.settings.saved")}
        </div>
      ) : null}
      <div className="card">
        <ErrorSummary errors={result?.errors} />
        <Form method="post" noValidate>
          <fieldset
            id="field-emailNotifications"
            className={errors ? "choice-group field-invalid" : "choice-group"}
            aria-describedby={errors ? "error-emailNotifications" : undefined}
          >
            <legend>{t("notify.settings.legend")}</legend>
            {errors ? (
              <p className="field-error" id="error-emailNotifications">
                {errors.join(" ")}
              </p>
            ) : null}
            {emailPreferences.map((value) => (
              <div className="choice" key={value}>
                <input
                  type="radio"
                  id={`email-${value}`}
                  name="emailNotifications"
                  value={value}
                  defaultChecked={preference === value}
                  aria-describedby={`email-${value}-hint`}
                />
                <div>
                  <label htmlFor={`email-${value}`}>{t(labels[value].label)}</label>
                  <p className="hint" id={`email-${value}-hint`}>
                    {t(labels[value].hint)}
                  </p>
                </div>
              </div>
            ))}
          </fieldset>
          <div className="actions">
            <SubmitButton pendingLabel={t("notify.settings.saving")}>{t("notify.settings.submit")}</SubmitButton>
          </div>
        </Form>
      </div>
    </Page>
  );
}
