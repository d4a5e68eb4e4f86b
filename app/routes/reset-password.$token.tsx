import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, NewPasswordFields, SubmitButton, type FieldErrors } from "~/components/forms";
import { Page } from "~/components/layout";
import { createTranslator, isLocale, type MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { isResetTokenUsable, resetLinkLifetimeMinutes, resetPassword } from "~/modules/accounts/password-reset.server";
import { passwordConfirmationError } from "~/modules/accounts/new-password";
import { passwordSchema } from "~/modules/accounts/schemas";
import { pathText, translatorFor } from "~/modules/platform/context.server";
import { DomainError } from "~/modules/platform/errors";
import { parseWith, translateFieldErrors } from "~/modules/platform/validation";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "directory.reset.title") }];

/** "Title — Digital Compass" in the reader's language (the root loader knows it). */
function pageTitle(matches: { id: string; data?: unknown }[], key: MessageKey): string {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined)?.locale;
  return `${createTranslator(isLocale(locale) ? locale : "fr")(key)} — Digital Compass`;
}

// Public: the link itself is the credential.
export async function loader({ params, context }: LoaderFunctionArgs) {
  const usable = await isResetTokenUsable(context.services, pathText(params.token));
  if (!usable) return data({ invalid: true, minutes: resetLinkLifetimeMinutes }, { status: 404 });
  return { invalid: false, minutes: resetLinkLifetimeMinutes };
}

type ActionResult = { invalid?: boolean; errors?: FieldErrors; formError?: string };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const t = translatorFor(context);
  const form = await request.formData();
  const password = String(form.get("password") ?? "");

  const parsed = parseWith(passwordSchema, password, t);
  const errors: FieldErrors = parsed.ok ? {} : { password: parsed.errors._form ?? [t("validation.invalid")] };
  const mismatch = passwordConfirmationError(form, { password: "password", confirmation: "passwordConfirm" });
  if (mismatch) errors.passwordConfirm = [t(mismatch)];
  if (!parsed.ok || Object.keys(errors).length > 0) return data<ActionResult>({ errors }, { status: 422 });

  try {
    const { cookie } = await resetPassword(context.services, pathText(params.token), parsed.data, context.client);
    return redirect("/?reset=1", { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.messageKey === "reset.invalid") return data<ActionResult>({ invalid: true }, { status: 404 });
    return data<ActionResult>(
      { errors: translateFieldErrors(error.options.fieldErrors, t), formError: t(error.messageKey, error.options.params) },
      { status: error.status },
    );
  }
}

export default function ResetPassword() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (loaded.invalid || result?.invalid) {
    return (
      <Page title={t("directory.reset.invalidTitle")} narrow>
        <p>{t("directory.reset.invalidBody", { minutes: loaded.minutes })}</p>
        <p className="actions">
          <Link to="/forgot-password" className="button">
            {t("directory.reset.askAgain")}
          </Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={t("directory.reset.title")} intro={t("directory.reset.intro")} narrow>
      <div className="card">
        <ErrorSummary errors={result?.errors} formError={result?.formError} />
        <Form method="post" noValidate>
          <NewPasswordFields name="password" confirmName="passwordConfirm" label={t("directory.password.new")} errors={result?.errors} />
          <div className="actions">
            <SubmitButton pendingLabel={t("directory.reset.submitting")}>{t("directory.reset.submit")}</SubmitButton>
          </div>
        </Form>
      </div>
    </Page>
  );
}
