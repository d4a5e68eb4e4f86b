import { and, inArray, isNull, sql } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { queryRows } from "../../../db/client";
import { users } from "../../../db/schema";
import type { AuthUser } from "../accounts/auth.server";
import { can } from "../accounts/permissions";
import { DomainError } from "../platform/errors";
import { renderMarkdown, type RenderedMarkdown } from "./markdown";

/** Active members among the handles a text mentions (handle → id), so that only real people become links. */
export async function knownHandles(db: Queryable, mentions: string[]): Promise<Map<string, string>> {
  if (mentions.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, handle: users.handle })
    .from(users)
    .where(and(inArray(users.handle, mentions), isNull(users.deactivatedAt), isNull(users.erasedAt)));
  return new Map(rows.map((r) => [r.handle, r.id]));
}

/** Markdown → sanitised HTML with the handles of active members linked, and the ids of the people mentioned. */
export async function renderWithMentions(db: Queryable, body: string): Promise<RenderedMarkdown & { mentionedIds: string[] }> {
  const firstPass = renderMarkdown(body);
  const known = await knownHandles(db, firstPass.mentions);
  const rendered = known.size === firstPass.mentions.length ? firstPass : renderMarkdown(body, { knownHandles: new Set(known.keys()) });
  return { ...rendered, mentionedIds: [...known.values()] };
}

/** What a text will look like once posted: the same rendering as on write, nothing stored, nobody notified. */
export async function previewMarkdown(db: Queryable, actor: AuthUser | null, body: string): Promise<{ html: string }> {
  if (!can(actor, { action: "post:reply" })) throw new DomainError(401, "auth.signInRequired");
  const { html } = await renderWithMentions(db, body);
  return { html };
}

export type MentionCandidate = { handle: string; name: string };

/** Lowercase, without accents, for comparing what someone types with names (Hélène ~ helene). */
export const foldForSearch = (value: string) => value.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/**
 * Up to `limit` active members whose handle, name or a word of their name starts with what was typed after `@`,
 * accent- and case-insensitive; exact handle starts first.
 */
export async function searchMentions(db: Queryable, actor: AuthUser | null, query: string, limit = 8): Promise<MentionCandidate[]> {
  if (!can(actor, { action: "discussion:read" })) throw new DomainError(401, "auth.signInRequired");
  const q = foldForSearch(query.trim().replace(/^@/, ""));
  if (!q) return [];
  const prefix = `${q.replace(/[\\%_]/g, (c) => "\\" + c)}%`;
  const rows = await queryRows<{ handle: string; name: string }>(
    db,
    sql`select handle, name from (
          select u.handle, u.name, lower(unaccent(u.name)) as folded
          from users u
          where u.deactivated_at is null and u.erased_at is null
        ) m
        where m.handle like ${prefix} or m.folded like ${prefix} or m.folded like ${"% " + prefix} or m.folded like ${"%-" + prefix}
        order by (m.handle like ${prefix}) desc, (m.folded like ${prefix}) desc, m.name, m.handle
        limit ${Math.min(Math.max(limit, 1), 20)}`,
  );
  return rows.map((r) => ({ handle: r.handle, name: r.name }));
}

/** What a topic form sent, as typed (echoed back on an error so nothing is lost). */
export type TopicFormValues = { categoryId: string; title: string; body: string; tags: string[]; language: string };

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

export function readTopicForm(form: FormData): TopicFormValues {
  return {
    categoryId: text(form, "categoryId"),
    title: text(form, "title"),
    body: text(form, "body"),
    tags: form.getAll("tags").filter((v): v is string => typeof v === "string" && v !== ""),
    language: text(form, "language"),
  };
}

export function readPostForm(form: FormData): { body: string } {
  return { body: text(form, "body") };
}

/**
 * Submissions whose session had expired. The action re-renders the form with what was typed instead of redirecting
 * to the sign-in page; the page's loader (run in the same request, for a browser without JavaScript) must then not
 * redirect either, and shows nothing but the form.
 */
const signedOutSubmissions = new WeakSet<object>();
export const markSignedOutSubmission = (context: object) => signedOutSubmissions.add(context);
export const isSignedOutSubmission = (context: object) => signedOutSubmissions.has(context);
