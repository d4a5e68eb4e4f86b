import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { contentLanguages } from "../../db/schema/discussions";
import {
  CaseFormNotices,
  CaseFormFields,
  caseInputOf,
  emptyCaseForm,
  findingErrors,
  mergeErrors,
  readCaseForm,
  scannedFieldsOf,
  shownWarnings,
  type CaseFormValues,
  type ShownFinding,
} from "~/components/case-form";
import { SubmitButton } from "~/components/forms";
import { Page } from "~/components/layout";
import { groupTags } from "~/components/topic-fields";
import { useT } from "~/i18n/react";
import { can } from "~/modules/accounts/permissions";
import { CaseFindingsError, createCase } from "~/modules/cases/cases.server";
import { scanCase } from "~/modules/cases/personal-data";
import { newCaseSchema } from "~/modules/cases/schemas";
import { listTags } from "~/modules/discussions/taxonomy.server";
import { formFailure } from "~/modules/platform/form-errors.server";
import { requireUser, translatorFor } from "~/modules/platform/context.server";
import { parseWith, type FieldErrors } from "~/modules/platform/validation";

export const meta: MetaFunction = () => [{ title: "Cases — Digital Compass" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  if (!can(user, { action: "topic:create" })) throw new Response("Forbidden", { status: 403 });
  const tags = await listTags(context.services.db, context.locale);
  return { tagGroups: groupTags(tags), languages: [...contentLanguages] as string[], defaultLanguage: context.locale as string };
}

export type CaseFormResult = {
  values: CaseFormValues;
  errors?: FieldErrors;
  formError?: string;
  warnings?: ShownFinding[];
  /** The text looks like it holds personal data: the form offers to send it for a lead's review. */
  findings?: boolean;
  /** The answer to "check the text" (nothing saved). */
  checked?: "clean" | "findings";
};

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  if (!can(user, { action: "topic:create" })) throw new Response("Forbidden", { status: 403 });
  const t = translatorFor(context);
  const form = await request.formData();
  const values = readCaseForm(form);
  const scan = scanCase(scannedFieldsOf(values));
  const warnings = shownWarnings(t, scan.warnings);

  // "Check the text": the scan's findings next to the fields, nothing stored.
  if (form.get("intent") === "check") {
    return data<CaseFormResult>({
      values,
      errors: findingErrors(t, scan.findings),
      warnings,
      findings: scan.findings.length > 0,
      checked: scan.findings.length ? "findings" : "clean",
    });
  }

  const parsed = parseWith(newCaseSchema, caseInputOf(values), t);
  if (!parsed.ok) {
    return data<CaseFormResult>(
      { values, errors: mergeErrors(parsed.errors, values.acknowledgeWarnings ? undefined : findingErrors(t, scan.findings)), warnings, findings: scan.findings.length > 0 },
      { status: 422 },
    );
  }
  try {
    const created = await createCase(context.services, user, parsed.data);
    return redirect(created.case.status === "published" ? `/cases/${created.case.id}` : `/cases/${created.case.id}?sent=1`);
  } catch (error) {
    if (error instanceof CaseFindingsError) {
      return data<CaseFormResult>(
        { values, errors: findingErrors(t, error.findings), warnings: shownWarnings(t, error.warnings), findings: true, formError: t("cases.form.findingsTitle") },
        { status: 422 },
      );
    }
    return formFailure<CaseFormResult>(error, t, values);
  }
}

export default function NewCase() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as CaseFormResult | undefined;
  const values = result?.values ?? emptyCaseForm(page.defaultLanguage);
  return (
    <Page title={t("cases.new.title")} intro={t("cases.new.intro")}>
      <CaseFormNotices result={result} />
      <Form method="post" noValidate className="case-form">
        <CaseFormFields
          values={values}
          errors={result?.errors}
          warnings={result?.warnings}
          findings={Boolean(result?.findings)}
          tagGroups={page.tagGroups}
          languages={page.languages}
          draftPrefix="dc:draft:case:new"
        />
        <p className="hint">{t("cases.form.checkHint")}</p>
        <div className="actions case-form-actions">
          <SubmitButton pendingLabel={t("cases.new.submitting")} intent="publish">
            {t("cases.new.submit")}
          </SubmitButton>
          <SubmitButton className="button button-secondary" intent="check">
            {t("cases.form.check")}
          </SubmitButton>
          <Link to="/cases">{t("form.cancel")}</Link>
        </div>
      </Form>
    </Page>
  );
}
