import type { Actor } from "../accounts/permissions";

/**
 * The one rule for "may this viewer see who wrote it": for an anonymous case, only its author — leads and admins
 * included in the "no". Everything about a case (the case, its discussion's topic and the author's own replies and
 * reactions there, notifications, search, profiles, exports) asks this. Pure.
 */
export function maySeeCaseAuthor(viewer: Actor, kase: { authorId: string; anonymous: boolean }): boolean {
  return !kase.anonymous || (viewer !== null && viewer.id === kase.authorId);
}

/** Whether a person's activity in a case's discussion must be hidden from this viewer (the anonymous author's own). */
export function hidesPersonInCase(viewer: Actor, kase: { authorId: string | null; anonymous: boolean | null } | null, personId: string): boolean {
  if (!kase || !kase.anonymous || kase.authorId === null) return false;
  return personId === kase.authorId && viewer?.id !== kase.authorId;
}
