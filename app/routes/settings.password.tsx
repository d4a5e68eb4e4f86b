import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { changePassword } from "~/modules/accounts/users.server";
import { passwordConfirmationError } from "~/modules/accounts/new-password";
import { passwordSchema } from "~/modules/accounts/schemas";
import { requirePermission, translatorFor } from "~/modules/platform/context.server";
import { DomainError } from "~/modules/platform/errors";
import { parseWith, translateFieldErrors, type FieldErrors } from "~/modules/platform/validation";
import { ErrorSummary, NewPasswordFields, SubmitButton, TextField } from "~/components/forms";
import { Page } from "~/components/layout";
import { useT } from "~/i18n/react";

const passwordChangeSchema = z.object({
  currentPassword: passwordSchema,
  newPassword: passwordSchema,
  confirmPassword: z.string().min(1),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(context, request, { action: "settings:manage" });
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requirePermission(context, request, { action: "settings:manage" });
  const t = translatorFor(context);
  const form = await request.formData();
  const parsed = parseWith(
    passwordChangeSchema,
    {
      currentPassword: form.get("currentPassword") ?? "",
      newPassword: form.get("newPassword") ?? "",
      confirmPassword: form.get("confirmPassword") ?? "",
    },
    t,
  );
  if (!parsed.ok) return data({ errors: parsed.errors, formError: undefined }, { status: 422 });
  const { currentPassword, newPassword } = parsed.data;
  const mismatch = passwordConfirmationError(form, { password: "newPassword", confirmation: "confirmPassword" });
  if (mismatch) {
    const errors: FieldErrors = { confirmPassword: [t(mismatch)] };
    return data({ errors, formError: undefined }, { status: 422 });
  }
  try {
    await changePassword(context.services, user, { currentPassword, newPassword }, context.auth.session?.id);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return data(
      { errors: translateFieldErrors(error.options.fieldErrors, t), formError: t(error.messageKey, error.options.params) },
      { status: error.status },
    );
  }
  return redirect("/settings/password?saved=1");
}

export default function PasswordSettings() {
  const t = useT();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <Page title={t("settings.password.title")} intro={t("settings.password.intro")}>
      {params.get("saved") && !result ? (
        <div className="alert alert-ok" role="status">
          {t("settings.password.saved")}
        </div>
      ) : null}
      <div className="card">
        <ErrorSummary errors={result?.errors} formError={result?.formError} />
        <Form method="post" noValidate>
          <TextField
            name="currentPassword"
            type="password"
            label={t("settings.password.current")}
            autoComplete="current-password"
            required
            errors={result?.errors?.currentPassword}
          />
          <NewPasswordFields name="newPassword" confirmName="confirmPassword" label={t("directory.password.new")} errors={result?.errors} />
          <p className="muted">{t("settings.password.othersSignedOut")}</p>
          <div className="actions">
            <SubmitButton pendingLabel={t("settings.password.submitting")}>{t("settings.password.submit")}</SubmitButton>
          </div>
        </Form>
      </div>
    </Page>
  );
}
