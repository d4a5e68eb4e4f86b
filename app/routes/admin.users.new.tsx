import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { addMember } from "~/modules/accounts/users.server";
import { newUserSchema, roleSchema } from "~/modules/accounts/schemas";
import { listCentres } from "~/modules/centres/centres.server";
import { requirePermission, translatorFor } from "~/modules/platform/context.server";
import { DomainError } from "~/modules/platform/errors";
import { formKeyOf } from "~/modules/platform/form-keys";
import { newFormKey, renewedFormKey } from "~/modules/platform/form-submissions.server";
import { parseWith, translateFieldErrors, type FieldErrors } from "~/modules/platform/validation";
import { ErrorSummary, FormKeyInput, SelectField, SubmitButton, TextField } from "~/components/forms";
import { Page } from "~/components/layout";
import { useT } from "~/i18n/react";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requirePermission(context, request, { action: "user:admin" });
  const centres = await listCentres(context.services.db);
  return {
    roles: roleSchema.options,
    centres: centres.map((c) => ({ id: c.id, name: c.name })),
    defaults: { role: "trainer", centreId: user.centreId },
    // One account per rendered form, however often it is posted.
    formKey: newFormKey(),
  };
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

type ActionResult = {
  errors?: FieldErrors;
  formError?: string;
  values: { email: string; name: string; handle: string; role: string; centreId: string };
  /** A failed submission's new form key. */
  formKey?: string;
};

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requirePermission(context, request, { action: "user:admin" });
  const t = translatorFor(context);
  const form = await request.formData();
  const values = {
    email: text(form, "email"),
    name: text(form, "name"),
    handle: text(form, "handle"),
    role: text(form, "role"),
    centreId: text(form, "centreId"),
  };
  const parsed = parseWith(
    newUserSchema,
    { ...values, handle: values.handle.trim() || undefined, password: text(form, "password") },
    t,
  );
  if (!parsed.ok) return data<ActionResult>({ errors: parsed.errors, values }, { status: 422 });
  try {
    const member = await addMember(context.services.db, user, parsed.data, { formKey: formKeyOf(form) });
    return redirect(`/admin/users/${member.id}?created=1`);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return data<ActionResult>(
      { errors: translateFieldErrors(error.options.fieldErrors, t), formError: t(error.messageKey, error.options.params), values, ...renewedFormKey() },
      { status: error.status },
    );
  }
}

export default function NewUser() {
  const { roles, centres, defaults, formKey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const values = result?.values;
  return (
    <Page
      title={t("admin.users.new.title")}
      intro={
        <>
          {t("admin.users.new.intro")} <Link to="/invitations">{t("admin.users.new.inviteInstead")}</Link>
        </>
      }
      narrow
    >
      <div className="card">
        <ErrorSummary errors={result?.errors} formError={result?.formError} />
        <Form method="post" noValidate>
          <FormKeyInput value={result?.formKey ?? formKey} />
          <TextField
            name="email"
            type="email"
            label={t("admin.users.email")}
            autoComplete="off"
            required
            maxLength={254}
            defaultValue={values?.email}
            errors={result?.errors?.email}
          />
          <TextField
            name="name"
            label={t("admin.users.name")}
            autoComplete="off"
            required
            maxLength={100}
            defaultValue={values?.name}
            errors={result?.errors?.name}
          />
          <TextField
            name="handle"
            label={t("admin.users.handle")}
            hint={t("admin.users.new.handleHint")}
            optional
            autoCapitalize="none"
            spellCheck={false}
            maxLength={40}
            defaultValue={values?.handle}
            errors={result?.errors?.handle}
          />
          <SelectField
            name="role"
            label={t("admin.users.role")}
            defaultValue={values?.role ?? defaults.role}
            options={roles.map((r) => ({ value: r, label: t(`role.${r}` as const) }))}
            errors={result?.errors?.role}
          />
          <SelectField
            name="centreId"
            label={t("admin.users.centre")}
            defaultValue={values?.centreId ?? defaults.centreId}
            options={centres.map((c) => ({ value: c.id, label: c.name }))}
            errors={result?.errors?.centreId}
          />
          <TextField
            name="password"
            type="password"
            label={t("admin.users.new.password")}
            hint={t("admin.users.new.passwordHint")}
            autoComplete="new-password"
            minLength={12}
            required
            errors={result?.errors?.password}
          />
          <div className="actions">
            <SubmitButton pendingLabel={t("admin.users.new.creating")}>{t("admin.users.new.submit")}</SubmitButton>
            <Link to="/admin/users">{t("form.cancel")}</Link>
          </div>
        </Form>
      </div>
    </Page>
  );
}
