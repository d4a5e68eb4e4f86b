import { isMessageKey, translateMaybeKey, type MessageKey, type Translate } from "../../i18n";
import { hasNul, hasVisibleText, isBlank, normaliseBody, normaliseLine } from "./text";
import { z } from "./zod";

export type FieldErrors = Record<string, string[]>;

/** zod's built-in messages in the reader's language; messages set in schemas are catalogue keys. */
export function zodErrorMap(t: Translate): z.ZodErrorMap {
  return (issue, ctx) => {
    // A schema that names its own message (a catalogue key) says it better than the generic one for its issue.
    if (isMessageKey(ctx.defaultError)) return { message: t(ctx.defaultError) };
    switch (issue.code) {
      case z.ZodIssueCode.invalid_type:
        if (issue.received === "undefined" || issue.received === "null") return { message: t("validation.required") };
        if (issue.expected === "number" || issue.expected === "integer") return { message: t("validation.number") };
        return { message: t("validation.invalidType") };
      case z.ZodIssueCode.too_small:
        if (issue.type === "string")
          return { message: Number(issue.minimum) <= 1 ? t("validation.required") : t("validation.tooShort", { min: Number(issue.minimum) }) };
        if (issue.type === "array") return { message: t("validation.tooFewItems", { min: Number(issue.minimum) }) };
        return { message: t("validation.invalid") };
      case z.ZodIssueCode.too_big:
        if (issue.type === "string") return { message: t("validation.tooLong", { max: Number(issue.maximum) }) };
        if (issue.type === "array") return { message: t("validation.tooManyItems", { max: Number(issue.maximum) }) };
        return { message: t("validation.invalid") };
      case z.ZodIssueCode.invalid_string:
        if (issue.validation === "email") return { message: t("validation.email") };
        return { message: t("validation.invalid") };
      case z.ZodIssueCode.invalid_enum_value:
      case z.ZodIssueCode.invalid_literal:
        return { message: t("validation.invalidChoice") };
      case z.ZodIssueCode.unrecognized_keys:
        return { message: t("validation.unknownField", { field: issue.keys.join(", ") }) };
      default:
        return { message: ctx.defaultError === "Invalid input" ? t("validation.invalid") : ctx.defaultError };
    }
  };
}

export function fieldErrorsOf(error: z.ZodError, t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? issue.path.join(".") : "_form";
    (errors[field] ??= []).push(translateMaybeKey(t, issue.message));
  }
  return errors;
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/**
 * Parses input with a schema, messages in the reader's language. A NUL character anywhere in the input (a field,
 * a list item, a key) is refused first, with the field named: no text column can store it.
 */
export function parseWith<S extends z.ZodTypeAny>(schema: S, input: unknown, t: Translate): Parsed<z.output<S>> {
  const nul = nulPaths(input);
  if (nul.length) return { ok: false, errors: Object.fromEntries(nul.map((path) => [path || "_form", [t("validation.nul")]])) };
  const result = schema.safeParse(input, { errorMap: zodErrorMap(t) });
  return result.success ? { ok: true, data: result.data } : { ok: false, errors: fieldErrorsOf(result.error, t) };
}

/** The paths ("a.b.0") of the strings in `input` that hold a NUL character (keys count as their own path). */
export function nulPaths(input: unknown, path = "", depth = 0): string[] {
  if (typeof input === "string") return hasNul(input) ? [path] : [];
  if (depth > 20 || input === null || typeof input !== "object") return [];
  const found: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    const at = path ? `${path}.${key}` : key;
    if (hasNul(key)) found.push(path || "_form");
    else found.push(...nulPaths(value, at, depth + 1));
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------------
// Text fields: every title, name and body goes through one of these (see text.ts for what they normalise).

type TextBounds = {
  min?: number;
  max: number;
  /** Catalogue keys that say it better for this field than the generic messages. */
  messages?: { required?: MessageKey; tooLong?: MessageKey; invisible?: MessageKey };
};

function textField(normalise: (text: string) => string, { min = 1, max, messages = {} }: TextBounds) {
  const tooShort = min <= 1 && messages.required ? { message: messages.required } : undefined;
  return z
    .string(messages.required ? { required_error: messages.required } : undefined)
    .transform((raw, ctx) => {
      if (hasNul(raw)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "validation.nul", fatal: true });
        return z.NEVER;
      }
      const text = normalise(raw);
      // Typed but nothing to see (zero-width spaces, bidi controls alone…): said so, rather than "required".
      if (!hasVisibleText(text) && (text !== "" || !isBlank(raw))) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: messages.invisible ?? "validation.invisible", fatal: true });
        return z.NEVER;
      }
      if (text === "" && min > 0) {
        ctx.addIssue({ code: z.ZodIssueCode.too_small, minimum: 1, type: "string", inclusive: true, ...tooShort, fatal: true });
        return z.NEVER;
      }
      return text;
    })
    .pipe(z.string().min(min, tooShort).max(max, messages.tooLong ? { message: messages.tooLong } : undefined))
    // What the OpenAPI document shows of the input (the transform hides the bounds from the generator).
    .openapi({ type: "string", ...(min > 0 ? { minLength: min } : {}), maxLength: max });
}

/** A title, a name or a label: one line, NFC, without bidi or control characters, spaces collapsed, something visible. */
export const lineText = (bounds: TextBounds) => textField(normaliseLine, bounds);

/** A body or a free-text section (Markdown): NFC, bidi marks kept, trimmed; refused when nothing in it is visible. */
export const bodyText = (bounds: TextBounds) => textField(normaliseBody, bounds);

/** Translates the catalogue keys a DomainError carries for its fields. */
export function translateFieldErrors(errors: FieldErrors | undefined, t: Translate): FieldErrors {
  const out: FieldErrors = {};
  for (const [field, messages] of Object.entries(errors ?? {})) out[field] = messages.map((m) => translateMaybeKey(t, m));
  return out;
}
