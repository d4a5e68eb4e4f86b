import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { historyVersions } from "~/modules/discussions/diff";
import { idSchema } from "~/modules/discussions/schemas";
import { listTopicRevisions } from "~/modules/discussions/topics.server";
import { notFoundResponse, requireUser } from "~/modules/platform/context.server";
import { DomainError } from "~/modules/platform/errors";
import { useThreadUi } from "~/components/thread-ui";
import { RevisionHistory } from "~/components/revision-history";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.topic.title} — Digital Compass` : "Digital Compass" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const id = idSchema.safeParse(params.id ?? "");
  if (!id.success) throw notFoundResponse();
  const found = await listTopicRevisions(context.services, user, id.data).catch((error: unknown) => {
    if (error instanceof DomainError && error.status === 404) return null;
    throw error;
  });
  if (!found) throw notFoundResponse();
  const { topic, author, items, currentEditor } = found;
  // Each stored revision is an earlier title and text whole; the current ones are the topic itself.
  const versions = historyVersions(
    items.map((r) => ({ title: r.title, body: r.body, at: r.createdAt, by: r.editor })),
    { title: topic.title, body: topic.body, at: (topic.editedAt ?? topic.createdAt).toISOString(), by: currentEditor },
  );
  return {
    topic: { id: topic.id, title: topic.title, language: topic.language },
    author,
    versions,
  };
}

export default function TopicHistory() {
  const { topic, author, versions } = useLoaderData<typeof loader>();
  const { t } = useThreadUi();
  return (
    <RevisionHistory
      topic={topic}
      intro={t("thread.history.topicIntro", { name: author?.name ?? t("discussions.deletedUser"), count: versions.length })}
      never={t("thread.history.topicNever")}
      back={{ href: `/discussions/t/${topic.id}`, label: t("thread.history.topicBack") }}
      versions={versions}
    />
  );
}
