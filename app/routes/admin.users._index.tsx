import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { listMembers } from "~/modules/accounts/users.server";
import { adminUsersPageQuerySchema, roleSchema } from "~/modules/accounts/schemas";
import { listCentres } from "~/modules/centres/centres.server";
import { badParamsResponse, paramFailure, readQuery, requirePermission, translatorFor } from "~/modules/platform/context.server";
import { paramIssue } from "~/modules/platform/params";
import { SelectField, TextField } from "~/components/forms";
import { Page } from "~/components/layout";
import { useT } from "~/i18n/react";

const pageSize = 50;

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(context, request, { action: "user:admin" });
  const query = readQuery(context, request, adminUsersPageQuerySchema);
  const centres = await listCentres(context.services.db);
  if (query.centre && !centres.some((c) => c.id === query.centre)) {
    throw badParamsResponse(request, [paramIssue(translatorFor(context), "centre", "param.expected.unknownCentre", { value: query.centre })]);
  }
  const page = await listMembers(context.services.db, { q: query.q, role: query.role, centreId: query.centre, after: query.after, limit: pageSize }).catch(
    paramFailure(context, request),
  );
  return {
    filter: { q: query.q ?? "", role: query.role ?? "", centre: query.centre ?? "" },
    paged: Boolean(query.after),
    items: page.items,
    nextCursor: page.nextCursor,
    roles: roleSchema.options,
    centres: centres.map((c) => ({ id: c.id, name: c.name })),
  };
}

export default function AdminUsers() {
  const { filter, paged, items, nextCursor, roles, centres } = useLoaderData<typeof loader>();
  const t = useT();
  const filtered = Boolean(filter.q || filter.role || filter.centre);
  const query = (extra: Record<string, string>) => {
    const params = new URLSearchParams();
    if (filter.q) params.set("q", filter.q);
    if (filter.role) params.set("role", filter.role);
    if (filter.centre) params.set("centre", filter.centre);
    for (const [k, v] of Object.entries(extra)) params.set(k, v);
    const s = params.toString();
    return s ? `?${s}` : "";
  };
  return (
    <Page
      title={t("admin.users.title")}
      intro={t("admin.users.intro")}
      actions={
        <div className="actions">
          <Link to="/admin/users/new" className="button">
            {t("admin.users.create")}
          </Link>
          <Link to="/invitations" className="button button-secondary">
            {t("admin.users.invite")}
          </Link>
        </div>
      }
    >
      <Form method="get" role="search" aria-label={t("admin.users.filterLabel")} className="card">
        <div className="grid">
          <TextField name="q" type="search" label={t("admin.users.q")} hint={t("admin.users.qHint")} defaultValue={filter.q} />
          <SelectField
            name="role"
            label={t("admin.users.role")}
            defaultValue={filter.role}
            options={[{ value: "", label: t("admin.users.allRoles") }, ...roles.map((r) => ({ value: r, label: t(`role.${r}` as const) }))]}
          />
          <SelectField
            name="centre"
            label={t("admin.users.centre")}
            defaultValue={filter.centre}
            options={[{ value: "", label: t("admin.users.allCentres") }, ...centres.map((c) => ({ value: c.id, label: c.name }))]}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t("admin.users.filter")}
          </button>
          {filtered ? <Link to="/admin/users">{t("admin.users.reset")}</Link> : null}
        </div>
      </Form>

      {items.length === 0 ? (
        <div className="empty">
          <p>{filtered ? t("admin.users.emptyFiltered") : t("admin.users.empty")}</p>
          {filtered ? (
            <p>
              <Link to="/admin/users">{t("admin.users.reset")}</Link>
            </p>
          ) : null}
        </div>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{t("admin.users.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.users.person")}</th>
                <th scope="col">{t("admin.users.roleAndCentre")}</th>
                <th scope="col">{t("admin.users.status")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    <Link to={`/admin/users/${m.id}`}>{m.name}</Link>
                    <br />
                    <span className="muted">{m.email}</span>
                  </th>
                  <td>
                    {t(`role.${m.role}` as const)}
                    <br />
                    <span className="muted">{m.centreName}</span>
                  </td>
                  <td>
                    <span className="badge">{m.deactivated ? t("admin.users.deactivated") : t("admin.users.active")}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {nextCursor || paged ? (
        <nav aria-label={t("admin.users.pagination")} className="actions">
          {paged ? <Link to={`/admin/users${query({})}`}>{t("admin.users.firstPage")}</Link> : null}
          {nextCursor ? (
            <Link to={`/admin/users${query({ after: nextCursor })}`} className="button button-secondary">
              {t("admin.users.nextPage")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </Page>
  );
}
