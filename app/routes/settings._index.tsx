import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { getMember, updateProfile } from "~/modules/accounts/users.server";
import { languageEntrySchema, profilePatchSchema } from "~/modules/accounts/schemas";
import { notFoundResponse, requirePermission, translatorFor } from "~/modules/platform/context.server";
import { DomainError } from "~/modules/platform/errors";
import { parseWith, translateFieldErrors, type FieldErrors } from "~/modules/platform/validation";
import { ErrorSummary, SelectField, SubmitButton, TextAreaField, TextField } from "~/components/forms";
import { Page } from "~/components/layout";
import { languageName, languageNames, type Translate } from "~/i18n";
import { useLocale, useT } from "~/i18n/react";

/** What the form shows: the saved profile, or what the person typed. */
type ProfileValues = {
  name: string;
  handle: string;
  bio: string;
  skills: string;
  languages: { code: string; level: string }[];
  openToMobility: boolean;
  locale: string;
};

const emptyLanguageRows = 2;
const maxLanguageRows = 14;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requirePermission(context, request, { action: "settings:manage" });
  const member = await getMember(context.services.db, user.id);
  if (!member) throw notFoundResponse();
  const values: ProfileValues = {
    name: member.name,
    handle: member.handle,
    bio: member.bio,
    skills: member.skills.join(", "),
    languages: member.languages.map((l) => ({ code: l.code, level: l.level })),
    openToMobility: member.openToMobility,
    locale: member.locale ?? "",
  };
  return { values, handle: member.handle, levels: languageEntrySchema.shape.level.options };
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/** Reads the indexed language rows (`languages.0.code`…) and drops the rows left blank. */
function readLanguageRows(form: FormData) {
  const rows: { code: string; level: string }[] = [];
  for (let i = 0; i < maxLanguageRows; i++) {
    const code = text(form, `languages.${i}.code`).trim();
    const level = text(form, `languages.${i}.level`).trim();
    if (code || level) rows.push({ code, level });
  }
  return rows;
}

/** zod reports `skills.3`; the form has one skills field. Rows with a level but no language get a plain message. */
function formErrors(errors: FieldErrors, values: ProfileValues, t: Translate): FieldErrors {
  const out: FieldErrors = {};
  for (const [field, messages] of Object.entries(errors)) {
    const key = field.startsWith("skills.") ? "skills" : field;
    (out[key] ??= []).push(...messages.filter((m) => !out[key]?.includes(m)));
  }
  values.languages.forEach((row, i) => {
    if (!row.code) out[`languages.${i}.code`] = [t("settings.profile.languageMissing")];
  });
  return out;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requirePermission(context, request, { action: "settings:manage" });
  const t = translatorFor(context);
  const form = await request.formData();
  const values: ProfileValues = {
    name: text(form, "name"),
    handle: text(form, "handle"),
    bio: text(form, "bio"),
    skills: text(form, "skills"),
    languages: readLanguageRows(form),
    openToMobility: form.get("openToMobility") === "on",
    locale: text(form, "locale"),
  };
  const parsed = parseWith(
    profilePatchSchema,
    {
      name: values.name,
      handle: values.handle,
      bio: values.bio,
      skills: values.skills,
      languages: values.languages,
      openToMobility: values.openToMobility,
      locale: values.locale === "" ? null : values.locale,
    },
    t,
  );
  if (!parsed.ok) return data({ errors: formErrors(parsed.errors, values, t), formError: undefined, values }, { status: 422 });
  try {
    await updateProfile(context.services.db, user.id, parsed.data);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return data(
      { errors: translateFieldErrors(error.options.fieldErrors, t), formError: t(error.messageKey, error.options.params), values },
      { status: error.status },
    );
  }
  return redirect("/settings?saved=1");
}

export default function ProfileSettings() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  const values = result?.values ?? loaded.values;
  const errors: FieldErrors = result?.errors ?? {};
  const rows = [...values.languages, ...Array.from({ length: emptyLanguageRows }, () => ({ code: "", level: "" }))];
  const codes = [...new Set([...Object.keys(languageNames), ...values.languages.map((l) => l.code).filter(Boolean)])];
  const languageOptions = [
    { value: "", label: t("settings.profile.languageChoose") },
    ...codes
      .map((code) => ({ value: code, label: languageName(code, locale) }))
      .sort((a, b) => a.label.localeCompare(b.label, locale)),
  ];
  const levelOptions = [
    { value: "", label: t("settings.profile.levelChoose") },
    ...loaded.levels.map((level) => ({ value: level, label: t(`settings.level.${level}` as const) })),
  ];
  return (
    <Page
      title={t("settings.profile.title")}
      intro={t("settings.profile.intro")}
      actions={
        <Link to={`/people/${loaded.handle}`} className="button button-secondary">
          {t("settings.profile.viewPublic")}
        </Link>
      }
    >
      {params.get("saved") && !result ? (
        <div className="alert alert-ok" role="status">
          {t("settings.profile.saved")}
        </div>
      ) : null}
      <div className="card">
        <ErrorSummary errors={result?.errors} formError={result?.formError} />
        <Form method="post" noValidate key={result ? "edited" : JSON.stringify(loaded.values)}>
          <TextField
            name="name"
            label={t("settings.profile.name")}
            autoComplete="name"
            required
            maxLength={100}
            defaultValue={values.name}
            errors={errors.name}
          />
          <TextField
            name="handle"
            label={t("settings.profile.handle")}
            hint={t("settings.profile.handleHint", { handle: loaded.handle })}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            maxLength={40}
            defaultValue={values.handle}
            errors={errors.handle}
          />
          <TextAreaField
            name="bio"
            label={t("settings.profile.bio")}
            hint={t("settings.profile.bioHint")}
            optional
            maxLength={1000}
            defaultValue={values.bio}
            errors={errors.bio}
          />
          <TextField
            name="skills"
            label={t("settings.profile.skills")}
            hint={t("settings.profile.skillsHint")}
            optional
            defaultValue={values.skills}
            errors={errors.skills}
          />
          <fieldset>
            <legend>{t("settings.profile.languages")}</legend>
            <p className="hint">{t("settings.profile.languagesHint")}</p>
            {errors.languages?.length ? <p className="field-error">{errors.languages.join(" ")}</p> : null}
            {rows.map((row, i) => (
              <div className="grid" key={i}>
                <SelectField
                  name={`languages.${i}.code`}
                  label={t("settings.profile.languageN", { n: i + 1 })}
                  options={languageOptions}
                  defaultValue={row.code}
                  errors={errors[`languages.${i}.code`]}
                />
                <SelectField
                  name={`languages.${i}.level`}
                  label={t("settings.profile.levelN", { n: i + 1 })}
                  options={levelOptions}
                  defaultValue={row.level}
                  errors={errors[`languages.${i}.level`]}
                />
              </div>
            ))}
          </fieldset>
          <div className="field">
            <div className="checkbox">
              <input
                type="checkbox"
                id="field-openToMobility"
                name="openToMobility"
                defaultChecked={values.openToMobility}
                aria-describedby="hint-openToMobility"
              />
              <label htmlFor="field-openToMobility">{t("settings.profile.openToMobility")}</label>
            </div>
            <p className="hint" id="hint-openToMobility">
              {t("settings.profile.openToMobilityHint")}
            </p>
          </div>
          <SelectField
            name="locale"
            label={t("settings.profile.locale")}
            hint={t("settings.profile.localeHint")}
            options={[
              { value: "", label: t("settings.profile.localeAuto") },
              { value: "fr", label: "Français" },
              { value: "en", label: "English" },
            ]}
            defaultValue={values.locale}
            errors={errors.locale}
          />
          <div className="actions">
            <SubmitButton>{t("settings.profile.submit")}</SubmitButton>
          </div>
        </Form>
      </div>
    </Page>
  );
}
