import { formFailure } from "~/modules/platform/form-errors.server";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, SubmitButton, TextField } from "~/components/forms";
import { Page } from "~/components/layout";
import { MarkdownEditor } from "~/components/markdown-editor";
import { CategorySelect, errorsOf, groupTags, HiddenValues, SessionExpiredNotice, TagPicker } from "~/components/topic-fields";
import { useT } from "~/i18n/react";
import type { AuthUser } from "~/modules/accounts/auth.server";
import { can } from "~/modules/accounts/permissions";
import { isSignedOutSubmission, markSignedOutSubmission, readTopicForm, type TopicFormValues } from "~/modules/discussions/compose.server";
import { idSchema, topicPatchSchema } from "~/modules/discussions/schemas";
import { listCategories, listTags } from "~/modules/discussions/taxonomy.server";
import { editTopic, getTopic, topicPath } from "~/modules/discussions/topics.server";
import { notFoundResponse, requireUser, translatorFor } from "~/modules/platform/context.server";
import { parseWith, type FieldErrors } from "~/modules/platform/validation";
import type { AppLoadContext } from "@remix-run/node";

export const meta: MetaFunction = () => [{ title: "Digital Compass" }];

const topicEditSchema = topicPatchSchema.required();

function topicIdOf(raw: string | undefined): number {
  const parsed = idSchema.safeParse(raw);
  if (!parsed.success) throw notFoundResponse();
  return parsed.data;
}

/** The topic, if the viewer may see it (else 404) and edit it (else 403). */
async function editableTopic(context: AppLoadContext, user: AuthUser, topicId: number) {
  const topic = await getTopic(context.services.db, user, topicId, context.services.config.publicUrl);
  if (!topic) throw notFoundResponse();
  if (!topic.author || !can(user, { action: "post:edit", authorId: topic.author.id })) throw new Response("Forbidden", { status: 403 });
  return topic;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const topicId = topicIdOf(params.id);
  if (!context.auth.user && isSignedOutSubmission(context)) {
    return { signedOut: true, topic: { id: String(topicId), title: "", body: "", categoryId: "", tags: [] as string[], url: topicPath(topicId) }, categories: [], tagGroups: [] };
  }
  const user = requireUser(context, request);
  const topic = await editableTopic(context, user, topicId);
  const { db } = context.services;
  const [categories, tags] = await Promise.all([listCategories(db, context.locale), listTags(db, context.locale)]);
  return {
    signedOut: false,
    topic: { id: topic.id, title: topic.title, body: topic.body, categoryId: topic.categoryId, tags: topic.tags, url: topicPath(topic.id) },
    categories: categories.map(({ id, name }) => ({ id, name })),
    tagGroups: groupTags(tags),
  };
}

type ActionResult = { errors?: FieldErrors; formError?: string; sessionExpired?: boolean; values: TopicFormValues };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const t = translatorFor(context);
  const topicId = topicIdOf(params.id);
  const values = readTopicForm(await request.formData());
  const user = context.auth.user;
  if (!user) {
    markSignedOutSubmission(context);
    return data<ActionResult>({ sessionExpired: true, values }, { status: 401 });
  }
  await editableTopic(context, user, topicId);
  const { categoryId, title, body, tags } = values;
  const parsed = parseWith(topicEditSchema, { categoryId, title, body, tags }, t);
  if (!parsed.ok) return data<ActionResult>({ errors: parsed.errors, values }, { status: 422 });
  try {
    await editTopic(context.services, user, topicId, parsed.data);
    return redirect(topicPath(topicId));
  } catch (error) {
    return formFailure<ActionResult>(error, t, values);
  }
}

export default function EditTopic() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const values = result?.values;
  const errors = result?.errors;
  const topic = page.topic;
  return (
    <Page title={t("composer.editTopic.title")} intro={t("composer.editTopic.intro")}>
      {result?.sessionExpired ? <SessionExpiredNotice /> : null}
      <ErrorSummary errors={errors} formError={result?.formError} />
      <Form method="post" noValidate className="card composer-form">
        {page.signedOut ? (
          <HiddenValues
            values={[{ name: "categoryId", value: values?.categoryId ?? "" }, ...(values?.tags ?? []).map((tag) => ({ name: "tags", value: tag }))]}
          />
        ) : (
          <CategorySelect categories={page.categories} defaultValue={values?.categoryId ?? topic.categoryId} errors={errorsOf(errors, "categoryId")} />
        )}
        <TextField
          name="title"
          label={t("composer.field.title")}
          required
          maxLength={200}
          autoComplete="off"
          defaultValue={values?.title ?? topic.title}
          errors={errors?.title}
        />
        <MarkdownEditor
          name="body"
          label={t("composer.field.body")}
          defaultValue={values?.body ?? topic.body}
          errors={errors?.body}
          draftKey={`dc-draft:topic:${topic.id}:edit`}
          rows={14}
          required
        />
        {page.signedOut ? null : <TagPicker groups={page.tagGroups} selected={values?.tags ?? topic.tags} errors={errorsOf(errors, "tags")} />}
        <p className="hint">{t("composer.edit.historyNote")}</p>
        <div className="actions">
          <SubmitButton>{t("composer.edit.submit")}</SubmitButton>
          <Link to={topic.url}>{t("form.cancel")}</Link>
        </div>
      </Form>
    </Page>
  );
}
