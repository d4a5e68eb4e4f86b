import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { sql } from "../db.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.topic.title} — Reference` : "Reference" }];

type TopicRow = { id: string; title: string; body_html: string; author_id: string; category_id: string; created_at: Date; reply_count: number };
type PostRow = { id: string; parent_id: string | null; author_id: string; body_html: string; created_at: Date; helpful_count: number; same_here_count: number; thanks_count: number };

/** A 20-post topic from five queries: topic, category, tags, posts, authors. */
export async function loader({ params }: LoaderFunctionArgs) {
  const id = Number(params.id);
  if (!Number.isSafeInteger(id)) throw new Response("Not found", { status: 404 });
  const [topic] = await sql<TopicRow[]>`select id::text, title, body_html, author_id, category_id, created_at, reply_count from topics where id = ${id}`;
  if (!topic) throw new Response("Not found", { status: 404 });
  const [[category], tags, posts] = await Promise.all([
    sql<{ name_en: string }[]>`select name_en from categories where id = ${topic.category_id}`,
    sql<{ slug: string; label: string }[]>`select t.slug, t.labels->>'en' as label from topic_tags tt join tags t on t.slug = tt.tag_slug where tt.topic_id = ${id}`,
    sql<PostRow[]>`select id::text, parent_id::text, author_id, body_html, created_at, helpful_count, same_here_count, thanks_count
      from posts where topic_id = ${id} and visibility = 'visible' order by id limit 20`,
  ]);
  const authorIds = [...new Set([topic.author_id, ...posts.map((p) => p.author_id)])];
  const authors = await sql<{ id: string; name: string; handle: string }[]>`select id, name, handle from users where id = any(${authorIds})`;
  const byId = new Map(authors.map((a) => [a.id, a]));
  return {
    topic: { id: topic.id, title: topic.title, bodyHtml: topic.body_html, author: byId.get(topic.author_id) ?? null, createdAt: topic.created_at.toISOString(), replyCount: topic.reply_count },
    category: category?.name_en ?? "",
    tags,
    posts: posts.map((p) => ({
      id: p.id,
      parentId: p.parent_id,
      author: byId.get(p.author_id) ?? null,
      bodyHtml: p.body_html,
      createdAt: p.created_at.toISOString(),
      reactions: { helpful: p.helpful_count, sameHere: p.same_here_count, thanks: p.thanks_count },
    })),
  };
}

const when = (iso: string) => new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default function TopicPage() {
  const { topic, category, tags, posts } = useLoaderData<typeof loader>();
  return (
    <article>
      <p>
        <Link to="/">Discussions</Link> › {category}
      </p>
      <h1>{topic.title}</h1>
      <p className="post-meta">
        {topic.author?.name} · <time dateTime={topic.createdAt}>{when(topic.createdAt)}</time>
      </p>
      <div dangerouslySetInnerHTML={{ __html: topic.bodyHtml }} />
      <ul className="tags">
        {tags.map((t) => (
          <li key={t.slug}>
            <Link to={`/?tag=${t.slug}`}>{t.label}</Link>
          </li>
        ))}
      </ul>
      <h2>{topic.replyCount} replies</h2>
      {posts.map((p) => (
        <section key={p.id} className="post" id={`post-${p.id}`}>
          <p className="post-meta">
            <Link to={`/u/${p.author?.handle}`}>{p.author?.name}</Link> · <time dateTime={p.createdAt}>{when(p.createdAt)}</time>
          </p>
          <div dangerouslySetInnerHTML={{ __html: p.bodyHtml }} />
          <p className="post-meta">
            Helpful {p.reactions.helpful} · Same here {p.reactions.sameHere} · Thanks {p.reactions.thanks}
          </p>
        </section>
      ))}
      <form method="post">
        <label htmlFor="reply">Your reply</label>
        <textarea id="reply" name="body" rows={6} />
        <button type="submit">Reply</button>
      </form>
    </article>
  );
}
