import { sql } from "drizzle-orm";
import type { Database } from "../../../db/client";
import type { Logger } from "../platform/services";

/**
 * View counts and read markers, gathered in memory and written in one statement every few seconds, so that
 * reading a topic costs no write on the request path.
 */
export function createActivityRecorder(db: Database, log: Logger, intervalMs = 2000) {
  let views = new Map<number, number>();
  let reads = new Map<string, { userId: string; topicId: number; lastPostId: number }>();
  let flushing: Promise<void> = Promise.resolve();

  const flushNow = async () => {
    const v = views;
    const r = reads;
    views = new Map();
    reads = new Map();
    if (v.size) {
      const values = sql.join([...v].map(([id, n]) => sql`(${id}::bigint, ${n}::int)`), sql`, `);
      await db.execute(sql`update topics set view_count = view_count + d.n from (values ${values}) as d(id, n) where topics.id = d.id`);
    }
    if (r.size) {
      const values = sql.join([...r.values()].map((x) => sql`(${x.userId}, ${x.topicId}::bigint, ${x.lastPostId}::bigint, now())`), sql`, `);
      await db.execute(sql`insert into topic_reads (user_id, topic_id, last_read_post_id, last_visit_at) values ${values}
        on conflict (user_id, topic_id) do update set
          last_read_post_id = greatest(topic_reads.last_read_post_id, excluded.last_read_post_id), last_visit_at = now()`);
    }
  };

  const flush = () => {
    flushing = flushing.then(flushNow).catch((err: unknown) => log.warn({ err }, "could not record topic activity"));
    return flushing;
  };
  const timer = setInterval(() => void flush(), intervalMs);
  timer.unref();

  return {
    /** A person opened a topic page showing these replies. */
    recordVisit(userId: string, topicId: number, shown: { id: string }[]) {
      views.set(topicId, (views.get(topicId) ?? 0) + 1);
      const lastPostId = shown.reduce((max, p) => Math.max(max, Number(p.id)), 0);
      const key = `${userId}:${topicId}`;
      const current = reads.get(key);
      reads.set(key, { userId, topicId, lastPostId: Math.max(lastPostId, current?.lastPostId ?? 0) });
    },
    flush,
    async stop() {
      clearInterval(timer);
      await flush();
    },
  };
}

export type ActivityRecorder = ReturnType<typeof createActivityRecorder>;
