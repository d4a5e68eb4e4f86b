import { formFailure } from "~/modules/platform/form-errors.server";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { contentLanguages } from "../../db/schema/discussions";
import { ErrorSummary, FormKeyInput, SelectField, SubmitButton, TextField } from "~/components/forms";
import { Page } from "~/components/layout";
import { MarkdownEditor } from "~/components/markdown-editor";
import { CategorySelect, errorsOf, groupTags, HiddenValues, SessionExpiredNotice, TagPicker } from "~/components/topic-fields";
import { languageName } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";
import { can } from "~/modules/accounts/permissions";
import { isSignedOutSubmission, markSignedOutSubmission, readTopicForm, type TopicFormValues } from "~/modules/discussions/compose.server";
import { newTopicPageQuerySchema, newTopicSchema } from "~/modules/discussions/schemas";
import { listCategories, listTags } from "~/modules/discussions/taxonomy.server";
import { createTopic, topicPath } from "~/modules/discussions/topics.server";
import { badParamsResponse, readQuery, requireUser, translatorFor } from "~/modules/platform/context.server";
import { formKeyOf } from "~/modules/platform/form-keys";
import { newFormKey } from "~/modules/platform/form-submissions.server";
import { paramIssue } from "~/modules/platform/params";
import { parseWith, type FieldErrors } from "~/modules/platform/validation";

export const meta: MetaFunction = () => [{ title: "Digital Compass" }];

const draftKey = "dc-draft:topic:new";

export async function loader({ request, context }: LoaderFunctionArgs) {
  // A browser without JavaScript whose session expired gets its form back, with nothing but what it sent.
  if (!context.auth.user && request.method === "GET" && isSignedOutSubmission(context)) {
    return { signedOut: true, categories: [], tagGroups: [], languages: [] as string[], defaultLanguage: context.locale as string, defaultCategory: "", formKey: newFormKey() };
  }
  const user = requireUser(context, request);
  if (!can(user, { action: "topic:create" })) throw new Response("Forbidden", { status: 403 });
  const { db } = context.services;
  const { category: wanted } = readQuery(context, request, newTopicPageQuerySchema);
  const [categories, tags] = await Promise.all([listCategories(db, context.locale), listTags(db, context.locale)]);
  if (wanted && !categories.some((c) => c.id === wanted)) {
    throw badParamsResponse(request, [paramIssue(translatorFor(context), "category", "param.expected.unknownCategory", { value: wanted })]);
  }
  return {
    signedOut: false,
    categories: categories.map(({ id, name }) => ({ id, name })),
    tagGroups: groupTags(tags),
    languages: [...contentLanguages] as string[],
    defaultLanguage: context.locale as string,
    defaultCategory: wanted ?? "",
    // One topic per rendered form, however often it is posted.
    formKey: newFormKey(),
  };
}

type ActionResult = { errors?: FieldErrors; formError?: string; sessionExpired?: boolean; values: TopicFormValues; formKey?: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const t = translatorFor(context);
  const form = await request.formData();
  const values = readTopicForm(form);
  const user = context.auth.user;
  if (!user) {
    markSignedOutSubmission(context);
    return data<ActionResult>({ sessionExpired: true, values }, { status: 401 });
  }
  if (!can(user, { action: "topic:create" })) throw new Response("Forbidden", { status: 403 });
  const parsed = parseWith(newTopicSchema, values, t);
  if (!parsed.ok) return data<ActionResult>({ errors: parsed.errors, values }, { status: 422 });
  try {
    const topic = await createTopic(context.services, user, parsed.data, { formKey: formKeyOf(form) });
    return redirect(topicPath(topic.id));
  } catch (error) {
    return formFailure<ActionResult>(error, t, values, { keyed: true });
  }
}

export default function NewTopic() {
  const t = useT();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const values = result?.values;
  const errors = result?.errors;
  const reduced = page.signedOut;
  return (
    <Page title={t("composer.new.title")} intro={t("composer.new.intro")}>
      {result?.sessionExpired ? <SessionExpiredNotice /> : null}
      <ErrorSummary errors={errors} formError={result?.formError} />
      <Form method="post" noValidate className="card composer-form">
        <FormKeyInput value={result?.formKey ?? page.formKey} />
        {reduced ? (
          <HiddenValues
            values={[
              { name: "categoryId", value: values?.categoryId ?? "" },
              { name: "language", value: values?.language ?? "" },
              ...(values?.tags ?? []).map((tag) => ({ name: "tags", value: tag })),
            ]}
          />
        ) : (
          <CategorySelect categories={page.categories} defaultValue={values?.categoryId ?? page.defaultCategory} errors={errorsOf(errors, "categoryId")} />
        )}
        <TextField
          name="title"
          label={t("composer.field.title")}
          hint={t("composer.field.titleHint")}
          required
          maxLength={200}
          autoComplete="off"
          defaultValue={values?.title}
          errors={errors?.title}
        />
        <MarkdownEditor
          name="body"
          label={t("composer.field.body")}
          hint={t("composer.field.bodyHint")}
          defaultValue={values?.body}
          errors={errors?.body}
          draftKey={draftKey}
          rows={12}
          required
        />
        {reduced ? null : (
          <>
            <TagPicker groups={page.tagGroups} selected={values?.tags ?? []} errors={errorsOf(errors, "tags")} />
            <SelectField
              name="language"
              label={t("composer.field.language")}
              hint={t("composer.field.languageHint")}
              defaultValue={values?.language || page.defaultLanguage}
              errors={errors?.language}
              options={page.languages.map((code) => ({ value: code, label: languageName(code, locale) }))}
            />
          </>
        )}
        <div className="actions">
          <SubmitButton pendingLabel={t("composer.new.submitting")}>{t("composer.new.submit")}</SubmitButton>
          <Link to="/discussions">{t("form.cancel")}</Link>
        </div>
      </Form>
    </Page>
  );
}
