import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary, FormKeyInput, SelectField, SubmitButton, TextField, type FieldErrors } from "~/components/forms";
import { Page } from "~/components/layout";
import { createTranslator, isLocale, type MessageKey } from "~/i18n";
import { useFormatDate, useT } from "~/i18n/react";
import { createInvitation, listInvitations, revokeInvitation } from "~/modules/accounts/invitations.server";
import { can, invitableRoles } from "~/modules/accounts/permissions";
import { invitationSchema } from "~/modules/accounts/schemas";
import { listCentres } from "~/modules/centres/centres.server";
import { requirePermission, translatorFor } from "~/modules/platform/context.server";
import { DomainError } from "~/modules/platform/errors";
import { formKeyOf } from "~/modules/platform/form-keys";
import { newFormKey, renewedFormKey } from "~/modules/platform/form-submissions.server";
import { parseWith, translateFieldErrors } from "~/modules/platform/validation";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "directory.invite.title") }];

/** "Title — Digital Compass" in the reader's language (the root loader knows it). */
function pageTitle(matches: { id: string; data?: unknown }[], key: MessageKey): string {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: string } | undefined)?.locale;
  return `${createTranslator(isLocale(locale) ? locale : "fr")(key)} — Digital Compass`;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requirePermission(context, request, { action: "invitation:manage" });
  const { db } = context.services;
  const [centres, invitations] = await Promise.all([listCentres(db), listInvitations(db, user)]);
  const roles = invitableRoles(user);
  // A centre is offered when the person may invite someone there to at least one role (a host: their own only).
  const allowedCentres = centres
    .filter((c) => roles.some((role) => can(user, { action: "invitation:create", role, centreId: c.id })))
    .map((c) => ({ value: c.id, label: c.name.includes(c.city) ? c.name : `${c.name} (${c.city})` }))
    .sort((a, b) => a.label.localeCompare(b.label, context.locale));
  const ownCentre = centres.find((c) => c.id === user.centreId);
  const fixedCentre = allowedCentres.every((c) => c.value === user.centreId);
  return {
    roles,
    centres: fixedCentre ? [] : allowedCentres,
    ownCentre: { id: user.centreId, name: ownCentre?.name ?? user.centreId },
    fixedCentre,
    seesAll: can(user, { action: "user:admin" }),
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      role: i.role,
      centreName: i.centreName,
      inviterName: i.inviterName,
      createdAt: i.createdAt,
      expiresAt: i.expiresAt,
      status: i.status,
    })),
    // One invitation per rendered form, however often it is posted; a new key after each answer.
    formKey: newFormKey(),
  };
}

type ActionResult = {
  intent: "create" | "revoke";
  errors?: FieldErrors;
  formError?: string;
  values?: { email: string; role: string; centreId: string };
  created?: { id: string; url: string; email: string; expiresAt: Date };
  formKey?: string;
};

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requirePermission(context, request, { action: "invitation:manage" });
  const t = translatorFor(context);
  const form = await request.formData();

  if (form.get("intent") === "revoke") {
    const id = String(form.get("id") ?? "");
    try {
      await revokeInvitation(context.services.db, user, id);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return data<ActionResult>({ intent: "revoke", formError: t(error.messageKey, error.options.params) }, { status: error.status });
    }
    return redirect("/invitations?revoked=1");
  }

  const values = {
    email: String(form.get("email") ?? ""),
    role: String(form.get("role") ?? ""),
    centreId: String(form.get("centreId") ?? ""),
  };
  const parsed = parseWith(invitationSchema, values, t);
  if (!parsed.ok) return data<ActionResult>({ intent: "create", errors: parsed.errors, values }, { status: 422 });
  try {
    const invitation = await createInvitation(context.services, user, parsed.data, context.locale, { formKey: formKeyOf(form) });
    return data<ActionResult>({
      intent: "create",
      created: { id: invitation.id, url: invitation.url, email: invitation.email, expiresAt: invitation.expiresAt },
    });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return data<ActionResult>(
      {
        intent: "create",
        errors: translateFieldErrors(error.options.fieldErrors, t),
        formError: t(error.messageKey, error.options.params),
        values,
        ...renewedFormKey(),
      },
      { status: error.status },
    );
  }
}

const statusKeys = {
  pending: "directory.invite.status.pending",
  accepted: "directory.invite.status.accepted",
  expired: "directory.invite.status.expired",
  revoked: "directory.invite.status.revoked",
} as const satisfies Record<string, MessageKey>;

export default function Invitations() {
  const { roles, centres, ownCentre, fixedCentre, seesAll, invitations, formKey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const format = useFormatDate();
  const create = result?.intent === "create" ? result : undefined;
  const revokeError = result?.intent === "revoke" ? result.formError : undefined;
  const created = create?.created;
  const values = create?.values;
  const roleOptions = roles.map((role) => ({ value: role, label: t(`role.${role}`) }));

  return (
    <Page title={t("directory.invite.title")} intro={t("directory.invite.intro")}>
      {params.get("revoked") === "1" && !result ? (
        <p className="alert alert-ok" role="status">
          {t("directory.invite.revoked")}
        </p>
      ) : null}

      {created ? (
        <div className="alert alert-ok" role="status">
          <p>
            <strong>{t("directory.invite.created", { email: created.email })}</strong>
          </p>
          <p>{t("directory.invite.linkLabel")}</p>
          <p className="secret">
            {created.url}
          </p>
          <p>{t("directory.invite.linkSentence", { email: created.email, date: format.date(created.expiresAt) })}</p>
        </div>
      ) : null}

      <section className="card" aria-labelledby="invite-form-title">
        <h2 id="invite-form-title">{t("directory.invite.formTitle")}</h2>
        <ErrorSummary errors={create?.errors} formError={create?.formError} />
        <Form method="post" noValidate key={created?.id ?? "form"}>
          <FormKeyInput value={create?.formKey ?? formKey} />
          <TextField
            name="email"
            type="email"
            label={t("directory.invite.email")}
            autoComplete="off"
            required
            defaultValue={values?.email}
            errors={create?.errors?.email}
          />
          <SelectField
            name="role"
            label={t("directory.invite.role")}
            hint={roles.length > 1 ? t("directory.invite.roleHint") : undefined}
            defaultValue={values?.role ?? "trainer"}
            options={roleOptions}
            errors={create?.errors?.role}
          />
          {fixedCentre ? (
            <>
              <input type="hidden" name="centreId" value={ownCentre.id} />
              <p className="hint">{t("directory.invite.centreFixed", { centre: ownCentre.name })}</p>
              {create?.errors?.centreId ? (
                <p className="field-error" id="field-centreId">
                  {create.errors.centreId.join(" ")}
                </p>
              ) : null}
            </>
          ) : (
            <SelectField
              name="centreId"
              label={t("directory.invite.centre")}
              defaultValue={values?.centreId ?? ownCentre.id}
              options={centres}
              errors={create?.errors?.centreId}
            />
          )}
          <div className="actions">
            <SubmitButton intent="create" pendingLabel={t("directory.invite.submitting")}>
              {t("directory.invite.submit")}
            </SubmitButton>
          </div>
        </Form>
      </section>

      <section aria-labelledby="invite-list-title">
        <h2 id="invite-list-title">{seesAll ? t("directory.invite.listTitleAll") : t("directory.invite.listTitle")}</h2>
        {revokeError ? (
          <p className="alert alert-error" role="alert">
            {revokeError}
          </p>
        ) : null}
        {invitations.length === 0 ? (
          <p className="empty">{t("directory.invite.empty")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="sr-only">{t("directory.invite.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("directory.invite.col.email")}</th>
                  <th scope="col">{t("directory.invite.col.role")}</th>
                  <th scope="col">{t("directory.invite.col.centre")}</th>
                  {seesAll ? <th scope="col">{t("directory.invite.col.inviter")}</th> : null}
                  <th scope="col">{t("directory.invite.col.sent")}</th>
                  <th scope="col">{t("directory.invite.col.status")}</th>
                  <th scope="col">{t("directory.invite.col.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {invitations.map((i) => (
                  <tr key={i.id}>
                    <th scope="row">{i.email}</th>
                    <td>{t(`role.${i.role}`)}</td>
                    <td>{i.centreName}</td>
                    {seesAll ? <td>{i.inviterName}</td> : null}
                    <td>{format.date(i.createdAt)}</td>
                    <td>
                      <span className="badge">{t(statusKeys[i.status])}</span>
                      {i.status === "pending" ? (
                        <>
                          <br />
                          <span className="muted">{t("directory.invite.expires", { date: format.date(i.expiresAt) })}</span>
                        </>
                      ) : null}
                    </td>
                    <td>
                      {i.status === "pending" ? (
                        <Form method="post">
                          <input type="hidden" name="id" value={i.id} />
                          <SubmitButton intent="revoke" className="button button-danger button-small" pendingLabel={t("directory.invite.revoke")}>
                            {t("directory.invite.revoke")}
                            <span className="sr-only"> {t("directory.invite.revokeFor", { email: i.email })}</span>
                          </SubmitButton>
                        </Form>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </Page>
  );
}
