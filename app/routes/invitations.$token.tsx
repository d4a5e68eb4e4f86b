import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, NewPasswordFields, SubmitButton, TextField, type FieldErrors } from "~/components/forms";
import { Page } from "~/components/layout";
import { createTranslator, isLocale, type MessageKey } from "~/i18n";
import { useT } from "~/i18n/react";
import { startSession } from "~/modules/accounts/auth.server";
import { acceptInvitation, findOpenInvitation } from "~/modules/accounts/invitations.server";
import { passwordConfirmationError } from "~/modules/accounts/new-password";
import { acceptInvitationSchema } from "~/modules/accounts/schemas";
import { pathText, translatorFor } from "~/modules/platform/context.server";
import { DomainError } from "~/modules/platform/errors";
import { parseWith, translateFieldErrors } from "~/modules/platform/validation";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "directory.accept.title") }];

/** "Title — Digital Compass" in the reader's language (the root loader knows it). */
function pageTitle(matches: { id: string; data?: unknown }[], key: MessageKey): string {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined)?.locale;
  return `${createTranslator(isLocale(locale) ? locale : "fr")(key)} — Digital Compass`;
}

/** The fields of this form; a domain error about any other field (e.g. the e-mail) is told in the form-level message. */
const formFields = ["name", "handle", "password", "passwordConfirm"] as const;
const onlyFormFields = (errors: FieldErrors): FieldErrors =>
  Object.fromEntries(Object.entries(errors).filter(([field]) => (formFields as readonly string[]).includes(field)));

// Public: the link itself is the credential, whoever (even a signed-in person) opens it.
export async function loader({ params, context }: LoaderFunctionArgs) {
  const invitation = await findOpenInvitation(context.services.db, pathText(params.token));
  if (!invitation) return data({ invalid: true as const }, { status: 404 });
  return {
    invalid: false as const,
    invitation: {
      email: invitation.email,
      role: invitation.role,
      centreName: invitation.centreName,
      inviterName: invitation.inviterName,
    },
  };
}

type ActionResult = {
  invalid?: boolean;
  errors?: FieldErrors;
  formError?: string;
  values?: { name: string; handle: string };
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const t = translatorFor(context);
  const token = pathText(params.token);
  const form = await request.formData();
  const values = { name: String(form.get("name") ?? ""), handle: String(form.get("handle") ?? "") };
  const password = String(form.get("password") ?? "");

  const parsed = parseWith(acceptInvitationSchema, { name: values.name, password, handle: values.handle.trim() || undefined }, t);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  const mismatch = passwordConfirmationError(form, { password: "password", confirmation: "passwordConfirm" });
  if (mismatch) errors.passwordConfirm = [t(mismatch)];
  if (!parsed.ok || Object.keys(errors).length > 0) return data<ActionResult>({ errors, values }, { status: 422 });

  try {
    const member = await acceptInvitation(context.services.db, token, parsed.data, context.locale);
    const { cookie } = await startSession(context.services, member.id, context.client);
    return redirect("/settings?welcome=1", { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.messageKey === "invitation.invalid") return data<ActionResult>({ invalid: true }, { status: 404 });
    return data<ActionResult>(
      {
        errors: onlyFormFields(translateFieldErrors(error.options.fieldErrors, t)),
        formError: t(error.messageKey, error.options.params),
        values,
      },
      { status: error.status },
    );
  }
}

function InvalidInvitation() {
  const t = useT();
  return (
    <Page title={t("directory.accept.invalidTitle")} narrow>
      <p>{t("directory.accept.invalidBody")}</p>
      <p className="actions">
        <Link to="/login" className="button">
          {t("directory.accept.signIn")}
        </Link>
      </p>
    </Page>
  );
}

export default function AcceptInvitation() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  if (loaded.invalid || result?.invalid) return <InvalidInvitation />;
  const { invitation } = loaded;
  return (
    <Page title={t("directory.accept.title")} intro={t("directory.accept.intro", { inviter: invitation.inviterName })} narrow>
      <section className="card" aria-labelledby="invitation-details">
        <h2 id="invitation-details">{t("directory.accept.details")}</h2>
        <dl className="facts">
          <dt>{t("directory.accept.centre")}</dt>
          <dd>{invitation.centreName}</dd>
          <dt>{t("directory.accept.role")}</dt>
          <dd>{t(`role.${invitation.role}`)}</dd>
          <dt>{t("directory.accept.email")}</dt>
          <dd>{invitation.email}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="account-form">
        <h2 id="account-form">{t("directory.accept.formTitle")}</h2>
        <ErrorSummary errors={result?.errors} formError={result?.formError} />
        <Form method="post" noValidate>
          <TextField
            name="name"
            label={t("directory.accept.name")}
            hint={t("directory.accept.nameHint")}
            autoComplete="name"
            required
            maxLength={100}
            defaultValue={result?.values?.name}
            errors={result?.errors?.name}
          />
          <TextField
            name="handle"
            label={t("directory.accept.handle")}
            hint={t("directory.accept.handleHint")}
            optional
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={40}
            defaultValue={result?.values?.handle}
            errors={result?.errors?.handle}
          />
          {/* The e-mail, for password managers to save with the new password. */}
          <input type="hidden" name="username" autoComplete="username" value={invitation.email} />
          <NewPasswordFields name="password" confirmName="passwordConfirm" label={t("login.password")} errors={result?.errors} />
          <div className="actions">
            <SubmitButton pendingLabel={t("directory.accept.submitting")}>{t("directory.accept.submit")}</SubmitButton>
          </div>
        </Form>
      </section>
    </Page>
  );
}
