import type { MessageKey, Translate } from "../../i18n";
import { isMessageKey } from "../../i18n";
import type { FieldErrors } from "../platform/validation";
import type { CaseTextField } from "./template";

/**
 * The case form's values between the browser and the case schemas: what a form without JavaScript posts, read back
 * as typed, and the personal-data findings named by the form's fields. Pure, so that the form component and the
 * server's form handling share it.
 */

/** What the form sends, as typed (strings and ticks), so that a failed submission comes back exactly as it was. */
export type CaseFormValues = {
  title: string;
  context: { programme: string; week: string; groupSize: string; learnerProfile: string; notes: string };
  situation: string;
  actionsTaken: string;
  outcome: string;
  lessons: string;
  questions: string;
  tags: string[];
  language: string;
  anonymous: boolean;
  noIdentifiablePeople: boolean;
  acknowledgeWarnings: boolean;
};

export const emptyCaseForm = (language: string): CaseFormValues => ({
  title: "",
  context: { programme: "", week: "", groupSize: "", learnerProfile: "", notes: "" },
  situation: "",
  actionsTaken: "",
  outcome: "",
  lessons: "",
  questions: "",
  tags: [],
  language,
  anonymous: false,
  noIdentifiablePeople: false,
  acknowledgeWarnings: false,
});

const str = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};
const ticked = (form: FormData, name: string) => {
  const value = form.get(name);
  return value === "on" || value === "true" || value === "1";
};

/** Reads the posted form (no JavaScript needed). */
export function readCaseForm(form: FormData): CaseFormValues {
  return {
    title: str(form, "title"),
    context: {
      programme: str(form, "context.programme"),
      week: str(form, "context.week"),
      groupSize: str(form, "context.groupSize"),
      learnerProfile: str(form, "context.learnerProfile"),
      notes: str(form, "context.notes"),
    },
    situation: str(form, "situation"),
    actionsTaken: str(form, "actionsTaken"),
    outcome: str(form, "outcome"),
    lessons: str(form, "lessons"),
    questions: str(form, "questions"),
    tags: form.getAll("tags").filter((v): v is string => typeof v === "string"),
    language: str(form, "language"),
    anonymous: ticked(form, "anonymous"),
    noIdentifiablePeople: ticked(form, "noIdentifiablePeople"),
    acknowledgeWarnings: ticked(form, "acknowledgeWarnings"),
  };
}

/**
 * The form's values as the case schemas take them: empty context entries are left out (they are optional), and
 * an unticked confirmation is `false` so that the schema says what is missing.
 */
export function caseInputOf(values: CaseFormValues) {
  const context: Record<string, string> = {};
  for (const [key, value] of Object.entries(values.context)) if (value.trim()) context[key] = value.trim();
  return {
    title: values.title,
    context,
    situation: values.situation,
    actionsTaken: values.actionsTaken,
    outcome: values.outcome,
    lessons: values.lessons,
    questions: values.questions,
    tags: values.tags,
    language: values.language,
    anonymous: values.anonymous,
    noIdentifiablePeople: values.noIdentifiablePeople,
    acknowledgeWarnings: values.acknowledgeWarnings,
  };
}

/** The texts the personal-data scan reads, from the form's values or from a stored case. */
export function scannedFieldsOf(values: Pick<CaseFormValues, "title" | "situation" | "actionsTaken" | "outcome" | "lessons" | "questions"> & { context: { notes?: string | null } }) {
  return {
    title: values.title,
    "context.notes": values.context.notes,
    situation: values.situation,
    actionsTaken: values.actionsTaken,
    outcome: values.outcome,
    lessons: values.lessons,
    questions: values.questions,
  };
}

/** A finding of the scan, as the page shows it: the form field it is in, and a sentence. */
export type ShownFinding = { field: string; message: string };

/** The scanner names the notes field `contextNotes`; the form calls it `context.notes`. */
export const formFieldOf = (scanField: string) => (scanField === "contextNotes" ? "context.notes" : scanField);

export const sectionKeys: Record<CaseTextField, { label: MessageKey; hint: MessageKey }> = {
  situation: { label: "cases.form.situation", hint: "cases.form.situationHint" },
  actionsTaken: { label: "cases.form.actionsTaken", hint: "cases.form.actionsTakenHint" },
  outcome: { label: "cases.form.outcome", hint: "cases.form.outcomeHint" },
  lessons: { label: "cases.form.lessons", hint: "cases.form.lessonsHint" },
  questions: { label: "cases.form.questions", hint: "cases.form.questionsHint" },
};

export const fieldLabelKey = (field: string): MessageKey | undefined =>
  field === "title" ? "cases.form.title" : field === "context.notes" ? "cases.form.notes" : sectionKeys[field as CaseTextField]?.label;

export type RawFinding = { field: string; kind: string; match: string };

/** A finding in words: its kind's sentence (the backend's `cases.finding.<kind>`, with what matched). */
export function findingMessage(t: Translate, finding: RawFinding) {
  const key = `cases.finding.${finding.kind}`;
  return isMessageKey(key) ? t(key, { match: finding.match }) : `${finding.kind}: ${finding.match}`;
}

/** Identifying findings as the form fields' errors (the notes field is `context.notes` in the form). */
export function findingErrors(t: Translate, findings: RawFinding[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const f of findings) (errors[formFieldOf(f.field)] ??= []).push(findingMessage(t, f));
  return errors;
}

/** Sensitive-topic warnings, each naming the field it is in. */
export function shownWarnings(t: Translate, warnings: RawFinding[]): ShownFinding[] {
  return warnings.map((w) => {
    const field = formFieldOf(w.field);
    const labelKey = fieldLabelKey(field);
    return { field, message: t("cases.form.warningIn", { category: findingMessage(t, w), field: labelKey ? t(labelKey) : field }) };
  });
}

/** Errors of a schema and of the scan together, each field's messages once. */
export function mergeErrors(...all: (FieldErrors | undefined)[]): FieldErrors {
  const out: FieldErrors = {};
  for (const errors of all) for (const [field, messages] of Object.entries(errors ?? {})) out[field] = [...new Set([...(out[field] ?? []), ...(messages ?? [])])];
  return out;
}
