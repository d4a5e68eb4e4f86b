import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { eraseMember } from "~/modules/accounts/users.server";
import { passwordSchema } from "~/modules/accounts/schemas";
import { requirePermission, translatorFor } from "~/modules/platform/context.server";
import { DomainError } from "~/modules/platform/errors";
import { parseWith, translateFieldErrors } from "~/modules/platform/validation";
import { ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { Page } from "~/components/layout";
import { useT } from "~/i18n/react";

const eraseSchema = z.object({ password: passwordSchema });

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(context, request, { action: "settings:manage" });
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requirePermission(context, request, { action: "settings:manage" });
  const t = translatorFor(context);
  const form = await request.formData();
  const parsed = parseWith(eraseSchema, { password: form.get("password") ?? "" }, t);
  if (!parsed.ok) return data({ errors: parsed.errors, formError: undefined }, { status: 422 });
  try {
    await eraseMember(context.services, user.id, parsed.data.password);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return data(
      { errors: translateFieldErrors(error.options.fieldErrors, t), formError: t(error.messageKey, error.options.params) },
      { status: error.status },
    );
  }
  return redirect("/", { headers: { "Set-Cookie": context.services.lucia.createBlankSessionCookie().serialize() } });
}

export default function DataSettings() {
  const t = useT();
  const result = useActionData<typeof action>();
  return (
    <Page title={t("settings.data.title")} intro={t("settings.data.intro")}>
      <section className="card" aria-labelledby="export-title">
        <h2 id="export-title">{t("settings.data.exportTitle")}</h2>
        <p>{t("settings.data.exportBody")}</p>
        <p>
          <a href="/api/v1/me/export" download className="button button-secondary">
            {t("settings.data.exportButton")}
          </a>
        </p>
      </section>
      <section className="card" aria-labelledby="erase-title">
        <h2 id="erase-title">{t("settings.data.eraseTitle")}</h2>
        <p>{t("settings.data.eraseWhat")}</p>
        <p>{t("settings.data.eraseStays")}</p>
        <p>
          <strong>{t("settings.data.eraseFinal")}</strong>
        </p>
        <ErrorSummary errors={result?.errors} formError={result?.formError} />
        <Form method="post" noValidate>
          <TextField
            name="password"
            type="password"
            label={t("settings.data.password")}
            hint={t("settings.data.passwordHint")}
            autoComplete="current-password"
            required
            errors={result?.errors?.password}
          />
          <div className="actions">
            <SubmitButton className="button button-danger" pendingLabel={t("settings.data.erasing")}>
              {t("settings.data.eraseButton")}
            </SubmitButton>
          </div>
        </Form>
      </section>
    </Page>
  );
}
