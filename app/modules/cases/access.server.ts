import { eq } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { cases } from "../../../db/schema";
import type { Actor } from "../accounts/permissions";

/**
 * For the topics machinery: whether the viewer may see a case's discussion (a case not published is its author's,
 * the leads' and the admins' only), and what the anonymity rule needs. Null when the topic is not a case's.
 */
export async function caseTopicAccess(db: Queryable, viewer: Actor, topicId: number): Promise<{ visible: boolean; authorId: string; anonymous: boolean } | null> {
  const [row] = await db.select({ status: cases.status, authorId: cases.authorId, anonymous: cases.anonymous }).from(cases).where(eq(cases.topicId, topicId));
  if (!row) return null;
  const lead = viewer?.role === "lead" || viewer?.role === "admin";
  const visible = viewer !== null && (row.status === "published" || row.authorId === viewer.id || lead);
  return { visible, authorId: row.authorId, anonymous: row.anonymous };
}
