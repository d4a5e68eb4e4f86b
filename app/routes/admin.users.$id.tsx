import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { can } from "~/modules/accounts/permissions";
import { adminUpdateMember, getMember } from "~/modules/accounts/users.server";
import { roleSchema, userAdminPatchSchema } from "~/modules/accounts/schemas";
import { listCentres } from "~/modules/centres/centres.server";
import { notFoundResponse, pathText, requirePermission, translatorFor } from "~/modules/platform/context.server";
import { DomainError } from "~/modules/platform/errors";
import { parseWith, translateFieldErrors, type FieldErrors } from "~/modules/platform/validation";
import { ErrorSummary, SelectField, SubmitButton } from "~/components/forms";
import { Page } from "~/components/layout";
import { languageName } from "~/i18n";
import { useFormatDate, useLocale, useT } from "~/i18n/react";

type ActionResult = { errors?: FieldErrors; formError?: string; values?: { role: string; centreId: string } };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requirePermission(context, request, { action: "user:admin" });
  const db = context.services.db;
  const member = await getMember(db, pathText(params.id));
  if (!member) throw notFoundResponse();
  const centres = await listCentres(db);
  return {
    member,
    deactivated: member.deactivated,
    createdAt: member.createdAt,
    centreName: centres.find((c) => c.id === member.centreId)?.name ?? member.centreId,
    canUpdate: can(user, { action: "user:update", userId: member.id }),
    roles: roleSchema.options,
    centres: centres.map((c) => ({ id: c.id, name: c.name })),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = requirePermission(context, request, { action: "user:admin" });
  const t = translatorFor(context);
  const id = pathText(params.id);
  const form = await request.formData();
  const intent = form.get("intent");
  const values = { role: String(form.get("role") ?? ""), centreId: String(form.get("centreId") ?? "") };
  let patch: { role?: "trainer" | "host" | "lead" | "admin"; centreId?: string; deactivated?: boolean };
  let done: string;
  if (intent === "update") {
    const parsed = parseWith(userAdminPatchSchema, values, t);
    if (!parsed.ok) return data<ActionResult>({ errors: parsed.errors, values }, { status: 422 });
    patch = { role: parsed.data.role, centreId: parsed.data.centreId };
    done = "saved";
  } else if (intent === "deactivate" || intent === "reactivate") {
    patch = { deactivated: intent === "deactivate" };
    done = intent === "deactivate" ? "deactivated" : "reactivated";
  } else {
    return data<ActionResult>({ formError: t("validation.invalidChoice") }, { status: 400 });
  }
  try {
    await adminUpdateMember(context.services, user, id, patch);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.status === 404) throw notFoundResponse();
    return data<ActionResult>(
      {
        errors: translateFieldErrors(error.options.fieldErrors, t),
        formError: t(error.messageKey, error.options.params),
        values: intent === "update" ? values : undefined,
      },
      { status: error.status },
    );
  }
  return redirect(`/admin/users/${encodeURIComponent(id)}?${done}=1`);
}

export default function AdminUser() {
  const { member, deactivated, createdAt, centreName, canUpdate, roles, centres } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const format = useFormatDate();
  const notice = result
    ? null
    : params.get("created")
      ? t("admin.user.created")
      : params.get("saved")
        ? t("admin.user.saved")
        : params.get("deactivated")
          ? t("admin.user.deactivatedDone")
          : params.get("reactivated")
            ? t("admin.user.reactivatedDone")
            : null;
  return (
    <Page
      title={member.name}
      intro={member.email}
      actions={
        <Link to="/admin/users" className="button button-secondary">
          {t("admin.user.back")}
        </Link>
      }
    >
      {notice ? (
        <div className="alert alert-ok" role="status">
          {notice}
        </div>
      ) : null}
      <ErrorSummary errors={result?.errors} formError={result?.formError} />

      <div className="card">
        <h2>{t("admin.user.facts")}</h2>
        <dl className="facts">
          <dt>{t("admin.users.status")}</dt>
          <dd>
            <span className="badge">{deactivated ? t("admin.users.deactivated") : t("admin.users.active")}</span>
          </dd>
          <dt>{t("admin.users.handle")}</dt>
          <dd>{deactivated ? `@${member.handle}` : <Link to={`/people/${member.handle}`}>@{member.handle}</Link>}</dd>
          <dt>{t("admin.users.email")}</dt>
          <dd>{member.email}</dd>
          <dt>{t("admin.users.role")}</dt>
          <dd>{t(`role.${member.role}` as const)}</dd>
          <dt>{t("admin.users.centre")}</dt>
          <dd>
            <Link to={`/centres/${member.centreId}`}>{centreName}</Link>
          </dd>
          <dt>{t("admin.user.languages")}</dt>
          <dd>
            {member.languages.length
              ? member.languages.map((l) => `${languageName(l.code, locale)} (${t(`settings.level.${l.level}` as const)})`).join(", ")
              : t("admin.user.none")}
          </dd>
          <dt>{t("admin.user.mobility")}</dt>
          <dd>{member.openToMobility ? t("profile.mobility.yes") : t("profile.mobility.no")}</dd>
          {createdAt ? (
            <>
              <dt>{t("profile.memberSince")}</dt>
              <dd>{format.date(createdAt)}</dd>
            </>
          ) : null}
        </dl>
      </div>

      {canUpdate ? (
        <>
          <div className="card">
            <h2>{t("admin.user.changeTitle")}</h2>
            <Form method="post" noValidate key={result?.values ? "edited" : `${member.role}-${member.centreId}`}>
              <SelectField
                name="role"
                label={t("admin.users.role")}
                defaultValue={result?.values?.role ?? member.role}
                options={roles.map((r) => ({ value: r, label: t(`role.${r}` as const) }))}
                errors={result?.errors?.role}
              />
              <SelectField
                name="centreId"
                label={t("admin.users.centre")}
                defaultValue={result?.values?.centreId ?? member.centreId}
                options={centres.map((c) => ({ value: c.id, label: c.name }))}
                errors={result?.errors?.centreId}
              />
              <div className="actions">
                <SubmitButton intent="update">{t("admin.user.saveChange")}</SubmitButton>
              </div>
            </Form>
          </div>
          <div className="card">
            <h2>{deactivated ? t("admin.user.reactivateTitle") : t("admin.user.deactivateTitle")}</h2>
            <p>{deactivated ? t("admin.user.reactivateBody") : t("admin.user.deactivateBody")}</p>
            <Form method="post">
              {deactivated ? (
                <SubmitButton intent="reactivate" className="button button-secondary">
                  {t("admin.user.reactivate")}
                </SubmitButton>
              ) : (
                <SubmitButton intent="deactivate" className="button button-danger">
                  {t("admin.user.deactivate")}
                </SubmitButton>
              )}
            </Form>
          </div>
        </>
      ) : (
        <div className="alert alert-info">
          <p>{t("user.cannotDemoteSelf")}</p>
          <p>
            <Link to="/settings">{t("admin.user.ownSettings")}</Link>
          </p>
        </div>
      )}
    </Page>
  );
}
