import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { historyVersions } from "~/modules/discussions/diff";
import { idSchema } from "~/modules/discussions/schemas";
import { getTopic, listRevisions } from "~/modules/discussions/topics.server";
import { notFoundResponse, requireUser } from "~/modules/platform/context.server";
import { DomainError } from "~/modules/platform/errors";
import { useThreadUi } from "~/components/thread-ui";
import { permalink } from "~/components/post-tree";
import { RevisionHistory } from "~/components/revision-history";

export const meta: MetaFunction = () => [{ title: "Digital Compass" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const id = idSchema.safeParse(params.id ?? "");
  if (!id.success) throw notFoundResponse();
  const found = await listRevisions(context.services, user, id.data).catch((error: unknown) => {
    if (error instanceof DomainError && error.status === 404) return null;
    throw error;
  });
  if (!found) throw notFoundResponse();
  const topic = await getTopic(context.services.db, user, Number(found.post.topicId), context.services.config.publicUrl);
  if (!topic) throw notFoundResponse();
  const { post, items, currentEditor } = found;
  // Each stored revision is an earlier text whole, with who wrote it and when. The current text is the post itself.
  const versions = historyVersions(
    items.map((r) => ({ body: r.body, at: r.createdAt, by: r.editor })),
    { body: post.body, at: post.editedAt ?? post.createdAt, by: currentEditor },
  );
  return {
    topic: { id: topic.id, title: topic.title, language: topic.language },
    post: { id: post.id, author: post.author },
    versions,
  };
}

export default function PostHistory() {
  const { topic, post, versions } = useLoaderData<typeof loader>();
  const { t } = useThreadUi();
  return (
    <RevisionHistory
      topic={topic}
      intro={t("thread.history.intro", { name: post.author?.name ?? t("discussions.deletedUser"), count: versions.length })}
      never={t("thread.history.never")}
      back={{ href: permalink(topic.id, post.id), label: t("thread.history.back") }}
      versions={versions}
    />
  );
}
