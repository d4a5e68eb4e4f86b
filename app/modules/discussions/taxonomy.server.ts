import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Database, Queryable } from "../../../db/client";
import { categories, tags, topicTags, topics, type ContentLanguage } from "../../../db/schema";
import type { Locale, Translate } from "../../i18n";
import { DomainError, invalidField } from "../platform/errors";
import { keptPerDatabase } from "../platform/kept.server";
import { paramIssue, type ParamIssue } from "../platform/params";

export type CategoryView = { id: string; slug: string; name: string; description: string; position: number };

/** Read on every discussion page: kept for a minute (`keptPerDatabase`), forgotten by this instance's writes. */
const keptCategories = keptPerDatabase(60_000, (db) => (db as Queryable).select().from(categories).orderBy(asc(categories.position), asc(categories.id)));

export async function listCategories(db: Queryable, locale: Locale): Promise<CategoryView[]> {
  const rows = await keptCategories.get(db);
  return rows.map((c) => ({
    id: c.id,
    slug: c.id,
    name: locale === "fr" ? c.nameFr : c.nameEn,
    description: locale === "fr" ? c.descriptionFr : c.descriptionEn,
    position: c.position,
  }));
}

export type TagView = { slug: string; label: string; group: string; count: number; labels: Record<string, string> };

export const tagLabel = (labels: Record<string, string | undefined>, locale: Locale | ContentLanguage) => labels[locale] ?? labels.en ?? labels.fr ?? "";

/** The shared taxonomy with how many visible topics use each tag. */
export async function listTags(db: Queryable, locale: Locale): Promise<TagView[]> {
  const rows = await db
    .select({
      slug: tags.slug,
      group: tags.group,
      labels: tags.labels,
      count: sql<number>`(select count(*)::int from ${topicTags} tt join ${topics} t on t.id = tt.topic_id
        where tt.tag_slug = ${tags.slug} and t.visibility = 'visible')`,
    })
    .from(tags)
    .orderBy(asc(tags.group), asc(tags.slug));
  return rows.map((t) => ({ slug: t.slug, group: t.group, labels: t.labels, label: tagLabel(t.labels, locale), count: t.count }));
}

/**
 * What a list filter names that does not exist (tags, a category): each a parameter issue, so that the list says
 * so (400 naming `tag` or `category`) rather than answering an empty list.
 */
export async function unknownFilterValues(db: Queryable, t: Translate, filter: { tag?: string[]; category?: string }): Promise<ParamIssue[]> {
  const issues: ParamIssue[] = [];
  if (filter.tag?.length) {
    const found = new Set((await db.select({ slug: tags.slug }).from(tags).where(inArray(tags.slug, filter.tag))).map((r) => r.slug));
    const missing = filter.tag.filter((slug) => !found.has(slug));
    if (missing.length) issues.push(paramIssue(t, "tag", "param.expected.unknownTag", { value: missing.join(", ") }));
  }
  if (filter.category) {
    const [row] = await db.select({ id: categories.id }).from(categories).where(eq(categories.id, filter.category));
    if (!row) issues.push(paramIssue(t, "category", "param.expected.unknownCategory", { value: filter.category }));
  }
  return issues;
}

/**
 * The taxonomy with its use counts, read on every list and topic page and costly to count on a big forum: kept for
 * half a minute (a renamed tag shows its new label within that on other instances), forgotten by this instance's
 * writes.
 */
const keptTags = keptPerDatabase(30_000, (db) => listTags(db as Queryable, "en"));

export async function tagsFor(db: Queryable, locale: Locale): Promise<{ slug: string; label: string; group: string; count: number; labels: Record<string, string> }[]> {
  const all = await keptTags.get(db);
  return all.map((t) => ({ slug: t.slug, group: t.group, count: t.count, labels: t.labels, label: tagLabel(t.labels, locale) }));
}

/** Every tag named must exist; an unknown one is a field error, not a silent drop. */
export async function assertTagsExist(db: Queryable, slugs: string[], field = "tags") {
  if (slugs.length === 0) return;
  const found = await db.select({ slug: tags.slug }).from(tags).where(inArray(tags.slug, slugs));
  if (found.length !== slugs.length) throw invalidField(field, "discussions.tagUnknown");
}

export async function assertCategoryExists(db: Queryable, id: string) {
  const [found] = await db.select({ id: categories.id }).from(categories).where(eq(categories.id, id));
  if (!found) throw invalidField("categoryId", "discussions.categoryUnknown");
}

/** Creates a category; an existing identifier is a conflict (the API), where the leads' form updates it. */
export async function createCategory(db: Database, input: Parameters<typeof upsertCategory>[1]) {
  const inserted = await db.insert(categories).values(input).onConflictDoNothing().returning({ id: categories.id });
  keptCategories.forget();
  if (inserted.length === 0) throw new DomainError(409, "discussions.categoryExists", { fieldErrors: { id: ["discussions.categoryExists"] } });
}

export async function upsertCategory(
  db: Database,
  input: { id: string; nameFr: string; nameEn: string; descriptionFr?: string; descriptionEn?: string; position?: number },
) {
  await db
    .insert(categories)
    .values(input)
    .onConflictDoUpdate({
      target: categories.id,
      set: { nameFr: input.nameFr, nameEn: input.nameEn, descriptionFr: input.descriptionFr ?? "", descriptionEn: input.descriptionEn ?? "", position: input.position ?? 0 },
    });
  keptCategories.forget();
}

export async function upsertTag(db: Database, input: { slug: string; group: string; labels: { fr: string; en: string } & Record<string, string> }) {
  await db.insert(tags).values(input).onConflictDoUpdate({ target: tags.slug, set: { group: input.group, labels: input.labels } });
  keptTags.forget();
}

/** Merging moves every use of `from` to `into`, then removes `from`; one transaction. */
export async function mergeTags(db: Database, from: string, into: string) {
  if (from === into) throw new DomainError(409, "problem.conflict");
  await db.transaction(async (tx) => {
    await assertTagsExist(tx, [from, into], "tag");
    await tx.execute(sql`insert into topic_tags (topic_id, tag_slug) select topic_id, ${into} from topic_tags where tag_slug = ${from}
      on conflict do nothing`);
    await tx.delete(topicTags).where(eq(topicTags.tagSlug, from));
    // Case studies keep the merged tag too (case_tags' trigger keeps cases.tag_slugs in step).
    await tx.execute(sql`insert into case_tags (case_id, tag_slug) select case_id, ${into} from case_tags where tag_slug = ${from}
      on conflict do nothing`);
    await tx.execute(sql`delete from case_tags where tag_slug = ${from}`);
    // Followers of the merged tag follow the one that replaces it.
    await tx.execute(sql`insert into subscriptions (user_id, target_type, target_id, level)
      select user_id, 'tag', ${into}, level from subscriptions where target_type = 'tag' and target_id = ${from}
      on conflict do nothing`);
    await tx.execute(sql`delete from subscriptions where target_type = 'tag' and target_id = ${from}`);
    await tx.delete(tags).where(eq(tags.slug, from));
  });
  keptTags.forget();
}
