import { and, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import { passwordResetTokens, sessions, users } from "../../../db/schema";
import type { Services } from "../platform/services";
import { createTranslator, type Locale } from "../../i18n";
import { DomainError, invalidField } from "../platform/errors";
import { startSession, signOutEverywhere } from "./auth.server";
import { hashSecret, newId, newSecret } from "./ids.server";
import { checkPasswordPolicy, hashPassword } from "./passwords.server";
import { recordThrottledFailure, throttleRetryAfter } from "./throttle.server";

export const resetLinkLifetimeMinutes = 60;
export const passwordResetEmailJob = "send-password-reset-email";

/**
 * Answers the same whether the address exists or not: the work (token and e-mail) happens in a job. A few
 * requests per address per hour at most, silently.
 */
export async function requestPasswordReset(services: Pick<Services, "db" | "jobs" | "config">, email: string, locale: Locale) {
  const key = `reset:${email.trim().toLowerCase()}`;
  if ((await throttleRetryAfter(services.db, [key])) > 0) return;
  await recordThrottledFailure(services.db, [{ key, limit: Math.max(1, Math.round(5 * services.config.rateLimitScale)), windowMinutes: 60 }]);
  await services.jobs.send(passwordResetEmailJob, { email: email.trim(), locale });
}

/** The job: makes a single-use link for an active account and mails it in the person's language. */
export async function sendPasswordResetEmail(
  services: Pick<Services, "db" | "mailer" | "config">,
  job: { email: string; locale: Locale },
) {
  const [user] = await services.db
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(and(sql`lower(${users.email}) = lower(${job.email})`, isNull(users.deactivatedAt), isNull(users.erasedAt)));
  if (!user) return;
  const { secret, hash } = newSecret();
  await services.db.insert(passwordResetTokens).values({
    id: newId(),
    userId: user.id,
    tokenHash: hash,
    expiresAt: new Date(Date.now() + resetLinkLifetimeMinutes * 60_000),
  });
  const locale = user.locale ?? job.locale;
  const t = createTranslator(locale);
  const url = `${services.config.publicUrl}/reset-password/${encodeURIComponent(secret)}`;
  await services.mailer.send({
    to: user.email,
    subject: t("mail.reset.subject"),
    text: t("mail.reset.body", { name: user.name, url, minutes: resetLinkLifetimeMinutes }),
  });
}

export async function isResetTokenUsable(services: Pick<Services, "db">, token: string): Promise<boolean> {
  const [row] = await services.db
    .select({ id: passwordResetTokens.id })
    .from(passwordResetTokens)
    .where(and(eq(passwordResetTokens.tokenHash, hashSecret(token)), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, sql`now()`)));
  return Boolean(row);
}

/** Uses the link once: sets the password, ends every session, and opens a new one here. */
export async function resetPassword(
  services: Pick<Services, "db" | "lucia" | "realtime">,
  token: string,
  newPassword: string,
  client: { ip: string; userAgent: string },
) {
  const problem = checkPasswordPolicy(newPassword);
  if (problem) throw invalidField("password", problem);
  const passwordHash = await hashPassword(newPassword);
  const userId = await services.db.transaction(async (tx) => {
    const [used] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResetTokens.tokenHash, hashSecret(token)), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, sql`now()`)))
      .returning({ userId: passwordResetTokens.userId });
    if (!used) throw new DomainError(404, "reset.invalid");
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, used.userId));
    await tx.delete(passwordResetTokens).where(and(eq(passwordResetTokens.userId, used.userId), isNull(passwordResetTokens.usedAt)));
    return used.userId;
  });
  await signOutEverywhere(services, userId);
  return startSession(services, userId, client);
}

/** The scheduled purge: expired sessions, used or stale reset links, old throttle counters. */
export async function purgeExpiredAuthData(services: Pick<Services, "db">) {
  await services.db.delete(sessions).where(or(lt(sessions.expiresAt, sql`now()`), lt(sessions.absoluteExpiresAt, sql`now()`)));
  await services.db.delete(passwordResetTokens).where(lt(passwordResetTokens.expiresAt, sql`now() - interval '1 day'`));
  await services.db.execute(sql`delete from auth_throttle where window_started_at < now() - interval '1 day' and (blocked_until is null or blocked_until < now())`);
}
