/**
 * Text that people type, made safe to show: pure functions, no I/O (the zod building blocks in validation.ts use
 * them for every title, name and body).
 *
 * - Titles and names are one line: NFC, bidirectional controls removed (they reorder what follows them: a title
 *   with U+202E reads backwards), other control characters removed, whitespace trimmed and collapsed.
 * - Bodies (Markdown) keep their lines and their bidi marks (legitimate around right-to-left text), in NFC.
 * - Neither may be made of nothing visible: only spaces, zero-width or other format characters, combining marks
 *   without a base, Hangul fillers, the braille blank… (they show as a blank card).
 */

/** Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the marks U+200E, U+200F, U+061C. */
export const bidiControls = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/gu;

/** Control characters other than whitespace (C0, DEL, C1); whitespace controls are collapsed like spaces. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const otherControls = /[\u0001-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/gu;

/** Whitespace of every script (U+FEFF is not: it is a zero-width format character, kept as typed). */
const whitespaceRun = /[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/gu;

/**
 * Characters that draw nothing by themselves: separators and whitespace, format (Cf: zero-width space, joiners,
 * word joiner, BOM, bidi controls, soft hyphen, tags…) and control characters (Cc), unpaired surrogates, combining
 * marks (a mark alone has no base to sit on; variation selectors and the Khmer inherent vowels are marks too), the
 * Hangul fillers (U+115F, U+1160, U+3164, U+FFA0) and the braille blank (U+2800).
 */
const invisible = /[\p{White_Space}\p{Cf}\p{Cc}\p{Cs}\p{M}\u1160\u115F\u3164\uFFA0\u2800]/u;

/** True when at least one character of the text draws something. */
export function hasVisibleText(text: string): boolean {
  for (const char of text) if (!invisible.test(char)) return true;
  return false;
}

/** Only whitespace (or nothing): an empty field rather than an invisible one. */
export function isBlank(text: string): boolean {
  return /^\p{White_Space}*$/u.test(text);
}

export function hasNul(text: string): boolean {
  return text.includes("\u0000");
}

/** A title or a name: NFC, no bidi or other control character, whitespace trimmed and collapsed to one space. */
export function normaliseLine(text: string): string {
  return text.normalize("NFC").replace(bidiControls, "").replace(otherControls, "").replace(whitespaceRun, " ").trim();
}

/** A body: NFC, bidi marks kept, outer whitespace trimmed (lines inside are the author's). */
export function normaliseBody(text: string): string {
  return text.normalize("NFC").trim();
}
