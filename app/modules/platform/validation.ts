import { z } from "zod";
import { isMessageKey, translateMaybeKey, type Translate } from "../../i18n";

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

export function parseWith<S extends z.ZodTypeAny>(schema: S, input: unknown, t: Translate): Parsed<z.output<S>> {
  const result = schema.safeParse(input, { errorMap: zodErrorMap(t) });
  return result.success ? { ok: true, data: result.data } : { ok: false, errors: fieldErrorsOf(result.error, t) };
}

/** Translates the catalogue keys a DomainError carries for its fields. */
export function translateFieldErrors(errors: FieldErrors | undefined, t: Translate): FieldErrors {
  const out: FieldErrors = {};
  for (const [field, messages] of Object.entries(errors ?? {})) out[field] = messages.map((m) => translateMaybeKey(t, m));
  return out;
}
