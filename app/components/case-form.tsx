import type { ReactNode } from "react";
import { isMessageKey, languageName, type MessageKey, type Translate } from "../i18n";
import { useLocale } from "../i18n/react";
import { currentTemplateVersion, learnerProfiles, programmes, templateFor, type CaseTextField } from "../modules/cases/template";
import type { FieldErrors } from "../modules/platform/validation";
import { ErrorSummary, SelectField, TextAreaField, TextField } from "./forms";
import { MarkdownEditor } from "./markdown-editor";
import { errorsOf, TagPicker, type TagGroupView } from "./topic-fields";
import { useThreadUi } from "./thread-ui";

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

const sectionKeys: Record<CaseTextField, { label: MessageKey; hint: MessageKey }> = {
  situation: { label: "cases.form.situation", hint: "cases.form.situationHint" },
  actionsTaken: { label: "cases.form.actionsTaken", hint: "cases.form.actionsTakenHint" },
  outcome: { label: "cases.form.outcome", hint: "cases.form.outcomeHint" },
  lessons: { label: "cases.form.lessons", hint: "cases.form.lessonsHint" },
  questions: { label: "cases.form.questions", hint: "cases.form.questionsHint" },
};

export const fieldLabelKey = (field: string): MessageKey | undefined =>
  field === "title" ? "cases.form.title" : field === "context.notes" ? "cases.form.notes" : sectionKeys[field as CaseTextField]?.label;

function Check({ name, label, hint, errors, defaultChecked }: { name: string; label: ReactNode; hint?: ReactNode; errors?: string[]; defaultChecked?: boolean }) {
  const described = [hint ? `hint-${name}` : null, errors?.length ? `error-${name}` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={errors?.length ? "field case-check field-invalid" : "field case-check"}>
      <label className="checkbox" htmlFor={`field-${name}`}>
        <input
          type="checkbox"
          id={`field-${name}`}
          name={name}
          defaultChecked={defaultChecked}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={described}
        />
        <span>{label}</span>
      </label>
      {hint ? (
        <p className="hint" id={`hint-${name}`}>
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p className="field-error" id={`error-${name}`}>
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The structured case form (new and edit): title, context, the story's sections, tags, language, and the safety
 * checks. Personal-data findings come back as the fields' errors; sensitive topics as warnings above the checks.
 */
export function CaseFormFields({
  values,
  errors,
  warnings,
  findings,
  tagGroups,
  languages,
  draftPrefix,
}: {
  values: CaseFormValues;
  errors?: FieldErrors;
  /** Sensitive topics (health, disability, religion): said, never blocking. */
  warnings?: ShownFinding[];
  /** Whether the last submission found what looks like personal data (offers to send it for review). */
  findings: boolean;
  tagGroups: TagGroupView[];
  languages: string[];
  /** localStorage prefix for the markdown fields' browser drafts. */
  draftPrefix: string;
}) {
  const { t } = useThreadUi();
  const locale = useLocale();
  const listLabel = (prefix: string, value: string) => {
    const key = `${prefix}.${value}`;
    return isMessageKey(key) ? t(key) : value;
  };
  const sections = templateFor(currentTemplateVersion).sections;
  return (
    <>
      <fieldset className="case-fieldset">
        <legend>{t("cases.form.about")}</legend>
        <TextField
          name="title"
          label={t("cases.form.title")}
          hint={t("cases.form.titleHint")}
          required
          maxLength={200}
          autoComplete="off"
          defaultValue={values.title}
          errors={errors?.title}
        />
        <fieldset className="case-context-fields" id="field-context">
          <legend>{t("cases.form.context")}</legend>
          <p className="hint">{t("cases.form.contextHint")}</p>
          <div className="case-context-grid">
            <SelectField
              name="context.programme"
              label={t("cases.form.programme")}
              optional
              defaultValue={values.context.programme}
              errors={errors?.["context.programme"]}
              options={[{ value: "", label: t("cases.form.programmeChoose") }, ...programmes.map((p) => ({ value: p, label: listLabel("cases.programme", p) }))]}
            />
            <SelectField
              name="context.learnerProfile"
              label={t("cases.form.learnerProfile")}
              optional
              defaultValue={values.context.learnerProfile}
              errors={errors?.["context.learnerProfile"]}
              options={[{ value: "", label: t("cases.form.programmeChoose") }, ...learnerProfiles.map((p) => ({ value: p, label: listLabel("cases.learnerProfile", p) }))]}
            />
            <TextField
              name="context.week"
              label={t("cases.form.week")}
              hint={t("cases.form.weekHint")}
              optional
              type="number"
              inputMode="numeric"
              min={0}
              max={200}
              step={1}
              defaultValue={values.context.week}
              errors={errors?.["context.week"]}
            />
            <TextField
              name="context.groupSize"
              label={t("cases.form.groupSize")}
              hint={t("cases.form.groupSizeHint")}
              optional
              type="number"
              inputMode="numeric"
              min={1}
              max={500}
              step={1}
              defaultValue={values.context.groupSize}
              errors={errors?.["context.groupSize"]}
            />
          </div>
          <TextAreaField name="context.notes" label={t("cases.form.notes")} optional rows={3} maxLength={1000} defaultValue={values.context.notes} errors={errors?.["context.notes"]} />
        </fieldset>
      </fieldset>

      <fieldset className="case-fieldset">
        <legend>{t("cases.form.story")}</legend>
        {sections.map(({ field, required }) => (
          <div key={field} className="case-section-field">
            <MarkdownEditor
              name={field}
              label={
                required ? (
                  t(sectionKeys[field].label)
                ) : (
                  <>
                    {t(sectionKeys[field].label)} <span className="muted">({t("form.optional")})</span>
                  </>
                )
              }
              hint={t(sectionKeys[field].hint)}
              defaultValue={values[field]}
              errors={errors?.[field]}
              draftKey={`${draftPrefix}:${field}`}
              rows={field === "situation" ? 10 : 6}
              required={required}
            />
          </div>
        ))}
      </fieldset>

      <TagPicker groups={tagGroups} selected={values.tags} errors={errorsOf(errors, "tags")} />
      <SelectField
        name="language"
        label={t("cases.form.language")}
        hint={t("cases.form.languageHint")}
        defaultValue={values.language}
        errors={errors?.language}
        options={languages.map((code) => ({ value: code, label: languageName(code, locale) }))}
      />

      <SensitiveTopicWarnings warnings={warnings} />

      <fieldset className="case-fieldset case-safety">
        <legend>{t("cases.form.safety")}</legend>
        <Check name="anonymous" label={t("cases.form.anonymous")} hint={t("cases.form.anonymousHint")} defaultChecked={values.anonymous} />
        <Check
          name="noIdentifiablePeople"
          label={<strong>{t("cases.form.noIdentifiablePeople")}</strong>}
          hint={t("cases.form.noIdentifiablePeopleHint")}
          errors={errors?.noIdentifiablePeople}
          defaultChecked={values.noIdentifiablePeople}
        />
        {findings ? (
          <div className="case-acknowledge">
            <p className="case-findings-note">
              <strong>{t("cases.form.findingsTitle")}.</strong> {t("cases.form.findingsBody")}
            </p>
            <Check name="acknowledgeWarnings" label={t("cases.form.acknowledge")} hint={t("cases.form.acknowledgeHint")} defaultChecked={values.acknowledgeWarnings} />
          </div>
        ) : null}
      </fieldset>
    </>
  );
}

type RawFinding = { field: string; kind: string; match: string };

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

/** Above the form: the result of "check the text", or what a submission that failed got wrong. */
export function CaseFormNotices({ result }: { result?: { checked?: "clean" | "findings"; errors?: FieldErrors; formError?: string } }) {
  const { t } = useThreadUi();
  if (result?.checked === "clean") {
    return (
      <p className="alert alert-ok" role="status">
        {t("cases.form.checkedClean")}
      </p>
    );
  }
  if (result?.checked === "findings") {
    return (
      <p className="alert alert-error" role="status">
        {t("cases.form.checkedFindings")}
      </p>
    );
  }
  return <ErrorSummary errors={result?.errors} formError={result?.formError} />;
}

/** Sensitive topics the text mentions (health, disability, religion): a reminder, not a refusal. */
export function SensitiveTopicWarnings({ warnings }: { warnings?: ShownFinding[] }) {
  const { t } = useThreadUi();
  if (!warnings?.length) return null;
  return (
    <div className="alert alert-warning case-warnings" role="status">
      <p>
        <strong>{t("cases.form.warningsTitle")}</strong>
      </p>
      <p>{t("cases.form.warningsBody")}</p>
      <ul>
        {warnings.map((w, i) => (
          <li key={`${w.field}-${i}`}>{w.message}</li>
        ))}
      </ul>
    </div>
  );
}
