import { DrizzlePostgreSQLAdapter } from "@lucia-auth/adapter-drizzle";
import { and, eq, ne, sql } from "drizzle-orm";
import { Lucia, TimeSpan, type Session } from "lucia";
import type { Database } from "../../../db/client";
import { apiTokens, sessions, users, type Role } from "../../../db/schema";
import type { Config } from "../platform/services";
import type { Services } from "../platform/services";
import { DomainError } from "../platform/errors";
import { hashSecret } from "./ids.server";
import { verifyPassword } from "./passwords.server";
import { clearThrottle, recordThrottledFailure, throttleRetryAfter, type ThrottleRule } from "./throttle.server";

/** Sliding: each use within the last half of this window extends it. */
export const sessionIdleLifetime = new TimeSpan(14, "d");
/** However active, a session ends this long after sign-in. */
export const sessionAbsoluteLifetimeMs = 60 * 24 * 60 * 60 * 1000;
export const sessionCookieName = "dc_session";

type DatabaseUserAttributes = Omit<typeof users.$inferSelect, "id">;
type DatabaseSessionAttributes = {
  absoluteExpiresAt: Date;
  createdAt: Date;
  lastSeenAt: Date;
  userAgent: string;
  ip: string;
};

export function createLucia(db: Database, config: Pick<Config, "secureCookies">) {
  const adapter = new DrizzlePostgreSQLAdapter(db as never, sessions, users);
  return new Lucia(adapter, {
    sessionExpiresIn: sessionIdleLifetime,
    sessionCookie: {
      name: sessionCookieName,
      attributes: { secure: config.secureCookies, sameSite: "lax" },
    },
    getUserAttributes: (a) => ({
      handle: a.handle,
      name: a.name,
      email: a.email,
      role: a.role,
      centreId: a.centreId,
      locale: a.locale,
      deactivatedAt: a.deactivatedAt,
    }),
    getSessionAttributes: (a) => ({
      absoluteExpiresAt: a.absoluteExpiresAt,
      createdAt: a.createdAt,
      lastSeenAt: a.lastSeenAt,
      userAgent: a.userAgent,
      ip: a.ip,
    }),
  });
}

export type AppLucia = ReturnType<typeof createLucia>;

declare module "lucia" {
  interface Register {
    Lucia: AppLucia;
    DatabaseUserAttributes: DatabaseUserAttributes;
    DatabaseSessionAttributes: DatabaseSessionAttributes;
  }
}

/** The signed-in person as every layer sees them. */
export type AuthUser = {
  id: string;
  handle: string;
  name: string;
  email: string;
  role: Role;
  centreId: string;
  locale: "fr" | "en" | null;
};

export type RequestAuth = {
  user: AuthUser | null;
  session: Session | null;
  via: "cookie" | "token" | null;
  /** Set-Cookie values the response must carry (a refreshed or a cleared session cookie). */
  cookies: string[];
  /** The request carried a session cookie (valid or not): such a state change must pass the Origin check. */
  hadSessionCookie: boolean;
  /** An Authorization header was sent but named no valid token. */
  badToken: boolean;
};

const toAuthUser = (u: { id: string } & Omit<AuthUser, "id">): AuthUser => ({
  id: u.id,
  handle: u.handle,
  name: u.name,
  email: u.email,
  role: u.role,
  centreId: u.centreId,
  locale: u.locale,
});

const lastSeenGranularityMs = 5 * 60 * 1000;

/**
 * Reads the bearer token or the session cookie and says who is asking. The answer is kept a few seconds
 * (`authCache`, which every change to the person, the session or the token clears).
 */
export async function authenticateRequest(
  services: Pick<Services, "db" | "lucia" | "log" | "authCache">,
  headers: { cookie?: string | null; authorization?: string | null },
): Promise<RequestAuth> {
  const { lucia, db, authCache } = services;
  const result: RequestAuth = { user: null, session: null, via: null, cookies: [], hadSessionCookie: false, badToken: false };
  const authorization = headers.authorization?.trim();
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const tokenHash = match ? hashSecret(match[1]) : null;
    const cached = tokenHash ? authCache.get(`t:${tokenHash}`) : undefined;
    const readSince = authCache.mark;
    const user = cached?.user ?? (tokenHash ? await userForToken(db, tokenHash) : null);
    if (!user) result.badToken = true;
    else {
      if (!cached) authCache.set(`t:${tokenHash}`, { user, session: null, via: "token" }, { readSince });
      Object.assign(result, { user, via: "token" });
    }
    return result;
  }
  const sessionId = lucia.readSessionCookie(headers.cookie ?? "");
  if (!sessionId) return result;
  result.hadSessionCookie = true;
  const cached = authCache.get(`s:${sessionId}`);
  if (cached) return { ...result, user: cached.user, session: cached.session, via: "cookie" };
  const readSince = authCache.mark;
  const { session, user } = await lucia.validateSession(sessionId);
  if (!session || !user) {
    result.cookies.push(lucia.createBlankSessionCookie().serialize());
    return result;
  }
  if (session.absoluteExpiresAt.getTime() <= Date.now() || user.deactivatedAt) {
    await lucia.invalidateSession(session.id);
    result.cookies.push(lucia.createBlankSessionCookie().serialize());
    return result;
  }
  if (session.fresh) result.cookies.push(lucia.createSessionCookie(session.id).serialize());
  if (Date.now() - session.lastSeenAt.getTime() > lastSeenGranularityMs) {
    db.update(sessions)
      .set({ lastSeenAt: new Date() })
      .where(eq(sessions.id, session.id))
      .catch((err: unknown) => services.log.warn({ err }, "could not record session activity"));
  }
  const authUser = toAuthUser(user);
  authCache.set(
    `s:${sessionId}`,
    { user: authUser, session: { ...session, fresh: false }, via: "cookie" },
    { readSince, expiresAt: Math.min(session.expiresAt.getTime(), session.absoluteExpiresAt.getTime()) },
  );
  return { ...result, user: authUser, session, via: "cookie" };
}

async function userForToken(db: Database, tokenHash: string): Promise<AuthUser | null> {
  const rows = await db
    .select({ tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, tokenHash))
    .limit(1);
  const row = rows[0];
  if (!row || row.user.deactivatedAt || row.user.erasedAt) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    // Revoked meanwhile (the update waited for the revocation to commit): not a token any more.
    const used = await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.tokenId)).returning({ id: apiTokens.id });
    if (used.length === 0) return null;
  }
  return toAuthUser(row.user);
}

export function signInThrottleRules(email: string, ip: string, scale: number): ThrottleRule[] {
  return [
    { key: `signin:account:${email.toLowerCase()}`, limit: Math.max(1, Math.round(10 * scale)), windowMinutes: 15 },
    { key: `signin:ip:${ip}`, limit: Math.max(1, Math.round(50 * scale)), windowMinutes: 15 },
  ];
}

/** Opens a new session (always a fresh id) for a person, with what "your sessions" shows. */
export async function startSession(
  services: Pick<Services, "lucia">,
  userId: string,
  client: { ip: string; userAgent: string },
): Promise<{ session: Session; cookie: string }> {
  const now = new Date();
  const session = await services.lucia.createSession(userId, {
    absoluteExpiresAt: new Date(now.getTime() + sessionAbsoluteLifetimeMs),
    createdAt: now,
    lastSeenAt: now,
    userAgent: client.userAgent.slice(0, 300),
    ip: client.ip.slice(0, 64),
  });
  return { session, cookie: services.lucia.createSessionCookie(session.id).serialize() };
}

/**
 * Checks the credentials under the per-account and per-IP throttles. The same 401 answers an unknown e-mail and
 * a wrong password; a blocked account or address answers 429 with the seconds to wait.
 */
export async function signIn(
  services: Pick<Services, "db" | "lucia" | "config">,
  input: { email: string; password: string; ip: string; userAgent: string; previousSessionId?: string | null },
): Promise<{ user: AuthUser; cookie: string; session: Session }> {
  const { db } = services;
  const email = input.email.trim();
  const rules = signInThrottleRules(email, input.ip, services.config.rateLimitScale);
  const retryAfter = await throttleRetryAfter(db, rules.map((r) => r.key));
  if (retryAfter > 0) {
    throw new DomainError(429, "auth.tooManyAttempts", {
      retryAfterSeconds: retryAfter,
      params: { minutes: Math.ceil(retryAfter / 60) },
    });
  }
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  const usable = row && !row.deactivatedAt && !row.erasedAt ? row : undefined;
  const ok = await verifyPassword(usable?.passwordHash, input.password);
  if (!usable || !ok) {
    await recordThrottledFailure(db, rules);
    throw new DomainError(401, "auth.invalidCredentials");
  }
  await clearThrottle(db, [rules[0].key]);
  if (input.previousSessionId) await services.lucia.invalidateSession(input.previousSessionId);
  const { session, cookie } = await startSession(services, usable.id, input);
  return { user: toAuthUser(usable), cookie, session };
}

export async function signOut(services: Pick<Services, "lucia" | "realtime">, sessionId: string): Promise<string> {
  await services.lucia.invalidateSession(sessionId);
  services.realtime.disconnectSession(sessionId);
  return services.lucia.createBlankSessionCookie().serialize();
}

/** Ends every session of a person but, optionally, the one in use. */
export async function signOutEverywhere(
  services: Pick<Services, "db" | "realtime">,
  userId: string,
  exceptSessionId?: string,
): Promise<void> {
  const condition = exceptSessionId
    ? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId))
    : eq(sessions.userId, userId);
  const ended = await services.db.delete(sessions).where(condition).returning({ id: sessions.id });
  for (const { id } of ended) services.realtime.disconnectSession(id);
}

/**
 * A session's id is its cookie secret, so no page or API ever shows it: sessions are named by a one-way reference.
 */
export const sessionRef = (sessionId: string) => hashSecret(`session-ref:${sessionId}`).slice(0, 22);

/** The person's open sessions, most recently active first, with the one in use marked. */
export async function listSessions(db: Database, userId: string, currentSessionId?: string | null) {
  const rows = await db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      userAgent: sessions.userAgent,
      ip: sessions.ip,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), sql`${sessions.expiresAt} > now()`))
    .orderBy(sql`${sessions.lastSeenAt} desc`);
  return rows.map(({ id, ...rest }) => ({ ref: sessionRef(id), current: id === currentSessionId, ...rest }));
}

/**
 * Ends one of the person's own sessions by its reference; another person's session is simply not found.
 * Says whether it was the session in use.
 */
export async function revokeSession(
  services: Pick<Services, "db" | "realtime">,
  userId: string,
  ref: string,
  currentSessionId?: string | null,
): Promise<{ wasCurrent: boolean }> {
  const own = await services.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId));
  const target = own.find((s) => sessionRef(s.id) === ref);
  if (!target) throw new DomainError(404, "problem.notFoundDetail");
  await services.db.delete(sessions).where(eq(sessions.id, target.id));
  services.realtime.disconnectSession(target.id);
  return { wasCurrent: target.id === currentSessionId };
}
