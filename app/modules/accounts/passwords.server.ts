import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";
import { passwordProblem } from "./password-policy";

/** OWASP's argon2id minimum (m=19 MiB, t=2, p=1), as Lucia recommends. */
const argon2Options = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

export const commonPasswords: ReadonlySet<string> = new Set(
  (dictionary as { passwords: string[] }).passwords.map((p) => p.toLowerCase()),
);

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Options);
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies against the stored hash, or against a throwaway hash when there is none, so that an unknown e-mail
 * takes as long as a wrong password.
 */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hashPassword("not-a-real-password-for-timing");
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}

export function checkPasswordPolicy(password: string) {
  return passwordProblem(password, commonPasswords);
}
