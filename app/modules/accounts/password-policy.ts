import type { MessageKey } from "../../i18n";

export const passwordMinLength = 12;
export const passwordMaxLength = 256;

/**
 * OWASP/NIST-style rules: length, not composition. Never trimmed. Rejects passwords found in a list of common
 * ones, including their usual dressing-up (capitals, digits or symbols around a common word) and runs of one
 * character or a keyboard sequence.
 */
export function passwordProblem(password: string, commonPasswords: ReadonlySet<string>): MessageKey | null {
  const length = [...password].length;
  if (length < passwordMinLength) return "password.tooShort";
  if (length > passwordMaxLength) return "password.tooLong";
  const lower = password.toLowerCase();
  if (commonPasswords.has(lower)) return "password.common";
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, "");
  if (core.length >= 4 && commonPasswords.has(core) && /^[^a-z]*[a-z]+[^a-z]*$/.test(lower)) return "password.common";
  if (/^(.)\1+$/.test(password)) return "password.common";
  if (/^(.{1,4})\1+$/.test(lower)) return "password.common";
  if (isSequence(lower)) return "password.common";
  return null;
}

const sequences = ["0123456789012345678901234567890", "abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm", "azertyuiopqsdfghjklmwxcvbn"];

function isSequence(lower: string): boolean {
  return sequences.some((s) => s.includes(lower) || s.split("").reverse().join("").includes(lower));
}
