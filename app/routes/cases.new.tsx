import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { contentLanguages } from "../../db/schema/discussions";
import { CaseFormNotices, CaseFormFields } from "~/components/case-form";
import { emptyCaseForm } from "~/modules/cases/form-values";
import { FormKeyInput, SubmitButton } from "~/components/forms";
import { Page } from "~/components/layout";
import { groupTags } from "~/components/topic-fields";
import { useT } from "~/i18n/react";
import { can } from "~/modules/accounts/permissions";
import { answerCaseForm, type CaseFormResult } from "~/modules/cases/case-form.server";
import { createCase } from "~/modules/cases/cases.server";
import { newCaseSchema } from "~/modules/cases/schemas";
import { listTags } from "~/modules/discussions/taxonomy.server";
import { requireUser } from "~/modules/platform/context.server";
import { newFormKey } from "~/modules/platform/form-submissions.server";

export const meta: MetaFunction = () => [{ title: "Cases — Digital Compass" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  if (!can(user, { action: "topic:create" })) throw new Response("Forbidden", { status: 403 });
  const tags = await listTags(context.services.db, context.locale);
  return { tagGroups: groupTags(tags), languages: [...contentLanguages] as string[], defaultLanguage: context.locale as string, formKey: newFormKey() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  if (!can(user, { action: "topic:create" })) throw new Response("Forbidden", { status: 403 });
  return answerCaseForm(context, request, newCaseSchema, async (input, { formKey }) => {
    // One case per rendered form, however often it is posted.
    const created = await createCase(context.services, user, input, { formKey });
    return created.case.status === "published" ? `/cases/${created.case.id}` : `/cases/${created.case.id}?sent=1`;
  });
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
        <FormKeyInput value={result?.formKey ?? page.formKey} />
        <CaseFormFields
          values={values}
          errors={result?.errors}
          warnings={result?.warnings}
          findings={Boolean(result?.findings)}
          tagGroups={page.tagGroups}
          languages={page.languages}
          draftPrefix="dc-draft:case:new"
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
