import { queryRows } from "../../../db/client";
import { and, asc, eq, getTableColumns, gt, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Database, Queryable } from "../../../db/client";
import {
  apiTokens,
  authThrottle,
  centres,
  formSubmissions,
  invitations,
  passwordResetTokens,
  sessions,
  userLanguages,
  users,
  type Role,
} from "../../../db/schema";
import type { Services } from "../platform/services";
import { badCursor, DomainError, invalidField, notFound } from "../platform/errors";
import { claimFormSubmission, type FormKeyOption } from "../platform/form-submissions.server";
import type { AuthUser } from "./auth.server";
import { signOutEverywhere } from "./auth.server";
import { newId } from "./ids.server";
import { checkPasswordPolicy, hashPassword, verifyPassword } from "./passwords.server";
import { can, type Actor } from "./permissions";
import { decodeMemberCursor, type ProfilePatch } from "./schemas";

export type LanguageLevel = { code: string; level: (typeof userLanguages.$inferSelect)["level"] };

/** A member as the API shows them (`GET /me`). */
export type MemberView = {
  id: string;
  handle: string;
  name: string;
  email: string;
  role: Role;
  centreId: string;
  languages: LanguageLevel[];
  skills: string[];
  bio: string;
  locale: "fr" | "en" | null;
  openToMobility: boolean;
  deactivated: boolean;
  createdAt: Date;
};

const levelOrder = ["native", "C2", "C1", "B2", "B1", "A2", "A1"];
const byLevel = (a: LanguageLevel, b: LanguageLevel) => levelOrder.indexOf(a.level) - levelOrder.indexOf(b.level);

export async function languagesOf(db: Queryable, userIds: string[]): Promise<Map<string, LanguageLevel[]>> {
  const map = new Map<string, LanguageLevel[]>();
  if (userIds.length === 0) return map;
  const rows = await db.select().from(userLanguages).where(inArray(userLanguages.userId, userIds));
  for (const r of rows) {
    const list = map.get(r.userId) ?? [];
    list.push({ code: r.language, level: r.level });
    map.set(r.userId, list);
  }
  for (const list of map.values()) list.sort(byLevel);
  return map;
}

/** One statement: the person and their languages (`GET /me` runs it on every call). */
export async function getMember(db: Queryable, userId: string): Promise<MemberView | null> {
  const [u] = await db
    .select({
      ...getTableColumns(users),
      languages: sql<LanguageLevel[] | null>`(select json_agg(json_build_object('code', l.language, 'level', l.level)) from ${userLanguages} l where l.user_id = ${users.id})`,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!u || u.erasedAt) return null;
  const languages = (u.languages ?? []).sort(byLevel);
  return {
    id: u.id,
    handle: u.handle,
    name: u.name,
    email: u.email,
    role: u.role,
    centreId: u.centreId,
    languages,
    skills: u.skills,
    bio: u.bio,
    locale: u.locale,
    openToMobility: u.openToMobility,
    deactivated: u.deactivatedAt !== null,
    createdAt: u.createdAt,
  };
}

/** "Marie-Hélène Dupont" → "marie.helene.dupont" */
export function handleFromName(name: string): string {
  const base = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ".")
    .replace(/^[.]+|[.]+$/g, "")
    .replace(/\.{2,}/g, ".")
    .slice(0, 34)
    .replace(/[._-]+$/g, "");
  return base.length >= 3 ? base : `member.${base || "x"}`.slice(0, 34);
}

async function availableHandle(db: Queryable, wanted: string): Promise<string> {
  const taken = new Set(
    (
      await db
        .select({ handle: users.handle })
        .from(users)
        .where(or(eq(users.handle, wanted), sql`${users.handle} like ${wanted + "-%"}`))
    ).map((r) => r.handle),
  );
  if (!taken.has(wanted)) return wanted;
  for (let i = 2; ; i++) if (!taken.has(`${wanted}-${i}`)) return `${wanted}-${i}`;
}

async function assertCentreExists(db: Queryable, centreId: string, field = "centreId") {
  const [c] = await db.select({ id: centres.id }).from(centres).where(eq(centres.id, centreId)).limit(1);
  if (!c) throw invalidField(field, "centre.unknown");
}

async function assertEmailFree(db: Queryable, email: string) {
  const [u] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = lower(${email})`).limit(1);
  if (u) throw new DomainError(409, "user.emailTaken", { fieldErrors: { email: ["user.emailTaken"] } });
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint_name?: string; constraint?: string; cause?: unknown; message?: string };
  if (e?.cause && isUniqueViolation(e.cause, constraint)) return true;
  return e?.code === "23505" && (e.constraint_name === constraint || e.constraint === constraint || !!e.message?.includes(constraint));
}

export type NewMember = {
  email: string;
  name: string;
  role: Role;
  centreId: string;
  password: string;
  handle?: string;
  locale?: "fr" | "en" | null;
};

/** Creates an account (admin form, API, accepted invitation). The password policy applies. */
export async function createMember(db: Queryable, input: NewMember): Promise<MemberView> {
  const problem = checkPasswordPolicy(input.password);
  if (problem) throw invalidField("password", problem);
  await assertCentreExists(db, input.centreId);
  await assertEmailFree(db, input.email);
  if (input.handle) {
    const [h] = await db.select({ id: users.id }).from(users).where(eq(users.handle, input.handle)).limit(1);
    if (h) throw new DomainError(409, "user.handleTaken", { fieldErrors: { handle: ["user.handleTaken"] } });
  }
  const id = newId();
  const passwordHash = await hashPassword(input.password);
  // A derived handle can be taken by someone created at the same moment: then take the next free one.
  for (let attempt = 0; ; attempt++) {
    const handle = input.handle ?? (await availableHandle(db, handleFromName(input.name)));
    try {
      await db.transaction(async (savepoint) => {
        await savepoint.insert(users).values({
          id,
          handle,
          email: input.email.trim(),
          name: input.name.trim(),
          passwordHash,
          role: input.role,
          centreId: input.centreId,
          locale: input.locale ?? null,
        });
      });
      break;
    } catch (error) {
      if (isUniqueViolation(error, "users_email_lower_unique")) throw new DomainError(409, "user.emailTaken", { fieldErrors: { email: ["user.emailTaken"] } });
      if (isUniqueViolation(error, "users_handle_unique")) {
        if (!input.handle && attempt < 5) continue;
        throw new DomainError(409, "user.handleTaken", { fieldErrors: { handle: ["user.handleTaken"] } });
      }
      throw error;
    }
  }
  return (await getMember(db, id))!;
}

/** An admin adds an account; from a keyed form, posting it twice adds one and answers both with it. */
export async function addMember(db: Database, actor: AuthUser, input: NewMember, options: FormKeyOption = {}): Promise<MemberView> {
  return db.transaction(async (tx) => {
    const claim = await claimFormSubmission<{ userId: string }>(tx, {
      userId: actor.id,
      formKey: options.formKey,
      kind: "member",
      // The password is part of what was sent; the fingerprint is a hash keyed by the form's key, never stored with it.
      sent: input,
    });
    if (claim.replay) {
      const member = await getMember(tx, claim.replay.userId);
      if (!member) throw notFound();
      return member;
    }
    const member = await createMember(tx, input);
    await claim.record({ userId: member.id });
    return member;
  });
}

export async function updateProfile(db: Database, userId: string, patch: ProfilePatch): Promise<MemberView> {
  return db.transaction(async (tx) => {
    const { languages, ...columns } = patch;
    if (columns.handle) {
      const [h] = await tx.select({ id: users.id }).from(users).where(eq(users.handle, columns.handle)).limit(1);
      if (h && h.id !== userId) throw new DomainError(409, "user.handleTaken", { fieldErrors: { handle: ["user.handleTaken"] } });
    }
    if (Object.keys(columns).length > 0) {
      await tx.update(users).set({ ...columns, updatedAt: new Date() }).where(eq(users.id, userId));
    }
    if (languages) {
      await tx.delete(userLanguages).where(eq(userLanguages.userId, userId));
      if (languages.length) {
        await tx.insert(userLanguages).values(languages.map((l) => ({ userId, language: l.code, level: l.level })));
      }
    }
    return (await getMember(tx, userId))!;
  });
}

export async function setLocale(db: Database, userId: string, locale: "fr" | "en") {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}

/** An admin changes someone's role or centre, or (de)activates them; deactivation ends their sessions at once. */
export async function adminUpdateMember(
  services: Pick<Services, "db" | "realtime">,
  actor: Actor,
  userId: string,
  patch: { role?: Role; centreId?: string; deactivated?: boolean },
): Promise<MemberView> {
  if (!can(actor, { action: "user:admin" })) throw new DomainError(403, "auth.forbidden");
  if (!can(actor, { action: "user:update", userId })) throw new DomainError(409, "user.cannotDemoteSelf");
  const member = await services.db.transaction(async (tx) => {
    const [target] = await tx.select({ id: users.id }).from(users).where(and(eq(users.id, userId), sql`${users.erasedAt} is null`)).for("update");
    if (!target) throw notFound();
    if (patch.centreId) await assertCentreExists(tx, patch.centreId);
    const set: Partial<typeof users.$inferInsert> = { updatedAt: new Date() };
    if (patch.role) set.role = patch.role;
    if (patch.centreId) set.centreId = patch.centreId;
    if (patch.deactivated !== undefined) set.deactivatedAt = patch.deactivated ? new Date() : null;
    await tx.update(users).set(set).where(eq(users.id, userId));
    if (patch.deactivated) await tx.delete(apiTokens).where(eq(apiTokens.userId, userId));
    return (await getMember(tx, userId))!;
  });
  if (patch.deactivated) await signOutEverywhere(services, userId);
  return member;
}

export type MemberListItem = {
  id: string;
  handle: string;
  name: string;
  email: string;
  role: Role;
  centreId: string;
  centreName: string;
  deactivated: boolean;
  createdAt: Date;
};

/** The admin's directory of accounts, filtered and keyset-paginated by name. */
export async function listMembers(
  db: Database,
  filter: { q?: string; role?: Role; centreId?: string; after?: string; limit?: number },
): Promise<{ items: MemberListItem[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 100);
  const conditions: SQL[] = [sql`${users.erasedAt} is null`];
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => "\\" + c)}%`;
    conditions.push(or(ilike(users.name, like), ilike(users.email, like), ilike(users.handle, like))!);
  }
  if (filter.role) conditions.push(eq(users.role, filter.role));
  if (filter.centreId) conditions.push(eq(users.centreId, filter.centreId));
  if (filter.after) conditions.push(gt(sql`(${users.name}, ${users.id})`, sql`(${decodeCursor(filter.after)})`));
  const rows = await db
    .select({
      id: users.id,
      handle: users.handle,
      name: users.name,
      email: users.email,
      role: users.role,
      centreId: users.centreId,
      centreName: centres.name,
      deactivatedAt: users.deactivatedAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .innerJoin(centres, eq(centres.id, users.centreId))
    .where(and(...conditions))
    .orderBy(asc(users.name), asc(users.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(({ deactivatedAt, ...r }) => ({ ...r, deactivated: deactivatedAt !== null })),
    nextCursor: rows.length > limit && last ? Buffer.from(JSON.stringify([last.name, last.id])).toString("base64url") : null,
  };
}

function decodeCursor(cursor: string): SQL {
  const decoded = decodeMemberCursor(cursor);
  if (!decoded) throw badCursor();
  return sql`${decoded[0]}, ${decoded[1]}`;
}

export type Profile = {
  id: string;
  handle: string;
  name: string;
  role: Role;
  bio: string;
  skills: string[];
  languages: LanguageLevel[];
  openToMobility: boolean;
  centre: { id: string; name: string; city: string; country: string };
  memberSince: Date;
};

/** A member's public profile, for members only; deactivated and erased accounts have none. */
export async function getProfileByHandle(db: Database, viewer: Actor, handle: string): Promise<Profile | null> {
  if (!can(viewer, { action: "profile:view" })) throw new DomainError(401, "auth.signInRequired");
  const [row] = await db
    .select({ u: users, c: { id: centres.id, name: centres.name, city: centres.city, country: centres.country } })
    .from(users)
    .innerJoin(centres, eq(centres.id, users.centreId))
    .where(and(eq(users.handle, handle.toLowerCase()), sql`${users.erasedAt} is null`, sql`${users.deactivatedAt} is null`))
    .limit(1);
  if (!row) return null;
  return {
    id: row.u.id,
    handle: row.u.handle,
    name: row.u.name,
    role: row.u.role,
    bio: row.u.bio,
    skills: row.u.skills,
    languages: (await languagesOf(db, [row.u.id])).get(row.u.id) ?? [],
    openToMobility: row.u.openToMobility,
    centre: row.c,
    memberSince: row.u.createdAt,
  };
}

/** Changes one's password (the current one is required) and signs out everywhere else. */
export async function changePassword(
  services: Pick<Services, "db" | "realtime">,
  user: AuthUser,
  input: { currentPassword: string; newPassword: string },
  currentSessionId?: string,
) {
  const [row] = await services.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
  if (!(await verifyPassword(row?.hash, input.currentPassword))) throw invalidField("currentPassword", "password.wrongCurrent");
  const problem = checkPasswordPolicy(input.newPassword);
  if (problem) throw invalidField("newPassword", problem);
  await services.db
    .update(users)
    .set({ passwordHash: await hashPassword(input.newPassword), updatedAt: new Date() })
    .where(eq(users.id, user.id));
  await services.db.delete(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id));
  await signOutEverywhere(services, user.id, currentSessionId);
}

/** Everything the platform holds about a person, for `GET /me/export`. */
export async function exportMemberData(db: Database, userId: string) {
  const member = await getMember(db, userId);
  if (!member) throw notFound();
  const [row] = await db.select({ createdAt: users.createdAt }).from(users).where(eq(users.id, userId));
  const mySessions = await db
    .select({ createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, userAgent: sessions.userAgent, ip: sessions.ip })
    .from(sessions)
    .where(eq(sessions.userId, userId));
  const tokens = await db
    .select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId));
  const sent = await db
    .select({ email: invitations.email, role: invitations.role, centreId: invitations.centreId, createdAt: invitations.createdAt, acceptedAt: invitations.acceptedAt })
    .from(invitations)
    .where(eq(invitations.invitedBy, userId));
  // One's own case studies, anonymous ones included (they are one's own); never anyone else's authorship.
  const myCases = await queryRows<{ id: string; title: string; status: string; anonymous: boolean; created_at: Date | string }>(
    db,
    sql`select id::text as id, title, status, anonymous, created_at from cases where author_id = ${userId} order by id`,
  );
  return {
    exportedAt: new Date().toISOString(),
    user: { ...member, createdAt: row.createdAt },
    sessions: mySessions,
    tokens,
    invitationsSent: sent,
    cases: myCases.map((c) => ({ id: c.id, title: c.title, status: c.status, anonymous: c.anonymous, createdAt: new Date(c.created_at).toISOString() })),
  };
}

/**
 * Erases a person's personal data while keeping the account row, so that what they wrote stays, shown as
 * "deleted user". Needs their password.
 */
export async function eraseMember(services: Pick<Services, "db" | "realtime">, userId: string, password: string) {
  const [row] = await services.db.select().from(users).where(eq(users.id, userId));
  if (!row || row.erasedAt) throw notFound();
  if (!(await verifyPassword(row.passwordHash, password))) throw invalidField("password", "password.wrongCurrent");
  await services.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        name: "deleted user",
        handle: `deleted-${userId}`,
        email: `erased+${userId}@invalid.invalid`,
        passwordHash: null,
        bio: "",
        skills: [],
        locale: null,
        openToMobility: false,
        erasedAt: new Date(),
        deactivatedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(users.id, userId));
    await tx.delete(userLanguages).where(eq(userLanguages.userId, userId));
    await tx.delete(apiTokens).where(eq(apiTokens.userId, userId));
    await tx.delete(passwordResetTokens).where(eq(passwordResetTokens.userId, userId));
    await tx.delete(formSubmissions).where(eq(formSubmissions.userId, userId));
    await tx.delete(authThrottle).where(eq(authThrottle.key, `signin:account:${row.email.toLowerCase()}`));
    await tx
      .update(invitations)
      .set({ email: "erased@invalid.invalid" })
      .where(sql`lower(${invitations.email}) = lower(${row.email})`);
  });
  await signOutEverywhere(services, userId);
}
