import { data, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { ErrorSummary, SubmitButton, TextField, type FieldErrors } from "~/components/forms";
import { Page } from "~/components/layout";
import { createTranslator, isLocale, type MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { requestPasswordReset, resetLinkLifetimeMinutes } from "~/modules/accounts/password-reset.server";
import { loginSchema } from "~/modules/accounts/schemas";
import { translatorFor } from "~/modules/platform/context.server";
import { parseWith } from "~/modules/platform/validation";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "directory.forgot.title") }];

/** "Title — Digital Compass" in the reader's language (the root loader knows it). */
function pageTitle(matches: { id: string; data?: unknown }[], key: MessageKey): string {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined)?.locale;
  return `${createTranslator(isLocale(locale) ? locale : "fr")(key)} — Digital Compass`;
}

const emailOnlySchema = loginSchema.pick({ email: true });

type ActionResult = { errors?: FieldErrors; email: string; sent?: { email: string; minutes: number } };

// Public, signed in or not. The answer never says whether the address has an account.
export async function action({ request, context }: ActionFunctionArgs) {
  const t = translatorFor(context);
  const form = await request.formData();
  const email = String(form.get("email") ?? "");
  const parsed = parseWith(emailOnlySchema, { email }, t);
  if (!parsed.ok) return data<ActionResult>({ errors: parsed.errors, email }, { status: 422 });
  await requestPasswordReset(context.services, parsed.data.email, context.locale);
  return data<ActionResult>({ email: "", sent: { email: parsed.data.email, minutes: resetLinkLifetimeMinutes } });
}

export default function ForgotPassword() {
  const t = useT();
  const result = useActionData<typeof action>();
  return (
    <Page title={t("directory.forgot.title")} intro={t("directory.forgot.intro")} narrow>
      {result?.sent ? (
        <p className="alert alert-ok" role="status">
          {t("directory.forgot.sent", { email: result.sent.email, minutes: result.sent.minutes })}
        </p>
      ) : null}
      <div className="card">
        <ErrorSummary errors={result?.errors} />
        <Form method="post" noValidate key={result?.sent ? "sent" : "form"}>
          <TextField
            name="email"
            type="email"
            label={t("directory.forgot.email")}
            autoComplete="email"
            required
            defaultValue={result?.email}
            errors={result?.errors?.email}
          />
          <div className="actions">
            <SubmitButton pendingLabel={t("directory.forgot.submitting")}>{t("directory.forgot.submit")}</SubmitButton>
            <Link to="/login">{t("directory.forgot.backToLogin")}</Link>
          </div>
        </Form>
      </div>
    </Page>
  );
}
