import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { apiTokens } from "../../../db/schema";
import { notFound } from "../platform/errors";
import { newId, newSecret } from "./ids.server";

export const tokenPrefix = "dcpat_";

/** Creates a personal access token; the secret is returned this once and only its hash is kept. */
export async function createApiToken(db: Database, userId: string, name: string) {
  const { secret, hash } = newSecret(tokenPrefix);
  const id = newId();
  await db.insert(apiTokens).values({ id, userId, name: name.trim(), tokenHash: hash });
  return { id, token: secret, name: name.trim() };
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
