import type { Role } from "../../../db/schema/accounts";

/** Who is asking: a signed-in member, or null for a stranger. */
export type Actor = { id: string; role: Role; centreId: string } | null;

export const roleRank: Record<Role, number> = { trainer: 0, host: 1, lead: 2, admin: 3 };

export type Permission =
  | { action: "centre:view" }
  | { action: "profile:view" }
  | { action: "profile:edit"; userId: string }
  | { action: "settings:manage" }
  | { action: "invitation:create"; role: Role; centreId: string }
  | { action: "invitation:manage" }
  | { action: "user:admin" }
  | { action: "user:update"; userId: string; role?: Role }
  | { action: "moderation:access" }
  | { action: "discussion:read" }
  | { action: "topic:create" }
  | { action: "post:reply" }
  | { action: "post:edit"; authorId: string }
  | { action: "post:delete"; authorId: string }
  | { action: "topic:accept"; topicAuthorId: string }
  | { action: "topic:moderate" }
  | { action: "content:see-hidden" }
  | { action: "taxonomy:manage" };

export type Action = Permission["action"];

/**
 * The one place that says who may do what. Pages, the API and sockets all ask it, so a rule changes once.
 * Pure: it knows roles and ownership, never the database.
 */
export function can(actor: Actor, permission: Permission): boolean {
  switch (permission.action) {
    case "centre:view":
      return true;
    case "profile:view":
    case "settings:manage":
      return actor !== null;
    case "profile:edit":
      return actor !== null && actor.id === permission.userId;
    case "invitation:create":
      if (!actor) return false;
      if (actor.role === "admin") return true;
      if (actor.role === "lead") return permission.role !== "admin";
      if (actor.role === "host") return permission.role === "trainer" && permission.centreId === actor.centreId;
      return false;
    case "invitation:manage":
      return actor !== null && actor.role !== "trainer";
    case "user:admin":
      return actor?.role === "admin";
    case "user:update":
      return actor?.role === "admin" && actor.id !== permission.userId;
    case "moderation:access":
    case "topic:moderate":
    case "content:see-hidden":
    case "taxonomy:manage":
      return isLead(actor);
    case "discussion:read":
    case "topic:create":
    case "post:reply":
      return actor !== null;
    case "post:edit":
    case "post:delete":
      return actor !== null && (actor.id === permission.authorId || isLead(actor));
    case "topic:accept":
      return actor !== null && (actor.id === permission.topicAuthorId || isLead(actor));
  }
}

const isLead = (actor: Actor) => actor?.role === "lead" || actor?.role === "admin";

/** The roles an actor may invite people to (for the form's choices). */
export function invitableRoles(actor: Actor): Role[] {
  if (!actor) return [];
  const all: Role[] = ["trainer", "host", "lead", "admin"];
  return all.filter((role) => can(actor, { action: "invitation:create", role, centreId: actor.centreId }));
}
