import type { ReactNode } from "react";
import { isMessageKey, languageName } from "../i18n";
import { useLocale } from "../i18n/react";
import { currentTemplateVersion, learnerProfiles, programmes, templateFor } from "../modules/cases/template";
import { sectionKeys, type CaseFormValues, type ShownFinding } from "../modules/cases/form-values";
import type { FieldErrors } from "../modules/platform/validation";
import { ErrorSummary, SelectField, TextAreaField, TextField } from "./forms";
import { MarkdownEditor } from "./markdown-editor";
import { errorsOf, TagPicker, type TagGroupView } from "./topic-fields";
import { useThreadUi } from "./thread-ui";

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
