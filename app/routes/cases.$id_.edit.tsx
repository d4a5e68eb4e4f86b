import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { contentLanguages } from "../../db/schema/discussions";
import { CaseFormNotices, CaseFormFields } from "~/components/case-form";
import type { CaseFormValues } from "~/modules/cases/form-values";
import { SubmitButton } from "~/components/forms";
import { Page } from "~/components/layout";
import { groupTags } from "~/components/topic-fields";
import { useT } from "~/i18n/react";
import { getCase, updateCase, type CaseView } from "~/modules/cases/cases.server";
import { casePatchSchema } from "~/modules/cases/schemas";
import { idSchema } from "~/modules/discussions/schemas";
import { listTags } from "~/modules/discussions/taxonomy.server";
import { notFoundResponse, requireUser } from "~/modules/platform/context.server";
import { DomainError } from "~/modules/platform/errors";
import { answerCaseForm, type CaseFormResult } from "~/modules/cases/case-form.server";

export const meta: MetaFunction = () => [{ title: "Cases — Digital Compass" }];

const caseIdOf = (raw: string | undefined) => {
  const parsed = idSchema.safeParse(raw ?? "");
  if (!parsed.success) throw notFoundResponse();
  return parsed.data;
};

/** The case's author only; anyone else who may read it gets a 403, anyone who may not a 404. */
async function editableCase(context: LoaderFunctionArgs["context"], request: Request, rawId: string | undefined) {
  const user = requireUser(context, request);
  const caseId = caseIdOf(rawId);
  const kase = await getCase(context.services, user, caseId).catch((error: unknown) => {
    if (error instanceof DomainError && error.status === 404) throw notFoundResponse();
    throw error;
  });
  if (!kase.can.edit) throw new Response("Forbidden", { status: 403 });
  return { user, caseId, kase };
}

const valuesOf = (c: CaseView): CaseFormValues => ({
  title: c.title,
  context: {
    programme: c.context.programme ?? "",
    week: c.context.week === undefined || c.context.week === null ? "" : String(c.context.week),
    groupSize: c.context.groupSize === undefined || c.context.groupSize === null ? "" : String(c.context.groupSize),
    learnerProfile: c.context.learnerProfile ?? "",
    notes: c.context.notes ?? "",
  },
  situation: c.situation,
  actionsTaken: c.actionsTaken,
  outcome: c.outcome,
  lessons: c.lessons,
  questions: c.questions,
  tags: c.tags,
  language: c.language,
  anonymous: c.anonymous,
  // The author confirms again on every edit.
  noIdentifiablePeople: false,
  acknowledgeWarnings: false,
});

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { kase } = await editableCase(context, request, params.id);
  const tags = await listTags(context.services.db, context.locale);
  return {
    id: kase.id,
    title: kase.title,
    status: kase.status,
    reviewComment: kase.reviewComment ?? null,
    values: valuesOf(kase),
    tagGroups: groupTags(tags),
    languages: [...contentLanguages] as string[],
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, caseId } = await editableCase(context, request, params.id);
  return answerCaseForm(context, request, casePatchSchema, async (input) => {
    const updated = await updateCase(context.services, user, caseId, input);
    return updated.case.status === "in-review" ? `/cases/${caseId}?sent=1` : `/cases/${caseId}`;
  });
}

export default function EditCase() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as CaseFormResult | undefined;
  const values = result?.values ?? page.values;
  return (
    <>
      <nav className="breadcrumb" aria-label={t("cases.page.breadcrumb")}>
        <ol>
          <li>
            <Link to="/cases">{t("cases.list.title")}</Link>
          </li>
          <li>
            <Link to={`/cases/${page.id}`}>{page.title}</Link>
          </li>
        </ol>
      </nav>
      <Page title={t("cases.edit.title")} intro={t("cases.edit.intro")}>
        {page.reviewComment && page.status !== "published" ? (
          <section className="card case-review-comment" aria-labelledby="review-comment-title">
            <h2 id="review-comment-title">{t("cases.edit.reviewComment")}</h2>
            <blockquote>{page.reviewComment}</blockquote>
          </section>
        ) : null}
        <CaseFormNotices result={result} />
        <Form method="post" noValidate className="case-form">
          <CaseFormFields
            values={values}
            errors={result?.errors}
            warnings={result?.warnings}
            findings={Boolean(result?.findings)}
            tagGroups={page.tagGroups}
            languages={page.languages}
            draftPrefix={`dc-draft:case:${page.id}`}
          />
          <p className="hint">{t("cases.form.checkHint")}</p>
          <div className="actions case-form-actions">
            <SubmitButton intent="save">{t("cases.edit.submit")}</SubmitButton>
            <SubmitButton className="button button-secondary" intent="check">
              {t("cases.form.check")}
            </SubmitButton>
            <Link to={`/cases/${page.id}`}>{t("form.cancel")}</Link>
          </div>
        </Form>
      </Page>
    </>
  );
}
