import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { apiTokens } from "../../../db/schema";
import { DomainError, notFound } from "../platform/errors";
import { claimFormSubmission, type FormKeyOption } from "../platform/form-submissions.server";
import { newId, newSecret } from "./ids.server";

export const tokenPrefix = "dcpat_";

/**
 * Creates a personal access token; the secret is returned this once and only its hash is kept. From a keyed form,
 * posting it twice creates one token and both answers show its secret (sealed in the form's submission row, which
 * only the form's key opens, for a day).
 */
export async function createApiToken(db: Database, userId: string, name: string, options: FormKeyOption = {}) {
  type Created = { id: string; token: string; name: string };
  return db.transaction(async (tx): Promise<Created> => {
    const claim = await claimFormSubmission<Created>(tx, { userId, formKey: options.formKey, kind: "api-token", sent: { name: name.trim() } });
    if (claim.replay) {
      // Revoked since: the first answer no longer stands, and the form is spent.
      const [kept] = await tx.select({ id: apiTokens.id }).from(apiTokens).where(and(eq(apiTokens.id, claim.replay.id), eq(apiTokens.userId, userId)));
      if (!kept) throw new DomainError(422, "form.alreadySent");
      return claim.replay;
    }
    const { secret, hash } = newSecret(tokenPrefix);
    const id = newId();
    await tx.insert(apiTokens).values({ id, userId, name: name.trim(), tokenHash: hash });
    const created = { id, token: secret, name: name.trim() };
    await claim.record(created);
    return created;
  });
}

export function listApiTokens(db: Database, userId: string) {
  return db
    .select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt));
}

/** Revokes one of the person's own tokens; someone else's token id is simply not found. */
export async function revokeApiToken(db: Database, userId: string, tokenId: string) {
  const deleted = await db
    .delete(apiTokens)
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId)))
    .returning({ id: apiTokens.id });
  if (deleted.length === 0) throw notFound();
}
