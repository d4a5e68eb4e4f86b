import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { centres, invitations, users, type Role } from "../../../db/schema";
import type { invitationStatuses } from "./schemas";
import type { Services } from "../platform/services";
import { createTranslator, type Locale } from "../../i18n";
import { DomainError, invalidField } from "../platform/errors";
import { claimFormSubmission, type FormKeyOption } from "../platform/form-submissions.server";
import type { AuthUser } from "./auth.server";
import { hashSecret, newId, newSecret } from "./ids.server";
import { can } from "./permissions";
import { createMember, type MemberView } from "./users.server";

export const invitationLifetimeMs = 7 * 24 * 60 * 60 * 1000;
export const invitationEmailJob = "send-invitation-email";

export const invitationUrl = (publicUrl: string, token: string) => `${publicUrl}/invitations/${encodeURIComponent(token)}`;

/**
 * A host invites trainers of their own centre; leads invite anyone to any role below admin; admins invite anyone.
 * The link is single-use and expires; it is e-mailed through the job queue and returned to show once. From a keyed
 * form, posting it twice invites once (one e-mail) and both answers show the same link.
 */
export async function createInvitation(
  services: Pick<Services, "db" | "jobs" | "config">,
  actor: AuthUser,
  input: { email: string; role: Role; centreId: string },
  locale: Locale,
  options: FormKeyOption = {},
) {
  if (!can(actor, { action: "invitation:create", role: input.role, centreId: input.centreId })) {
    const key = actor.role === "host" && input.role === "trainer" ? "invitation.forbiddenCentre" : "invitation.forbiddenRole";
    throw new DomainError(403, key);
  }
  type Created = { id: string; url: string; token: string; email: string; role: Role; centreId: string; expiresAt: string };
  const { invitation, first } = await services.db.transaction(async (tx) => {
    const claim = await claimFormSubmission<Created>(tx, { userId: actor.id, formKey: options.formKey, kind: "invitation", sent: input });
    if (claim.replay) {
      // Revoked or used since: the first answer no longer stands, and the form is spent.
      const [open] = await tx.select({ id: invitations.id }).from(invitations).where(and(eq(invitations.id, claim.replay.id), isNull(invitations.revokedAt), isNull(invitations.acceptedAt)));
      if (!open) throw new DomainError(422, "form.alreadySent");
      return { invitation: claim.replay, first: false };
    }
    const [centre] = await tx.select({ id: centres.id }).from(centres).where(eq(centres.id, input.centreId));
    if (!centre) throw invalidField("centreId", "centre.unknown");
    const [existing] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = lower(${input.email})`);
    if (existing) throw new DomainError(409, "user.emailTaken", { fieldErrors: { email: ["user.emailTaken"] } });
    const { secret, hash } = newSecret();
    const id = newId();
    const expiresAt = new Date(Date.now() + invitationLifetimeMs);
    await tx.insert(invitations).values({
      id,
      email: input.email.trim(),
      role: input.role,
      centreId: input.centreId,
      invitedBy: actor.id,
      tokenHash: hash,
      expiresAt,
    });
    const created: Created = {
      id,
      url: invitationUrl(services.config.publicUrl, secret),
      token: secret,
      email: input.email.trim(),
      role: input.role,
      centreId: input.centreId,
      expiresAt: expiresAt.toISOString(),
    };
    await claim.record(created);
    return { invitation: created, first: true };
  });
  if (first) await services.jobs.send(invitationEmailJob, { invitationId: invitation.id, url: invitation.url, locale });
  return { ...invitation, expiresAt: new Date(invitation.expiresAt) };
}

/** The job: writes the invitation e-mail in the inviter's language. */
export async function sendInvitationEmail(
  services: Pick<Services, "db" | "mailer">,
  job: { invitationId: string; url: string; locale: Locale },
) {
  const [row] = await services.db
    .select({ email: invitations.email, expiresAt: invitations.expiresAt, inviter: users.name, centre: centres.name, acceptedAt: invitations.acceptedAt })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.invitedBy))
    .innerJoin(centres, eq(centres.id, invitations.centreId))
    .where(eq(invitations.id, job.invitationId));
  if (!row || row.acceptedAt) return;
  const t = createTranslator(job.locale);
  const expires = new Intl.DateTimeFormat(job.locale, { dateStyle: "long" }).format(row.expiresAt);
  await services.mailer.send({
    to: row.email,
    subject: t("mail.invitation.subject", { inviter: row.inviter }),
    text: t("mail.invitation.body", { inviter: row.inviter, centre: row.centre, url: job.url, expires }),
  });
}

/** An open invitation for this link, or null when it is unknown, used, revoked or expired. */
export async function findOpenInvitation(db: Database, token: string) {
  const [row] = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      centreId: invitations.centreId,
      centreName: centres.name,
      inviterName: users.name,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .innerJoin(centres, eq(centres.id, invitations.centreId))
    .innerJoin(users, eq(users.id, invitations.invitedBy))
    .where(
      and(
        eq(invitations.tokenHash, hashSecret(token)),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, sql`now()`),
      ),
    );
  return row ?? null;
}

/** Accepts an invitation once: the claim and the new account happen in one transaction. */
export async function acceptInvitation(
  db: Database,
  token: string,
  input: { name: string; password: string; handle?: string },
  locale: Locale | null,
): Promise<MemberView> {
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(
        and(
          eq(invitations.tokenHash, hashSecret(token)),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, sql`now()`),
        ),
      )
      .returning();
    if (!claimed) throw new DomainError(404, "invitation.invalid");
    const member = await createMember(tx, {
      email: claimed.email,
      name: input.name,
      role: claimed.role,
      centreId: claimed.centreId,
      password: input.password,
      handle: input.handle,
      locale,
    });
    await tx.update(invitations).set({ acceptedUserId: member.id }).where(eq(invitations.id, claimed.id));
    return member;
  });
}

export type InvitationStatus = (typeof invitationStatuses)[number];

/** The invitations a person sent (admins see all), newest first. */
export async function listInvitations(db: Database, actor: AuthUser, limit = 50) {
  const rows = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      centreName: centres.name,
      inviterName: users.name,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
    })
    .from(invitations)
    .innerJoin(centres, eq(centres.id, invitations.centreId))
    .innerJoin(users, eq(users.id, invitations.invitedBy))
    .where(actor.role === "admin" ? undefined : eq(invitations.invitedBy, actor.id))
    .orderBy(desc(invitations.createdAt))
    .limit(limit);
  const now = Date.now();
  return rows.map((r) => ({
    ...r,
    status: (r.acceptedAt ? "accepted" : r.revokedAt ? "revoked" : r.expiresAt.getTime() < now ? "expired" : "pending") as InvitationStatus,
  }));
}

export async function revokeInvitation(db: Database, actor: AuthUser, invitationId: string) {
  const condition = and(
    eq(invitations.id, invitationId),
    isNull(invitations.acceptedAt),
    actor.role === "admin" ? undefined : eq(invitations.invitedBy, actor.id),
  );
  const done = await db.update(invitations).set({ revokedAt: new Date() }).where(condition).returning({ id: invitations.id });
  if (done.length === 0) throw new DomainError(404, "problem.notFoundDetail");
}
