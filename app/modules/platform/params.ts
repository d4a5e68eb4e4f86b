import { isMessageKey, type Locale, type MessageKey, type Translate, type TranslationParams } from "../../i18n";
import { DomainError } from "./errors";
import { hasNul, hasVisibleText, normaliseLine } from "./text";
import { z } from "./zod";

/**
 * URL parameters (query strings of pages and of the API), parsed with zod schemas: a value that cannot be right is
 * never silently dropped; the answer is a 400 that names the parameter and says what it expects, in the reader's
 * language. Pure: the API (server/api/support.ts `queryOf`) and pages (context.server.ts `readQuery`) turn the
 * result into a problem+json or an error page.
 *
 * Conventions: an empty value (`?sort=`, what a GET form sends for "any") counts as absent; a parameter given twice
 * when it takes one value is refused; parameters a page does not know are ignored (links with tracking or framework
 * parameters keep working).
 *
 * The building blocks below transform what they read; their `.openapi()` metadata says what the URL carries, so that
 * the OpenAPI document generated from the API's query schemas shows the input types (an integer, a list…).
 */

/** One refused parameter: its name, what it expects (a translated clause), and the whole sentence. */
export type ParamIssue = { param: string; expected: string; message: string };
export type ParamsResult<T> = { ok: true; data: T } | { ok: false; issues: ParamIssue[] };

/** A query string as an object: one value as a string, a repeated parameter as a list; empty values left out. */
export function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key).filter((v) => v !== "");
    if (values.length) out[key] = values.length === 1 ? values[0] : values;
  }
  return out;
}

/** Express's parsed query (`qs`: lists and nested objects) with empty values left out, like `queryObject`. */
export function cleanQuery(query: unknown): Record<string, unknown> {
  if (!query || typeof query !== "object") return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    const kept = Array.isArray(value) ? value.filter((v) => v !== "") : value;
    if (kept === "" || kept === undefined || (Array.isArray(kept) && kept.length === 0)) continue;
    out[key] = Array.isArray(kept) && kept.length === 1 ? kept[0] : kept;
  }
  return out;
}

/** "recent, helpful or discussed" / « recent, helpful ou discussed ». */
export function listOf(values: readonly (string | number)[], locale: Locale, type: "disjunction" | "conjunction" = "disjunction"): string {
  return new Intl.ListFormat(locale, { style: "long", type }).format(values.map(String));
}

/** The sentence naming one parameter: « Le paramètre « sort » n’est pas valide : choisissez recent, helpful ou discussed. » */
export function paramIssue(t: Translate, param: string, expected: MessageKey, params: TranslationParams = {}): ParamIssue {
  const clause = t(expected, params);
  return { param, expected: clause, message: t("problem.badParam", { param, expected: clause }) };
}

/** What a parameter expects, from a zod issue (schemas name their own clause with a `param.expected.*` key). */
function expectedOf(issue: z.ZodIssueOptionalMessage, defaultError: string, t: Translate, locale: Locale): string {
  if (issue.code === z.ZodIssueCode.custom && issue.params && typeof issue.params.expected === "string" && isMessageKey(issue.params.expected)) {
    return t(issue.params.expected, issue.params as TranslationParams);
  }
  if (isMessageKey(defaultError)) return t(defaultError);
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      if (issue.received === "array") return t("param.expected.once");
      if (issue.received === "undefined") return t("param.expected.required");
      return t("param.expected.invalid");
    case z.ZodIssueCode.invalid_enum_value:
      return t("param.expected.choice", { options: listOf(issue.options, locale) });
    case z.ZodIssueCode.invalid_literal:
      return t("param.expected.choice", { options: String(issue.expected) });
    case z.ZodIssueCode.too_big:
      if (issue.type === "string") return t("param.expected.tooLong", { max: Number(issue.maximum) });
      if (issue.type === "array") return t("param.expected.tooMany", { max: Number(issue.maximum) });
      return t("param.expected.invalid");
    case z.ZodIssueCode.too_small:
      if (issue.type === "string" && Number(issue.minimum) <= 1) return t("param.expected.required");
      return t("param.expected.invalid");
    default:
      return t("param.expected.invalid");
  }
}

/** Parses a query object with a schema; a NUL character in any parameter is refused first. */
export function parseParams<S extends z.ZodTypeAny>(schema: S, input: Record<string, unknown>, t: Translate, locale: Locale): ParamsResult<z.output<S>> {
  const nul = Object.entries(input)
    .filter(([key, value]) => hasNul(key) || [value].flat().some((v) => typeof v === "string" && hasNul(v)))
    .map(([key]) => paramIssue(t, key.split("\u0000").join(""), "param.expected.nul"));
  if (nul.length) return { ok: false, issues: nul };
  const issues: ParamIssue[] = [];
  // The message of each issue is the clause saying what the parameter expects (or a catalogue key set in the schema).
  const errorMap: z.ZodErrorMap = (issue, ctx) => ({ message: expectedOf(issue, ctx.defaultError, t, locale) });
  const result = schema.safeParse(input, { errorMap });
  if (result.success) return { ok: true, data: result.data };
  for (const issue of result.error.issues) {
    const param = String(issue.path[0] ?? "query");
    if (issues.some((i) => i.param === param)) continue;
    const expected = isMessageKey(issue.message) ? t(issue.message) : issue.message;
    issues.push({ param, expected, message: t("problem.badParam", { param, expected }) });
  }
  return { ok: false, issues };
}

/** `{param: [sentence]}`, the `errors` member of a problem+json. */
export function paramErrors(issues: ParamIssue[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of issues) (out[issue.param] ??= []).push(issue.message);
  return out;
}

/** The API's answer to refused parameters: 400 (or 422), `detail` naming them, `errors` with each one's sentence. */
export function paramsError(issues: ParamIssue[], locale: Locale, status: 400 | 422 = 400): DomainError {
  const fieldErrors = paramErrors(issues);
  if (issues.length === 1) return new DomainError(status, "problem.badParam", { params: { param: issues[0].param, expected: issues[0].expected }, fieldErrors });
  return new DomainError(status, "problem.badParams", { params: { names: listOf(issues.map((i) => i.param), locale, "conjunction") }, fieldErrors });
}

/** The parameter issues a domain error carries (a 400 whose field errors name parameters), translated. */
export function issuesOf(error: DomainError, t: Translate): ParamIssue[] {
  return Object.entries(error.options.fieldErrors ?? {}).map(([param, messages]) => {
    const message = messages.map((m) => (isMessageKey(m) ? t(m) : m)).join(" ");
    return { param, expected: message, message };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Building blocks for query schemas

const custom = (ctx: z.RefinementCtx, expected: MessageKey, params: Record<string, string | number> = {}) =>
  ctx.addIssue({ code: z.ZodIssueCode.custom, params: { expected, ...params } });

/** A whole number between `min` and `max` (a string in a query, a number when already parsed). */
export const intParam = (min: number, max: number) =>
  z.union([z.string(), z.number()]).transform((raw, ctx) => {
    const text = String(raw).trim();
    const value = /^-?\d{1,15}$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      custom(ctx, "param.expected.number", { min, max });
      return z.NEVER;
    }
    return value;
  })
  .openapi({ type: "integer", minimum: min, maximum: max });

/** `?limit=` of every list (1–100, 20 by default). */
export const limitParam = intParam(1, 100).default(20).describe("Page size.");

/** A numeric id (a post to open, the id of the last item of a page). */
export const numericIdParam = z
  .string()
  .trim()
  .regex(/^[1-9]\d{0,15}$/, "param.expected.id")
  .transform(Number);

/** Search words and other free text: one line, as normalised as titles are; absent or blank gives undefined. */
export const textParam = (max: number) =>
  z
    .string()
    .transform((raw, ctx) => {
      const text = normaliseLine(raw);
      if (text !== "" && !hasVisibleText(text)) {
        custom(ctx, "param.expected.invisible");
        return z.NEVER;
      }
      return text;
    })
    .pipe(z.string().max(max))
    .transform((text) => text || undefined)
    .openapi({ type: "string", maxLength: max })
    .optional();

/** One value or a repeated parameter, as a list (`?tag=a&tag=b`). */
export const listParam = <T extends z.ZodTypeAny>(item: T, max: number) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(item).max(max))
    .transform((list) => [...new Set(list)] as z.output<T>[])
    .openapi({ type: "array", items: itemDoc(item), maxItems: max });

/** What one value of a list parameter looks like in the OpenAPI document: its choices, or its pattern. */
function itemDoc(item: z.ZodTypeAny): { type: "string"; enum?: string[]; pattern?: string } {
  if (item instanceof z.ZodEnum) return { type: "string", enum: item.options as string[] };
  const regex = item instanceof z.ZodString ? item._def.checks.find((c) => c.kind === "regex") : undefined;
  return regex && regex.kind === "regex" ? { type: "string", pattern: regex.regex.source } : { type: "string" };
}

/** A tag slug in a filter (its existence is checked against the taxonomy by the caller). */
export const tagSlugParam = z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9-]{0,49}$/, "param.expected.invalid");

/** A flag set by a link (`?sent=1`): "1" or absent. */
export const flagParam = z.enum(["1"]).optional();

/** An opaque page cursor, checked by `decode` (which returns null for anything it did not write). */
export const cursorParam = (decode: (cursor: string) => unknown | null, max = 400) =>
  z
    .string()
    .max(max, "param.expected.cursor")
    .refine((cursor) => decode(cursor) !== null, "param.expected.cursor");

/** base64url JSON, the shape of every list cursor; null when it is not. */
export function decodeJsonCursor(cursor: string): unknown | null {
  if (!/^[A-Za-z0-9_-]{1,600}$/.test(cursor)) return null;
  try {
    const binary = atob(cursor.replace(/-/g, "+").replace(/_/g, "/"));
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))) as unknown;
  } catch {
    return null;
  }
}

/**
 * A time as PostgreSQL writes `timestamptz::text` ("2026-03-01 09:30:00.123+01") or as ISO 8601: what list cursors
 * carry. Date.parse alone takes "2" for a year, which PostgreSQL then refuses.
 */
export function isTimestampKey(value: unknown): value is string {
  return (
    typeof value === "string" &&
    /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)?$/.test(value) &&
    !Number.isNaN(Date.parse(value.replace(" ", "T").replace(/([+-]\d{2})$/, "$1:00")))
  );
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A date (YYYY-MM-DD) or an ISO date and time with its zone. */
export const dateParam = z
  .string()
  .trim()
  .refine((s) => (isoDate.test(s) || isoDateTime.test(s)) && !Number.isNaN(Date.parse(s)) && realDay(s), "param.expected.date");

/** 2026-02-31 parses in JavaScript (as March 3rd); it is not a day. */
function realDay(s: string): boolean {
  const [y, m, d] = s.slice(0, 10).split("-").map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

/** One of values known only at run time (the network's organisations, countries…): the 400 lists them. */
export const oneOfParam = (values: readonly string[]) =>
  values.length ? z.enum(values as [string, ...string[]]) : z.string().refine(() => false, "param.expected.invalid");
