import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, SelectField, SubmitButton, TextField } from "~/components/forms";
import { Page } from "~/components/layout";
import { useT } from "~/i18n/react";
import { categoryDescription, categoryName, optionalTagLabel, tagLabel } from "~/modules/discussions/schemas";
import { listCategories, listTags, mergeTags, upsertCategory, upsertTag } from "~/modules/discussions/taxonomy.server";
import { categories } from "../../db/schema";
import { requirePermission, translatorFor } from "~/modules/platform/context.server";
import { DomainError } from "~/modules/platform/errors";
import { parseWith, translateFieldErrors } from "~/modules/platform/validation";

const slug = z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9-]{0,48}[a-z0-9]$/, "discussions.manage.slugHint");
const categorySchema = z.object({
  id: slug,
  nameFr: categoryName,
  nameEn: categoryName,
  descriptionFr: categoryDescription,
  descriptionEn: categoryDescription,
  position: z.coerce.number().int().min(0).max(1000),
});
const tagSchema = z.object({
  slug,
  group: z.string().trim().min(2).max(40),
  fr: tagLabel,
  en: tagLabel,
  es: optionalTagLabel,
  ro: optionalTagLabel,
  nl: optionalTagLabel,
});
const mergeSchema = z.object({ from: slug, into: slug });

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(context, request, { action: "taxonomy:manage" });
  const db = context.services.db;
  const [cats, raw, tags] = await Promise.all([
    listCategories(db, context.locale),
    db.select().from(categories).orderBy(categories.position),
    listTags(db, context.locale),
  ]);
  return { categories: cats.map((c) => ({ ...c, raw: raw.find((r) => r.id === c.id)! })), tags };
}

export async function action({ request, context }: ActionFunctionArgs) {
  requirePermission(context, request, { action: "taxonomy:manage" });
  const t = translatorFor(context);
  const form = Object.fromEntries(await request.formData()) as Record<string, string>;
  const intent = form.intent;
  try {
    if (intent === "category") {
      const parsed = parseWith(categorySchema, { ...form, position: form.position || "0" }, t);
      if (!parsed.ok) return data({ intent, errors: parsed.errors, formError: undefined, values: form }, { status: 422 });
      await upsertCategory(context.services.db, parsed.data);
      return redirect("/discussions/manage?saved=category");
    }
    if (intent === "tag") {
      const parsed = parseWith(tagSchema, { es: "", ro: "", nl: "", ...form }, t);
      if (!parsed.ok) return data({ intent, errors: parsed.errors, formError: undefined, values: form }, { status: 422 });
      const { slug: tagSlug, group, ...labels } = parsed.data;
      await upsertTag(context.services.db, { slug: tagSlug, group, labels: Object.fromEntries(Object.entries(labels).filter(([, v]) => v)) as { fr: string; en: string } });
      return redirect("/discussions/manage?saved=tag");
    }
    if (intent === "merge") {
      const parsed = parseWith(mergeSchema, form, t);
      if (!parsed.ok) return data({ intent, errors: parsed.errors, formError: undefined, values: form }, { status: 422 });
      await mergeTags(context.services.db, parsed.data.from, parsed.data.into);
      return redirect("/discussions/manage?saved=merge");
    }
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return data(
      { intent, errors: translateFieldErrors(error.options.fieldErrors, t), formError: t(error.messageKey, error.options.params), values: form },
      { status: error.status },
    );
  }
  return data({ intent, errors: undefined, formError: t("validation.invalidChoice"), values: form }, { status: 400 });
}

export default function ManageTaxonomy() {
  const { categories: cats, tags } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const saved = params.get("saved");
  const errorsFor = (intent: string) => (result?.intent === intent ? result : undefined);
  const groups = [...new Set(tags.map((tag) => tag.group))];
  return (
    <Page title={t("discussions.manage.title")} intro={t("discussions.manage.intro")}>
      {saved ? (
        <p className="alert alert-ok" role="status">
          {t("discussions.manage.saved")}
        </p>
      ) : null}
      <section aria-labelledby="categories-title">
        <h2 id="categories-title">{t("discussions.manage.categories")}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("discussions.manage.slug")}</th>
                <th scope="col">{t("discussions.manage.names")}</th>
                <th scope="col">{t("discussions.manage.position")}</th>
              </tr>
            </thead>
            <tbody>
              {cats.map((c) => (
                <tr key={c.id}>
                  <td>
                    <code>{c.id}</code>
                  </td>
                  <td>
                    {c.raw.nameFr} / {c.raw.nameEn}
                  </td>
                  <td>{c.position}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="card">
          <h3>{t("discussions.manage.categoryForm")}</h3>
          <p className="hint">{t("discussions.manage.categoryFormHint")}</p>
          <ErrorSummary errors={errorsFor("category")?.errors} formError={errorsFor("category")?.formError} />
          <Form method="post">
            <input type="hidden" name="intent" value="category" />
            <TextField name="id" label={t("discussions.manage.slug")} hint={t("discussions.manage.slugHint")} required defaultValue={errorsFor("category")?.values.id} errors={errorsFor("category")?.errors?.id} />
            <TextField name="nameFr" label={t("discussions.manage.nameFr")} required defaultValue={errorsFor("category")?.values.nameFr} errors={errorsFor("category")?.errors?.nameFr} />
            <TextField name="nameEn" label={t("discussions.manage.nameEn")} required defaultValue={errorsFor("category")?.values.nameEn} errors={errorsFor("category")?.errors?.nameEn} />
            <TextField name="descriptionFr" label={t("discussions.manage.descriptionFr")} optional defaultValue={errorsFor("category")?.values.descriptionFr} errors={errorsFor("category")?.errors?.descriptionFr} />
            <TextField name="descriptionEn" label={t("discussions.manage.descriptionEn")} optional defaultValue={errorsFor("category")?.values.descriptionEn} errors={errorsFor("category")?.errors?.descriptionEn} />
            <TextField name="position" type="number" label={t("discussions.manage.position")} optional defaultValue={errorsFor("category")?.values.position ?? "10"} errors={errorsFor("category")?.errors?.position} />
            <SubmitButton intent="category">{t("form.save")}</SubmitButton>
          </Form>
        </div>
      </section>
      <section aria-labelledby="tags-title">
        <h2 id="tags-title">{t("discussions.manage.tags")}</h2>
        {groups.map((group) => (
          <div key={group}>
            <h3>{group}</h3>
            <ul className="tags">
              {tags
                .filter((tag) => tag.group === group)
                .map((tag) => (
                  <li key={tag.slug} className="tag">
                    {tag.label} <span className="muted">({tag.slug}, {t("discussions.manage.uses", { count: tag.count })})</span>
                  </li>
                ))}
            </ul>
          </div>
        ))}
        <div className="card">
          <h3>{t("discussions.manage.tagForm")}</h3>
          <p className="hint">{t("discussions.manage.tagFormHint")}</p>
          <ErrorSummary errors={errorsFor("tag")?.errors} formError={errorsFor("tag")?.formError} />
          <Form method="post">
            <input type="hidden" name="intent" value="tag" />
            <TextField name="slug" label={t("discussions.manage.slug")} hint={t("discussions.manage.slugHint")} required defaultValue={errorsFor("tag")?.values.slug} errors={errorsFor("tag")?.errors?.slug} />
            <TextField name="group" label={t("discussions.manage.group")} hint={groups.join(", ")} required defaultValue={errorsFor("tag")?.values.group} errors={errorsFor("tag")?.errors?.group} />
            {(["fr", "en", "es", "ro", "nl"] as const).map((lang) => (
              <TextField key={lang} name={lang} label={t("discussions.manage.label", { lang: lang.toUpperCase() })} required={lang === "fr" || lang === "en"} optional={lang !== "fr" && lang !== "en"} defaultValue={errorsFor("tag")?.values[lang]} errors={errorsFor("tag")?.errors?.[lang]} />
            ))}
            <SubmitButton intent="tag">{t("form.save")}</SubmitButton>
          </Form>
        </div>
        <div className="card">
          <h3>{t("discussions.manage.mergeForm")}</h3>
          <p className="hint">{t("discussions.manage.mergeHint")}</p>
          <ErrorSummary errors={errorsFor("merge")?.errors} formError={errorsFor("merge")?.formError} />
          <Form method="post">
            <input type="hidden" name="intent" value="merge" />
            <SelectField name="from" label={t("discussions.manage.mergeFrom")} options={tags.map((tag) => ({ value: tag.slug, label: `${tag.label} (${tag.slug})` }))} errors={errorsFor("merge")?.errors?.from} />
            <SelectField name="into" label={t("discussions.manage.mergeInto")} options={tags.map((tag) => ({ value: tag.slug, label: `${tag.label} (${tag.slug})` }))} errors={errorsFor("merge")?.errors?.into} />
            <SubmitButton intent="merge" className="button button-danger">
              {t("discussions.manage.merge")}
            </SubmitButton>
          </Form>
        </div>
      </section>
    </Page>
  );
}
