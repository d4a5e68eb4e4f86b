import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { signIn } from "~/modules/accounts/auth.server";
import { loginSchema } from "~/modules/accounts/schemas";
import { safeRedirectPath, translatorFor } from "~/modules/platform/context.server";
import { DomainError } from "~/modules/platform/errors";
import { parseWith } from "~/modules/platform/validation";
import { ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { Page } from "~/components/layout";
import { useT } from "~/i18n/react";

export const meta: MetaFunction = () => [{ title: "Digital Compass" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (context.auth.user) throw redirect(safeRedirectPath(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const t = translatorFor(context);
  const form = await request.formData();
  const email = String(form.get("email") ?? "");
  const parsed = parseWith(loginSchema, { email, password: form.get("password") ?? "" }, t);
  if (!parsed.ok) return data({ errors: parsed.errors, formError: undefined, email }, { status: 422 });
  try {
    const { cookie } = await signIn(context.services, {
      ...parsed.data,
      ...context.client,
      previousSessionId: context.auth.session?.id,
    });
    return redirect(safeRedirectPath(form.get("redirectTo")), { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const headers = error.options.retryAfterSeconds ? { "Retry-After": String(error.options.retryAfterSeconds) } : undefined;
    return data({ errors: undefined, formError: t(error.messageKey, error.options.params), email }, { status: error.status, headers });
  }
}

export default function Login() {
  const t = useT();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <Page title={t("login.title")} intro={t("login.intro")} narrow>
      <div className="card">
        <ErrorSummary errors={result?.errors} formError={result?.formError} />
        <Form method="post" noValidate>
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
          <TextField
            name="email"
            type="email"
            label={t("login.email")}
            autoComplete="username"
            required
            defaultValue={result?.email}
            errors={result?.errors?.email}
          />
          <TextField
            name="password"
            type="password"
            label={t("login.password")}
            autoComplete="current-password"
            required
            errors={result?.errors?.password}
          />
          <div className="actions">
            <SubmitButton pendingLabel={t("login.submitting")}>{t("login.submit")}</SubmitButton>
            <Link to="/forgot-password">{t("login.forgot")}</Link>
          </div>
        </Form>
      </div>
      <p className="muted">{t("login.noAccount")}</p>
    </Page>
  );
}
