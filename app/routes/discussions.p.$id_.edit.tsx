import { formFailure } from "~/modules/platform/form-errors.server";
import { data, redirect, type ActionFunctionArgs, type AppLoadContext, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, SubmitButton } from "~/components/forms";
import { Page } from "~/components/layout";
import { MarkdownEditor } from "~/components/markdown-editor";
import { SessionExpiredNotice } from "~/components/topic-fields";
import { useT } from "~/i18n/react";
import type { AuthUser } from "~/modules/accounts/auth.server";
import { can } from "~/modules/accounts/permissions";
import { isSignedOutSubmission, markSignedOutSubmission, readPostForm } from "~/modules/discussions/compose.server";
import { idSchema, postPatchSchema } from "~/modules/discussions/schemas";
import { editPost, getPost, getTopic, postPath, topicPath } from "~/modules/discussions/topics.server";
import { notFoundResponse, requireUser, translatorFor } from "~/modules/platform/context.server";
import { parseWith, type FieldErrors } from "~/modules/platform/validation";

export const meta: MetaFunction = () => [{ title: "Digital Compass" }];

function postIdOf(raw: string | undefined): number {
  const parsed = idSchema.safeParse(raw);
  if (!parsed.success) throw notFoundResponse();
  return parsed.data;
}

/** The reply, if the viewer may see it (else 404: deleted, or hidden from them) and edit it (else 403). */
async function editablePost(context: AppLoadContext, user: AuthUser, postId: number) {
  const post = await getPost(context.services, user, postId);
  if (!post || post.deleted || !post.author) throw notFoundResponse();
  if (!can(user, { action: "post:edit", authorId: post.author.id })) throw new Response("Forbidden", { status: 403 });
  return post;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const postId = postIdOf(params.id);
  if (!context.auth.user && isSignedOutSubmission(context)) {
    return { signedOut: true, post: { id: String(postId), body: "", url: "" }, topic: null };
  }
  const user = requireUser(context, request);
  const post = await editablePost(context, user, postId);
  const topic = await getTopic(context.services.db, user, Number(post.topicId), context.services.config.publicUrl);
  if (!topic) throw notFoundResponse();
  return {
    signedOut: false,
    post: { id: post.id, body: post.body, url: postPath(post.topicId, post.id) },
    topic: { id: topic.id, title: topic.title, url: topicPath(topic.id) },
  };
}

type ActionResult = { errors?: FieldErrors; formError?: string; sessionExpired?: boolean; values: { body: string } };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const t = translatorFor(context);
  const postId = postIdOf(params.id);
  const values = readPostForm(await request.formData());
  const user = context.auth.user;
  if (!user) {
    markSignedOutSubmission(context);
    return data<ActionResult>({ sessionExpired: true, values }, { status: 401 });
  }
  const post = await editablePost(context, user, postId);
  const parsed = parseWith(postPatchSchema, values, t);
  if (!parsed.ok) return data<ActionResult>({ errors: parsed.errors, values }, { status: 422 });
  try {
    await editPost(context.services, user, postId, parsed.data.body);
    return redirect(postPath(post.topicId, post.id));
  } catch (error) {
    return formFailure<ActionResult>(error, t, values);
  }
}

export default function EditReply() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  return (
    <Page
      title={t("composer.editPost.title")}
      intro={page.topic ? <>{t("composer.editPost.inTopic")} <Link to={page.topic.url}>{page.topic.title}</Link></> : undefined}
    >
      {result?.sessionExpired ? <SessionExpiredNotice /> : null}
      <ErrorSummary errors={result?.errors} formError={result?.formError} />
      <Form method="post" noValidate className="card composer-form">
        <MarkdownEditor
          name="body"
          label={t("composer.editPost.body")}
          defaultValue={result?.values.body ?? page.post.body}
          errors={result?.errors?.body}
          draftKey={`dc-draft:post:${page.post.id}:edit`}
          rows={10}
          required
        />
        <p className="hint">{t("composer.edit.historyNote")}</p>
        <div className="actions">
          <SubmitButton>{t("composer.edit.submit")}</SubmitButton>
          {page.post.url ? <Link to={page.post.url}>{t("form.cancel")}</Link> : null}
        </div>
      </Form>
    </Page>
  );
}
