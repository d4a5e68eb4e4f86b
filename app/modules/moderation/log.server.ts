import { desc, eq, lt, sql } from "drizzle-orm";
import type { Database, Queryable } from "../../../db/client";
import { moderationActions, users } from "../../../db/schema";

export type ModerationRecord = {
  actorId: string;
  targetType: string;
  targetId: string;
  action: string;
  reason: string;
  until?: Date | null;
};

/** Every moderation act is one row of the log, written in the same transaction as the act. */
export async function recordModerationAction(db: Queryable, record: ModerationRecord) {
  const [row] = await db
    .insert(moderationActions)
    .values({ ...record, until: record.until ?? null })
    .returning();
  return {
    id: String(row.id),
    actorId: row.actorId,
    targetType: row.targetType,
    targetId: row.targetId,
    action: row.action,
    reason: row.reason,
    until: row.until?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The log, newest first, with who acted. */
export async function listModerationLog(db: Database, options: { before?: number; limit?: number; publicUrl?: string } = {}) {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 100);
  const rows = await db
    .select({
      a: moderationActions,
      actorName: users.name,
      actorHandle: users.handle,
      // What was acted on, named (a case or a topic; its title, never a case's anonymous author).
      targetTitle: sql<string | null>`case ${moderationActions.targetType}
        when 'case' then (select c.title from cases c where c.id::text = ${moderationActions.targetId})
        when 'topic' then (select t.title from topics t where t.id::text = ${moderationActions.targetId})
        else null end`,
    })
    .from(moderationActions)
    .innerJoin(users, eq(users.id, moderationActions.actorId))
    .where(options.before ? lt(moderationActions.id, options.before) : sql`true`)
    .orderBy(desc(moderationActions.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    items: page.map(({ a, actorName, actorHandle, targetTitle }) => ({
      id: String(a.id),
      actor: { id: a.actorId, name: actorName, handle: actorHandle },
      target: targetPath(a.targetType, a.targetId)
        ? { type: a.targetType, id: a.targetId, title: targetTitle, url: (options.publicUrl ?? "") + targetPath(a.targetType, a.targetId) }
        : null,
      targetType: a.targetType,
      targetId: a.targetId,
      action: a.action,
      reason: a.reason,
      until: a.until?.toISOString() ?? null,
      createdAt: a.createdAt.toISOString(),
    })),
    nextCursor: rows.length > limit && page.length ? String(page[page.length - 1].a.id) : null,
  };
}

const targetPath = (type: string, id: string) => (type === "case" ? `/cases/${id}` : type === "topic" ? `/discussions/t/${id}` : null);
