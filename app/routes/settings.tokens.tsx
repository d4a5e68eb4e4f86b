import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { createApiToken, listApiTokens, revokeApiToken } from "~/modules/accounts/tokens.server";
import { tokenNameSchema } from "~/modules/accounts/schemas";
import { requirePermission, translatorFor } from "~/modules/platform/context.server";
import { DomainError } from "~/modules/platform/errors";
import { formKeyOf } from "~/modules/platform/form-keys";
import { newFormKey, renewedFormKey } from "~/modules/platform/form-submissions.server";
import { parseWith, type FieldErrors } from "~/modules/platform/validation";
import { ErrorSummary, FormKeyInput, SubmitButton, TextField } from "~/components/forms";
import { Page } from "~/components/layout";
import { useFormatDate, useT } from "~/i18n/react";

type ActionResult = {
  errors?: FieldErrors;
  formError?: string;
  name?: string;
  created?: { name: string; token: string };
  formKey?: string;
};

/** The page may carry a new token's secret: never stored by the browser or any cache. */
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requirePermission(context, request, { action: "settings:manage" });
  // One token per rendered form, however often it is posted; a new key after each answer.
  return { tokens: await listApiTokens(context.services.db, user.id), formKey: newFormKey() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requirePermission(context, request, { action: "settings:manage" });
  const t = translatorFor(context);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "create") {
    const name = String(form.get("name") ?? "");
    const parsed = parseWith(tokenNameSchema, { name }, t);
    if (!parsed.ok) return data<ActionResult>({ errors: parsed.errors, name }, { status: 422 });
    let created;
    try {
      created = await createApiToken(context.services.db, user.id, parsed.data.name, { formKey: formKeyOf(form) });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return data<ActionResult>({ formError: t(error.messageKey, error.options.params), name, ...renewedFormKey() }, { status: error.status });
    }
    // The secret is in this answer only (and in the answer to the same form posted again): never cached.
    return data<ActionResult>(
      { created: { name: created.name, token: created.token } },
      { headers: { "Cache-Control": "no-store" } },
    );
  }
  if (intent === "revoke") {
    try {
      await revokeApiToken(context.services.db, user.id, String(form.get("token") ?? ""));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return data<ActionResult>({ formError: t("token.notFound") }, { status: error.status });
    }
    return redirect("/settings/tokens?revoked=1");
  }
  return data<ActionResult>({ formError: t("validation.invalidChoice") }, { status: 400 });
}

export default function TokenSettings() {
  const { tokens, formKey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const format = useFormatDate();
  const created = result?.created;
  return (
    <Page title={t("settings.tokens.title")} intro={t("settings.tokens.intro")}>
      {params.get("revoked") && !result ? (
        <div className="alert alert-ok" role="status">
          {t("settings.tokens.revoked")}
        </div>
      ) : null}
      {created ? (
        <div className="alert alert-ok" role="status">
          <p>
            <strong>{t("settings.tokens.created", { name: created.name })}</strong>
          </p>
          <p>{t("settings.tokens.copyNow")}</p>
          <p className="secret">{created.token}</p>
          <p>{t("settings.tokens.howTo")}</p>
          <p className="secret">
            <code>Authorization: Bearer {created.token}</code>
          </p>
          <p>
            <a href="/api/v1/openapi.json">{t("settings.tokens.docs")}</a>
          </p>
        </div>
      ) : null}
      {result?.formError ? (
        <div className="alert alert-error" role="alert">
          {result.formError}
        </div>
      ) : null}

      <h2>{t("settings.tokens.listTitle")}</h2>
      {tokens.length === 0 ? (
        <p className="empty">{t("settings.tokens.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{t("settings.tokens.listTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("settings.tokens.name")}</th>
                <th scope="col">{t("settings.tokens.createdAt")}</th>
                <th scope="col">{t("settings.tokens.lastUsed")}</th>
                <th scope="col">
                  <span className="sr-only">{t("settings.tokens.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <th scope="row">{token.name}</th>
                  <td>{format.dateTime(token.createdAt)}</td>
                  <td>{token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t("settings.tokens.neverUsed")}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="token" value={token.id} />
                      <SubmitButton intent="revoke" className="button button-secondary button-small" pendingLabel={t("settings.tokens.revoking")}>
                        {t("settings.tokens.revoke")}
                        <span className="sr-only"> ({token.name})</span>
                      </SubmitButton>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t("settings.tokens.newTitle")}</h2>
      <div className="card">
        <ErrorSummary errors={result?.errors} />
        <Form method="post" noValidate key={created ? `created-${created.name}` : "new"}>
          <FormKeyInput value={result?.formKey ?? formKey} />
          <TextField
            name="name"
            label={t("settings.tokens.name")}
            hint={t("settings.tokens.nameHint")}
            required
            maxLength={80}
            defaultValue={result?.name}
            errors={result?.errors?.name}
          />
          <div className="actions">
            <SubmitButton intent="create" pendingLabel={t("settings.tokens.creating")}>
              {t("settings.tokens.create")}
            </SubmitButton>
          </div>
        </Form>
      </div>
    </Page>
  );
}
