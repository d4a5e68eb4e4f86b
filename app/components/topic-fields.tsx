import { useLocation } from "@remix-run/react";
import { isMessageKey } from "../i18n";
import { useT } from "../i18n/react";
import { SelectField, type FieldErrors } from "./forms";

export type TagGroupView = { group: string; tags: { slug: string; label: string }[] };
export type CategoryOption = { id: string; name: string };

/** The taxonomy's tags, grouped in the order the server sent them. */
export function groupTags(tags: { slug: string; label: string; group: string }[]): TagGroupView[] {
  const groups = new Map<string, TagGroupView>();
  for (const tag of tags) {
    const entry = groups.get(tag.group) ?? { group: tag.group, tags: [] };
    entry.tags.push({ slug: tag.slug, label: tag.label });
    groups.set(tag.group, entry);
  }
  for (const entry of groups.values()) entry.tags.sort((a, b) => a.label.localeCompare(b.label));
  return [...groups.values()];
}

/** Errors of a field and its items (`tags`, `tags.0`…), together. */
export function errorsOf(errors: FieldErrors | undefined, field: string): string[] | undefined {
  if (!errors) return undefined;
  const found = Object.entries(errors)
    .filter(([key]) => key === field || key.startsWith(`${field}.`))
    .flatMap(([, messages]) => messages ?? []);
  return found.length ? [...new Set(found)] : undefined;
}

export function CategorySelect({ categories, defaultValue, errors }: { categories: CategoryOption[]; defaultValue?: string; errors?: string[] }) {
  const t = useT();
  return (
    <SelectField
      name="categoryId"
      label={t("composer.field.category")}
      required
      defaultValue={defaultValue ?? ""}
      errors={errors}
      options={[{ value: "", label: t("composer.field.categoryChoose") }, ...categories.map((c) => ({ value: c.id, label: c.name }))]}
    />
  );
}

/** Tags as checkboxes, one fieldset per group; works without JavaScript. */
export function TagPicker({ groups, selected, errors }: { groups: TagGroupView[]; selected: string[]; errors?: string[] }) {
  const t = useT();
  const chosen = new Set(selected);
  if (groups.length === 0) return null;
  return (
    <fieldset className={errors?.length ? "field-invalid" : undefined} id="field-tags" aria-describedby={errors?.length ? "hint-tags error-tags" : "hint-tags"}>
      <legend>
        {t("composer.field.tags")} <span className="muted">({t("form.optional")})</span>
      </legend>
      <p className="hint" id="hint-tags">
        {t("composer.field.tagsHint")}
      </p>
      <div className="tag-groups">
        {groups.map((g) => {
          const key = `composer.tagGroup.${g.group}`;
          return (
            <fieldset key={g.group} className="tag-group">
              <legend>{isMessageKey(key) ? t(key) : g.group}</legend>
              <ul>
                {g.tags.map((tag) => (
                  <li key={tag.slug}>
                    <label className="checkbox">
                      <input type="checkbox" name="tags" value={tag.slug} defaultChecked={chosen.has(tag.slug)} />
                      <span>{tag.label}</span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          );
        })}
      </div>
      {errors?.length ? (
        <p className="field-error" id="error-tags">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Said when a form came back because the session had expired: sign in elsewhere, then send again from here. */
export function SessionExpiredNotice() {
  const t = useT();
  const location = useLocation();
  return (
    <div className="alert alert-info session-expired" role="alert">
      <p>{t("form.sessionExpired")}</p>
      <p>
        <a href={`/login?redirectTo=${encodeURIComponent(location.pathname)}`} target="_blank" rel="noopener noreferrer">
          {t("composer.session.signIn")}
        </a>{" "}
        {t("composer.session.thenSend")}
      </p>
    </div>
  );
}

/** Keeps what a reduced form (expired session) does not show, so that sending again changes nothing else. */
export function HiddenValues({ values }: { values: { name: string; value: string }[] }) {
  return (
    <>
      {values.map((v, i) => (
        <input key={`${v.name}-${i}`} type="hidden" name={v.name} value={v.value} />
      ))}
    </>
  );
}
