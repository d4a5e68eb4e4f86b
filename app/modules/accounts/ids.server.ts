import { createHash, randomBytes } from "node:crypto";
import { generateIdFromEntropySize } from "lucia";

export const newId = () => generateIdFromEntropySize(10);

/** A secret for a link or an API token: shown once, stored only as its SHA-256. */
export function newSecret(prefix = ""): { secret: string; hash: string } {
  const secret = prefix + randomBytes(24).toString("base64url");
  return { secret, hash: hashSecret(secret) };
}

export const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");
