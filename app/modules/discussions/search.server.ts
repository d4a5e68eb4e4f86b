import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { queryRows } from "../../../db/client";
import { contentLanguages, type ContentLanguage } from "../../../db/schema/discussions";
import type { Services } from "../platform/services";
import { can, type Actor } from "../accounts/permissions";
import { DomainError } from "../platform/errors";
import { searchMaxOffset as maxOffset, searchQueryMaxLength, type SearchParams, type searchTypes } from "./schemas";
import { postPath, topicPath } from "./topics.server";

/**
 * Full-text search over discussions (topics and replies; case studies plug in as a third source).
 *
 * Matching: each document carries `search` (stemmed and unaccented in its own language, migration 0003) and
 * `search_plain` (unstemmed, unaccented). A query matches `search` through the union of its stemmed forms in every
 * language configuration (one GIN-indexable `@@`), or `search_plain` through prefixes of its words and of its stems,
 * so that pairs the French stemmer splits still meet (conflit → confl, conflits → conflit).
 *
 * Cost: each source ranks at most its `candidateLimit` most recent matches with ts_rank_cd (see `boundedCandidates`),
 * so a word found in most posts costs a short walk down the primary key rather than ranking the whole table, a
 * moderately common query a GIN lookup ANDed with the newest ids, and a rare word a GIN lookup; the indexes are asked
 * with whole words where the query has prefixes (see `indexQuery`). Snippets (ts_headline) are computed for the final
 * page only.
 */

export { searchFiltersSchema, searchQueryMaxLength, searchTextSchema, searchTypes, type SearchParams } from "./schemas";
export type SearchType = (typeof searchTypes)[number];

/** The most recent matches each source ranks. */
export const candidateLimit = 200;

const configs: Record<ContentLanguage, string> = { fr: "dc_french", en: "dc_english", es: "dc_spanish", ro: "dc_romanian", nl: "dc_dutch" };

export type SearchFilters = {
  type?: SearchType;
  /** Every tag must be on the topic (AND). */
  tags: string[];
  language?: ContentLanguage;
  category?: string;
  /** An author's handle. */
  author?: string;
  from?: Date;
  /** Exclusive upper bound. */
  before?: Date;
};

export type SearchRequest = SearchFilters & { q: string; limit: number; offset: number };

export type SearchHit = {
  type: SearchType;
  id: string;
  /** The topic a post belongs to (the topic itself for a topic). */
  topicId: string;
  title: string;
  /** Safe HTML: plain text, escaped, with the matched words in `<mark>`. */
  snippet: string;
  /** Absolute. */
  url: string;
  language: ContentLanguage;
  createdAt: string;
  author: { name: string; handle: string } | null;
};

export type SearchResult = { items: SearchHit[]; nextCursor: string | null };

// ---------------------------------------------------------------------------------------------------------------
// Parameters (the API and the page share them: searchFiltersSchema, searchTextSchema in schemas.ts)

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Turns parsed parameters into filters; a date-only `to` includes that whole day. */
export function searchRequestOf(q: string, params: SearchParams): SearchRequest {
  const before = params.to
    ? isoDate.test(params.to)
      ? new Date(Date.parse(`${params.to}T00:00:00Z`) + 86_400_000)
      : new Date(Date.parse(params.to) + 1)
    : undefined;
  return {
    q,
    type: params.type,
    tags: params.tag,
    language: params.language,
    category: params.category,
    author: params.author,
    from: params.from ? new Date(Date.parse(isoDate.test(params.from) ? `${params.from}T00:00:00Z` : params.from)) : undefined,
    before,
    limit: params.limit,
    offset: params.cursor ?? 0,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Query building

/**
 * A `to_tsquery('dc_simple', …)` text made of the query's own words as prefixes (3 letters or more), keeping
 * websearch's `-word`, `"phrase"` and `or`; null when no word is left. Words are letters, digits and marks only,
 * so nothing the user types reaches the tsquery syntax.
 */
export function plainPrefixQuery(q: string): string | null {
  const groups: { positive: string[]; negative: string[] }[] = [{ positive: [], negative: [] }];
  const tokens = q.normalize("NFC").matchAll(/(-?)"([^"]*)"?|(\S+)/g);
  let words = 0;
  for (const m of tokens) {
    const phrase = m[2] !== undefined;
    let text = phrase ? m[2] : m[3];
    let negated = m[1] === "-";
    if (!phrase && text.toLowerCase() === "or") {
      groups.push({ positive: [], negative: [] });
      continue;
    }
    if (!phrase && text.startsWith("-")) {
      negated = true;
      text = text.slice(1);
    }
    const lexemes = (text.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [])
      .filter((w) => w.length >= 2)
      .slice(0, 16 - words)
      .map((w) => (w.length >= 3 ? `${w.toLowerCase()}:*` : w.toLowerCase()));
    if (lexemes.length === 0) continue;
    words += lexemes.length;
    const term = lexemes.length === 1 ? lexemes[0] : `(${lexemes.join(phrase ? " <-> " : " & ")})`;
    const group = groups[groups.length - 1];
    (negated ? group.negative : group.positive).push(term);
    if (words >= 16) break;
  }
  const parts = groups
    .filter((g) => g.positive.length > 0)
    .map((g) => [...g.positive, ...g.negative.map((t) => `!${t}`)].join(" & "));
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0] : parts.map((p) => `(${p})`).join(" | ");
}

/** Appends `:*` to each lexeme of 3 characters or more in a tsquery's text form ('conflit' → 'conflit':*). */
const lexemePattern = "'((?:[^']|''){3,})'";

export type SearchQuerySql = {
  /** Against `search`: the query stemmed in each configuration considered (null when only stop words are left). */
  stem: SQL | null;
  /** Against `search_plain`: prefixes of the query's words and of its stems. It ranks, and matches row by row. */
  plain: SQL;
  /** The texts of `stem` and `plain`, and their index templates (see `indexTemplate`), for `search`'s statement. */
  texts: { stem: string | null; plain: string; stemIndex: string | null; plainIndex: string };
  /** For ts_headline over the unstemmed text, the prefixes of the query's stems in a document's language. */
  highlight(language: SQL): SQL;
};

const anyOf = (texts: string[]) => {
  const unique = [...new Set(texts.filter((t) => t.trim() !== ""))];
  return unique.length === 0 ? null : unique.length === 1 ? unique[0] : unique.map((t) => `(${t})`).join(" | ");
};

/** A tsquery's operand: a lexeme, matched whole or as a prefix (`:*`). */
type Term = { lexeme: string; prefix: boolean };

type Node = Term | { op: "&" | "|"; args: Node[] };

/**
 * The alternatives of a tsquery in PostgreSQL's text form when it is an OR of ANDs of plain operands (what a query
 * without `-word` or `"phrase"` gives): one list of terms per alternative. Null for anything else (negation,
 * phrase, weights, an OR inside an AND), which is then left as it is.
 */
export function conjunctiveAlternatives(text: string): Term[][] | null {
  const tokens: (Term | "&" | "|" | "(" | ")")[] = [];
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (c === " ") i++;
    else if (c === "&" || c === "|" || c === "(" || c === ")") {
      tokens.push(c);
      i++;
    } else if (c === "'") {
      let lexeme = "";
      for (i++; i < text.length && !(text[i] === "'" && text[i + 1] !== "'"); i++) {
        if (text[i] === "'" || text[i] === "\\") i++;
        lexeme += text[i] ?? "";
      }
      if (text[i++] !== "'") return null;
      const flags = /^:[*A-D]+/.exec(text.slice(i))?.[0] ?? "";
      if (flags !== "" && flags !== ":*") return null; // weights
      i += flags.length;
      tokens.push({ lexeme, prefix: flags === ":*" });
    } else return null; // !, <->, <N>
  }
  let at = 0;
  const binary = (op: "&" | "|", operand: () => Node | null): Node | null => {
    const args: Node[] = [];
    do {
      const node = operand();
      if (!node) return null;
      args.push(node);
    } while (tokens[at] === op && ++at);
    return args.length === 1 ? args[0] : { op, args };
  };
  const primary = (): Node | null => {
    const token = tokens[at++];
    if (token === "(") {
      const inner = binary("|", () => binary("&", primary));
      return tokens[at++] === ")" ? inner : null;
    }
    return typeof token === "object" ? token : null;
  };
  const tree = binary("|", () => binary("&", primary));
  if (!tree || at !== tokens.length) return null;
  const alternatives = (node: Node): Term[][] | null => {
    if (!("op" in node)) return [[node]];
    const parts = node.args.map(alternatives);
    if (parts.some((p) => p === null)) return null;
    if (node.op === "|") return parts.flatMap((p) => p!);
    // An AND of single alternatives only (no OR inside an AND).
    return parts.every((p) => p!.length === 1) ? [parts.flatMap((p) => p![0])] : null;
  };
  return alternatives(tree);
}

/** Every document that has `b` has `a` (`'confl':*` covers `'conflit':*` and `'conflit'`). */
const covers = (a: Term, b: Term) => (a.prefix ? b.lexeme.startsWith(a.lexeme) : !b.prefix && b.lexeme === a.lexeme);
const sameTerm = (a: Term, b: Term) => a.lexeme === b.lexeme && a.prefix === b.prefix;

/**
 * The same documents as an OR of alternatives (each an AND of terms), in the form a GIN index answers fastest:
 * without the alternatives another one already finds (`'conflit':* & 'groupe':* | 'confl':* & 'group':*` is
 * `'confl':* & 'group':*`), and with the terms every remaining alternative has taken out of the OR (`'intern' &
 * 'reader' | 'internship' & 'reader'` is `'reader' & ('intern' | 'internship')`): with an OR at the top the index
 * reads every posting of every word, with an AND it skips through the others along the rarest word's.
 */
export function indexFriendly(alternatives: Term[][]): { common: Term[]; rest: Term[][] } {
  // `y` implies `x` when each term of `x` covers some term of `y`.
  const implies = (y: Term[], x: Term[]) => x.every((t) => y.some((u) => covers(t, u)));
  const kept = alternatives.filter((y, i) => !alternatives.some((x, j) => j !== i && implies(y, x) && (!implies(x, y) || j < i)));
  const common = kept[0].filter((t, i) => kept[0].findIndex((u) => sameTerm(t, u)) === i && kept.every((a) => a.some((u) => sameTerm(t, u))));
  const rest = kept.map((a) => a.filter((t) => !common.some((u) => sameTerm(t, u))));
  // An alternative left empty by the common terms finds every document the others find.
  return { common, rest: rest.some((a) => a.length === 0) ? [] : rest };
}

/** At most this many words stand for a prefix (beyond, it stays a prefix). */
const prefixWordsMax = 32;

/** A lexeme as a tsquery's text quotes it. */
const quotedLexeme = (lexeme: string) => `'${lexeme.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;

/** Separates, in an index template, the prefixes from the text around them (never in a lexeme: the parser splits on it). */
const mark = "\u0001";

/**
 * A query (a tsquery's text) as its GIN index is asked: a template whose prefixes stand between two `mark`s
 * (`\u0001confl\u0001 & \u0001group\u0001`), for `indexQuery` to write each as the words that start with it. The
 * query is in its index-friendly form (see `indexFriendly`) when it is an OR of ANDs, as it is otherwise (negations,
 * phrases: no prefix is marked).
 */
export function indexTemplate(text: string): string {
  const alternatives = conjunctiveAlternatives(text);
  if (!alternatives || alternatives.some((a) => a.some((t) => t.lexeme.includes(mark)))) return text.replaceAll(mark, "");
  const { common, rest } = indexFriendly(alternatives);
  const term = (t: Term) => (t.prefix ? `${mark}${t.lexeme}${mark}` : quotedLexeme(t.lexeme));
  const parts = common.map(term);
  if (rest.length) parts.push(`( ${rest.map((a) => `( ${a.map(term).join(" & ")} )`).join(" | ")} )`);
  return parts.join(" & ");
}

/**
 * The tsquery of an index template (see `indexTemplate`): it finds the same documents as the query, much faster
 * through a GIN index. The index answers a prefix (`'group':*`) by reading the postings of every word that starts
 * with it into a bitmap before it can combine them, and cannot skip through them as it does with whole words: two
 * moderately common prefixes cost it tens of milliseconds where the same words, whole, cost a few. `search_words`
 * (migration 0018) lists every word of every `search_plain`, kept by triggers: a prefix that 1 to `prefixWordsMax`
 * of them start with is written as those words (`( 'group' | 'groupe' | 'groupes' )`), any other stays a prefix.
 * An expression of the statement that uses it, whose text is the same for every query: read when the statement
 * runs (words are added all the time).
 */
export function indexQuery(template: SQL): SQL {
  const quoted = (text: string) => sql.raw(`'''' || replace(replace(${text}, '\\', '\\\\'), '''', '''''') || ''''`);
  // A range of the C-collated words (from the prefix to the prefix and the highest code point) rather than `^@`:
  // it stays an index range whatever the plan.
  return sql`(select string_agg(case when s.n % 2 = 0 then (
        select case when count(*) between 1 and ${sql.raw(String(prefixWordsMax))}
          then '( ' || string_agg(${quoted("w.word")}, ' | ' order by w.word) || ' )' else ${quoted("s.piece")} || ':*' end
        from (select word from search_words where word >= s.piece and word < s.piece || chr(1114111)
          order by word limit ${sql.raw(String(prefixWordsMax + 1))}) w
      ) else s.piece end, '' order by s.n)::tsquery
    from regexp_split_to_table(${template}, ${mark}) with ordinality s(piece, n))`;
}

/**
 * Prepares the tsqueries in one small round trip: the query stemmed by each configuration, each made into
 * prefixes, and the plain words; identical alternatives are merged (most words stem alike in several languages),
 * which keeps the match cheap to test and the planner's estimates sane. Null when nothing is left to look for.
 */
export async function prepareQuery(db: Queryable, q: string, language: ContentLanguage | undefined): Promise<SearchQuerySql | null> {
  // What a text stems to only changes with the text search configurations (a migration): the same search, or the
  // next page of it, needs no round trip.
  let known = preparedQueries.get(db);
  if (!known) preparedQueries.set(db, (known = new Map()));
  const key = `${language ?? ""}\u0000${q}`;
  const cached = known.get(key);
  if (cached !== undefined) return cached;
  const prepared = await stemQuery(db, q, language);
  if (known.size >= 500) known.delete(known.keys().next().value as string);
  known.set(key, prepared);
  return prepared;
}

const preparedQueries = new WeakMap<object, Map<string, SearchQuerySql | null>>();

async function stemQuery(db: Queryable, q: string, language: ContentLanguage | undefined): Promise<SearchQuerySql | null> {
  const words = plainPrefixQuery(q);
  const rows = await queryRows<{ lang: ContentLanguage | null; stem: string; prefix: string }>(
    db,
    sql`select c.lang, s.stem, coalesce(regexp_replace(nullif(s.stem, ''), ${lexemePattern}, ${"'\\1':*"}, 'g')::tsquery::text, '') as prefix
      from (values ${sql.join(Object.entries(configs).map(([lang, name]) => sql`(${lang}, ${sql.raw(`'${name}'`)}::regconfig)`), sql`, `)}) c(lang, cfg),
        lateral (select websearch_to_tsquery(c.cfg, ${q})::text as stem) s
      union all
      select null, ${words ? sql`to_tsquery('dc_simple'::regconfig, ${words})::text` : sql`''`}, ''`,
  );
  const considered = rows.filter((r) => r.lang !== null && (!language || r.lang === language));
  const plainWords = rows.find((r) => r.lang === null)?.stem ?? "";
  const stem = anyOf(considered.map((r) => r.stem));
  const plain = anyOf([plainWords, ...considered.map((r) => r.prefix)]);
  if (!plain) return null;
  const prefixes = new Map(rows.filter((r) => r.lang !== null).map((r) => [r.lang, r.prefix]));
  return {
    stem: stem ? sql`${stem}::tsquery` : null,
    plain: sql`${plain}::tsquery`,
    texts: { stem, plain, stemIndex: stem ? indexTemplate(stem) : null, plainIndex: indexTemplate(plain) },
    highlight: (lang) =>
      sql`(case ${lang} ${sql.join(
        contentLanguages.map((l) => sql`when ${l} then ${prefixes.get(l) || plain}::tsquery`),
        sql` `,
      )} else ${plain}::tsquery end)`,
  };
}

/** What the user typed leaves something to look for (letters or digits outside a negation). */
const hasSearchableText = (q: string) => /[\p{L}\p{N}]/u.test(q.replace(/(^|\s)-\S+/g, " "));

// ---------------------------------------------------------------------------------------------------------------
// Sources

export type SourceContext = {
  viewer: NonNullable<Actor>;
  query: SearchQuerySql;
  filters: SearchFilters;
  publicUrl: string;
  /** This search found less than a page lately: the GIN indexes alone find all its matches (see `search`). */
  knownRare?: boolean;
  /**
   * What the candidates are matched with, as `search`'s statement reads them: `query.stem` and `query.plain`, and
   * their forms for the GIN indexes (see `indexQuery`), which find the same documents.
   */
  match: { stem: SQL | null; plain: SQL; stemIndex: SQL | null; plainIndex: SQL };
};

/**
 * One kind of searchable document. To add one (case studies), implement both functions and list the source in
 * `searchSources`; the ranking, paging, snippets' safety and the API stay as they are. `boundedCandidates`,
 * `rankCandidates` and `headline` do the heavy lifting.
 */
export type SearchSource = {
  type: SearchType;
  /**
   * A SELECT of `(id bigint, at timestamptz, rank float8)`, at most `take` rows, best first: the documents the
   * viewer may see that match `ctx.query` and the filters, ranked among their most recent matches.
   * Null when the filters rule this source out.
   */
  ranked(ctx: SourceContext, take: number): SQL | null;
  /**
   * A SELECT of `DetailRow`s (title, highlighted snippet: see `headline`) for the documents `ids` lists (a SELECT of
   * bigint), checking again that they may be seen. It runs in the ranking's statement.
   */
  details(ctx: SourceContext, ids: SQL): SQL;
  url(publicUrl: string, row: DetailRow): string;
};

/** Documents walked from the newest down before deciding whether a query is common. */
export const recentWindow = 250;
/** Matches in that window that make a query common enough to rank the recent ones only. */
const commonEnough = 12;
/** How many times `candidateLimit` matches the recent range is sized to hold, at the density the walk saw. */
const nearMargin = 2;

/**
 * The candidates of one source: at most `candidateLimit` rows `(id, at, search, search_plain)`, the most recent
 * matches the viewer may see. Three plans, whichever the data calls for, in one statement (each later one a
 * one-time filter: never started unless the earlier ones fell short):
 *
 * 1. A walk down the primary key over the `recentWindow` newest documents (a fixed number of rows, whatever the
 *    filters), keeping those that pass `where` and match. When at least `commonEnough` do, the query is common and
 *    these recent matches are the candidates: a word in most posts costs a few hundred rows.
 * 2. When the walk found some (moderately common words: "conflit groupe" is in 1.7% of the bench's posts), the GIN
 *    indexes find the matches among the newest ids only, a range sized from the density the walk saw to hold
 *    `nearMargin` times `candidateLimit` of them: the index's bitmap is ANDed with the primary key's range, so that
 *    only those are read from the table rather than every match. When the range holds `candidateLimit` matches,
 *    they are the newest ones: the same candidates as the third plan.
 * 3. Otherwise the GIN indexes find every match, through `older` when given (a FROM and conditions the planner may
 *    join differently, e.g. driven by a selective tag), and the newest are kept; `id + 0` keeps the planner off the
 *    primary-key walk, which would read the whole table for a rare word.
 *
 * The indexes are asked with `ctx.match.stemIndex` and `ctx.match.plainIndex` (see `indexQuery`), the walk with
 * `ctx.match.stem` and `ctx.match.plain`: the same documents either way. When the same search found less than a
 * page lately (`ctx.knownRare`), only the third plan runs: it finds every match.
 *
 * `table` is the document's table with its alias `alias`; `where` the conditions other than the match; `walk` the
 * few that hold for almost every document (visible, published) and that an index lets the walk apply as it goes, so
 * that a run of newest documents no one may search (a batch of case topics, say) does not empty the window.
 */
export function boundedCandidates(
  ctx: SourceContext,
  spec: { table: SQL; alias: string; where: SQL[]; walk?: SQL[]; older?: { from: SQL; where: SQL[] } },
): SQL {
  const a = sql.raw(spec.alias);
  // Constants are written in the statement (not parameters): the planner knows them whatever the plan.
  const [limit, windowRows, common, nearRows] = [candidateLimit, recentWindow, commonEnough, nearMargin * candidateLimit].map((n) => sql.raw(String(n)));
  const columns = sql`${a}.id, ${a}.created_at as at, ${a}.search, ${a}.search_plain`;
  const all = (conditions: SQL[]) => (conditions.length ? sql.join(conditions, sql` and `) : sql`true`);
  const { stem, plain, stemIndex, plainIndex } = ctx.match;
  const hit = stem ? sql`(${a}.search @@ ${stem} or ${a}.search_plain @@ ${plain})` : sql`${a}.search_plain @@ ${plain}`;
  const indexed = stemIndex ? sql`(${a}.search @@ ${stemIndex} or ${a}.search_plain @@ ${plainIndex})` : sql`${a}.search_plain @@ ${plainIndex}`;
  const older = spec.older ?? { from: spec.table, where: spec.where };
  const allMatches = sql`select ${columns} from ${older.from} where ${all(older.where)} and ${indexed}
      order by ${a}.id + 0 desc limit ${limit}`;
  if (ctx.knownRare) return sql`(${allMatches})`;
  const window = sql`select * from ${spec.table} where ${all(spec.walk ?? [])} order by ${a}.id desc limit ${windowRows}`;
  const found = sql`(select count(*) from recent)`;
  // The range: the newest ids that should hold nearMargin × candidateLimit matches at the walk's density (per id).
  const from = sql`(select id from near_from)`;
  // When the range reaches the first id (ids start at 1), the range holds every match: the third plan has nothing to add.
  const nearHasAll = sql`((select count(*) from near) = ${limit} or ${from} <= 1)`;
  // CASE evaluates in order: the range is searched only after a walk that found some, but not enough.
  return sql`(with recent as materialized (
      select ${columns} from (${window}) ${a}
      where ${all(spec.where)} and ${hit}
      order by ${a}.id desc limit ${limit}
    ), near_from as materialized (
      select max(w.id) - (max(w.id) - min(w.id) + 1) * ${nearRows} / nullif(${found}, 0) as id from (${window}) w
    ), near as materialized (
      select ${columns} from ${older.from} where ${all(older.where)} and ${indexed} and ${a}.id >= ${from}
      order by ${a}.id + 0 desc limit ${limit}
    )
    select * from recent where ${found} >= ${common}
    union all
    select * from near where case when ${found} between 1 and ${common} - 1 then ${nearHasAll} else false end
    union all
    select * from (${allMatches}) older
      where case when ${found} >= ${common} then false when ${found} = 0 then true else not ${nearHasAll} end)`;
}

/** Ranks candidates with ts_rank_cd: stemmed matches first (titles weigh A, topic bodies B, replies D), then prefixes. */
export function rankCandidates(candidates: SQL, ctx: SourceContext, take: number): SQL {
  const { stem, plain } = ctx.query;
  const stemmed = stem ? sql`ts_rank_cd(c.search, ${stem}) + ` : sql``;
  return sql`select c.id, c.at, (${stemmed}0.5 * ts_rank_cd(c.search_plain, ${plain}))::float8 as rank
    from ${candidates} c
    order by rank desc, c.id desc
    limit (select ${take}::int)`;
}

const open = "\uE000";
const close = "\uE001";
const headlineOptions = `StartSel=${open}, StopSel=${close}, MaxWords=32, MinWords=14, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * A ts_headline of plain text: the words are compared unstemmed and unaccented with the prefixes of the query's
 * stems in the document's language (so conflits marks conflit, apprenants marks apprenante, and that language's
 * stop words stay unmarked). Sentinel characters surround the matches, any such characters in the text itself
 * being removed first; `safeSnippet` turns the result into HTML.
 */
export function headline(ctx: SourceContext, language: SQL, text: SQL): SQL {
  return sql`ts_headline('dc_simple'::regconfig, translate(left(${text}, 20000), ${open + close}, ''), ${ctx.query.highlight(language)}, ${headlineOptions})`;
}

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes everything, then turns the sentinels into `<mark>` (balanced: an unmatched one is dropped). */
export function safeSnippet(raw: string): string {
  const escaped = raw.replace(/[&<>"']/g, (c) => escapes[c]);
  let out = "";
  let inside = false;
  for (const ch of escaped) {
    if (ch === open) {
      if (!inside) out += "<mark>";
      inside = true;
    } else if (ch === close) {
      if (inside) out += "</mark>";
      inside = false;
    } else out += ch;
  }
  return inside ? `${out}</mark>` : out;
}

/** What may be seen and the filters on the topic a document belongs to (alias `t`). */
function topicConditions(filters: Pick<SearchFilters, "category" | "tags">, options: { caseDiscussions?: boolean } = {}): SQL[] {
  const out: SQL[] = [
    sql`t.visibility = 'visible'`,
    // Replies in a published case's discussion are found too (its topic itself is found as the case).
    options.caseDiscussions
      ? sql`(t.kind = 'discussion' or exists (select 1 from cases c where c.topic_id = t.id and c.status = 'published'))`
      : sql`t.kind = 'discussion'`,
  ];
  if (filters.category) out.push(sql`t.category_id = ${filters.category}`);
  for (const tag of filters.tags) out.push(sql`exists (select 1 from topic_tags tt where tt.topic_id = t.id and tt.tag_slug = ${tag})`);
  return out;
}

/** Filters on the document itself (alias given): language, author, dates. */
function documentConditions(alias: "t" | "p", filters: SearchFilters): SQL[] {
  const a = sql.raw(alias);
  const out: SQL[] = [];
  if (filters.language) out.push(sql`${a}.language = ${filters.language}`);
  if (filters.author) {
    out.push(sql`${a}.author_id in (select u.id from users u where u.handle = ${filters.author})`);
    // Searching by a person never finds what they wrote anonymously (their replies in their own anonymous case).
    if (alias === "p") out.push(sql`not exists (select 1 from cases c where c.topic_id = p.topic_id and c.anonymous and c.author_id = p.author_id)`);
  }
  if (filters.from) out.push(sql`${a}.created_at >= ${filters.from.toISOString()}::timestamptz`);
  if (filters.before) out.push(sql`${a}.created_at < ${filters.before.toISOString()}::timestamptz`);
  return out;
}

export type DetailRow = {
  id: string;
  topic_id: string;
  title: string;
  language: ContentLanguage;
  created_at: string | Date;
  author_name: string | null;
  author_handle: string | null;
  author_erased: boolean;
  snippet: string;
  /** The anonymous author of a case, on the case or on their replies in its discussion: not named (but to them). */
  anonymous: boolean;
};

const hitOf = (type: SearchType, r: DetailRow, url: string): SearchHit => ({
  type,
  id: String(r.id),
  topicId: String(r.topic_id),
  title: r.title,
  snippet: safeSnippet(r.snippet ?? ""),
  url,
  language: r.language,
  createdAt: new Date(r.created_at).toISOString(),
  author: r.author_name && r.author_handle && !r.author_erased && !r.anonymous ? { name: r.author_name, handle: r.author_handle } : null,
});

/** Visible discussion topics: title and body. */
export const topicSource: SearchSource = {
  type: "topic",
  ranked(ctx, take) {
    const where = [...topicConditions(ctx.filters), ...documentConditions("t", ctx.filters)];
    // The walk follows topics_searchable_recent_idx (migration 0013).
    const walk = [sql`t.kind = 'discussion'`, sql`t.visibility = 'visible'`];
    return rankCandidates(boundedCandidates(ctx, { table: sql`topics t`, alias: "t", where, walk }), ctx, take);
  },
  details(ctx, ids) {
    return sql`select t.id::text as id, t.id::text as topic_id, t.title, t.language, t.created_at,
          u.name as author_name, u.handle as author_handle, (u.erased_at is not null) as author_erased,
          ${headline(ctx, sql`t.language`, sql`t.body_text`)} as snippet, false as anonymous
        from topics t join users u on u.id = t.author_id
        where t.id in (${ids}) and ${sql.join(topicConditions({ tags: [] }), sql` and `)}`;
  },
  url: (publicUrl, r) => publicUrl + topicPath(r.id),
};

/** Visible replies in visible discussion topics; the title is the topic's, the url the post's permalink. */
export const postSource: SearchSource = {
  type: "post",
  ranked(ctx, take) {
    const own = [sql`p.visibility = 'visible'`, ...documentConditions("p", ctx.filters)];
    const topicWhere = sql.join(topicConditions(ctx.filters, { caseDiscussions: true }), sql` and `);
    // The topic is checked per reply (a scalar subquery is never turned into a join): a rare word's few replies cost
    // a few index lookups rather than a hash of every topic.
    const where = [...own, sql`(select t.id from topics t where t.id = p.topic_id and ${topicWhere}) is not null`];
    // With a category or tags, the planner may rather start from the topics that carry them.
    const older = ctx.filters.category || ctx.filters.tags.length ? { from: sql`posts p join topics t on t.id = p.topic_id`, where: [...own, topicWhere] } : undefined;
    return rankCandidates(boundedCandidates(ctx, { table: sql`posts p`, alias: "p", where, walk: [sql`p.visibility = 'visible'`], older }), ctx, take);
  },
  details(ctx, ids) {
    // The anonymous author of a case is not named on their own replies in its discussion.
    return sql`select p.id::text as id, p.topic_id::text as topic_id, t.title, p.language, p.created_at,
          u.name as author_name, u.handle as author_handle, (u.erased_at is not null) as author_erased,
          ${headline(ctx, sql`p.language`, sql`p.body_text`)} as snippet,
          exists (select 1 from cases c where c.topic_id = p.topic_id and c.anonymous and c.author_id = p.author_id and p.author_id <> ${ctx.viewer.id}) as anonymous
        from posts p join topics t on t.id = p.topic_id join users u on u.id = p.author_id
        where p.id in (${ids}) and p.visibility = 'visible'
          and ${sql.join(topicConditions({ tags: [] }, { caseDiscussions: true }), sql` and `)}`;
  },
  url: (publicUrl, r) => publicUrl + postPath(r.topic_id, r.id),
};

/**
 * Published case studies (title and every field); never named when anonymous (but to their author), never found
 * by their anonymous author's name, nothing awaiting review.
 */
export const caseSource: SearchSource = {
  type: "case",
  ranked(ctx, take) {
    if (ctx.filters.category) return null;
    const f = ctx.filters;
    const where: SQL[] = [sql`c.status = 'published'`, sql`(select t.visibility from topics t where t.id = c.topic_id) = 'visible'`];
    if (f.tags.length) where.push(sql`c.tag_slugs @> array[${sql.join(f.tags.map((t) => sql`${t}`), sql`, `)}]::text[]`);
    if (f.language) where.push(sql`c.language = ${f.language}`);
    if (f.author) where.push(sql`not c.anonymous and c.author_id in (select u.id from users u where u.handle = ${f.author})`);
    if (f.from) where.push(sql`c.created_at >= ${f.from.toISOString()}::timestamptz`);
    if (f.before) where.push(sql`c.created_at < ${f.before.toISOString()}::timestamptz`);
    return rankCandidates(boundedCandidates(ctx, { table: sql`cases c`, alias: "c", where, walk: [sql`c.status = 'published'`] }), ctx, take);
  },
  details(ctx, ids) {
    return sql`select c.id::text as id, c.topic_id::text as topic_id, c.title, c.language, c.created_at,
          u.name as author_name, u.handle as author_handle, (u.erased_at is not null) as author_erased,
          ${headline(ctx, sql`c.language`, sql`c.body_text`)} as snippet,
          (c.anonymous and c.author_id <> ${ctx.viewer.id}) as anonymous
        from cases c join users u on u.id = c.author_id join topics t on t.id = c.topic_id
        where c.id in (${ids}) and c.status = 'published' and t.visibility = 'visible'`;
  },
  url: (publicUrl, r) => `${publicUrl}/cases/${r.id}`,
};

/** How long a search that found less than a page is run on the indexes alone. */
const rareForMs = 60_000;
const rareSearches = new WeakMap<object, Map<string, number>>();
function rareSearchesOf(db: Queryable) {
  let known = rareSearches.get(db);
  if (!known) rareSearches.set(db, (known = new Map()));
  return known;
}

/** Every source, in the order ties are broken. */
export const searchSources: SearchSource[] = [topicSource, postSource, caseSource];

// ---------------------------------------------------------------------------------------------------------------

/**
 * Ranked results the viewer may see: never hidden or deleted topics and replies, nor replies of hidden topics
 * (leads included: search is for visible content). At most two statements: the tsqueries (unless the same search ran
 * lately), then the ranking with the page's details.
 */
export async function search(services: Pick<Services, "db" | "config">, viewer: Actor, request: SearchRequest): Promise<SearchResult> {
  if (!viewer || !can(viewer, { action: "discussion:read" })) throw new DomainError(401, "auth.signInRequired");
  const q = request.q.trim().slice(0, searchQueryMaxLength);
  const sources = searchSources.filter((s) => !request.type || s.type === request.type);
  if (!q || !hasSearchableText(q) || sources.length === 0) return { items: [], nextCursor: null };
  // JIT and parallel workers are off for every connection (db/client.ts), which the ranking relies on.
  const query = await prepareQuery(services.db, q, request.language);
  if (!query) return { items: [], nextCursor: null };
  const rare = rareSearchesOf(services.db);
  const rareKey = JSON.stringify([q, request.type, request.tags, request.language, request.category, request.author, request.from, request.before]);
  const knownRare = (rare.get(rareKey) ?? 0) > Date.now();
  const take = request.offset + request.limit + 1;
  const pageEnd = request.offset + request.limit;
  const { texts } = query;
  // The tsqueries are read from CTEs and the numbers that change with the request from subqueries: so that the
  // planner's estimates (and its plan) are the same whatever the words and the page (see below).
  const match: SourceContext["match"] = {
    stem: texts.stem ? sql`(select stem from search_query)` : null,
    plain: sql`(select plain from search_query)`,
    stemIndex: texts.stem ? sql`(select stem from search_index)` : null,
    plainIndex: sql`(select plain from search_index)`,
  };
  const ctx: SourceContext = { viewer, query, filters: request, publicUrl: services.config.publicUrl, knownRare, match };
  const parts = sources
    .map((s) => {
      const ranked = s.ranked(ctx, take);
      return ranked ? sql`(select ${s.type}::text as type, r.id::text as id, r.at, r.rank from (${ranked}) r)` : null;
    })
    .filter((p): p is SQL => p !== null);
  if (parts.length === 0) return { items: [], nextCursor: null };
  // One statement: the page's ranking, then the details of the page's documents (the one row past the page only
  // says that there is more). Its plan depends on its shape only (which path finds the candidates is decided as it
  // runs: see `boundedCandidates`), and planning it costs 5 to 10 ms: with estimates that do not depend on the words,
  // PostgreSQL keeps a generic plan of the prepared statement after its first five executions rather than planning
  // it again at every one. The index forms are computed only if a source needs them (see `indexQuery`). The details
  // are materialized: snippets are computed once per document, whatever the join.
  const ranked = await queryRows<{ type: SearchType; n: string } & Partial<DetailRow>>(
    services.db,
    sql`with search_query as materialized (
        select ${texts.stem}::tsquery as stem, ${texts.plain}::tsquery as plain
      ), search_index as materialized (
        select ${texts.stemIndex}::tsquery as stem, ${indexQuery(sql`${texts.plainIndex}`)} as plain
      ), ranked as materialized (
        select h.type, h.id, row_number() over (order by h.rank desc, h.at desc, h.type, h.id desc) as n
        from (${sql.join(parts, sql` union all `)}) h
        order by n offset (select ${request.offset}::int) limit (select ${request.limit + 1}::int)
      ), details as materialized (
        ${sql.join(
          sources.map((s) => sql`select ${s.type}::text as source, x.* from (${s.details(ctx, sql`select id::bigint from ranked where type = ${s.type} and n <= (select ${pageEnd}::int)`)}) x`),
          sql` union all `,
        )}
      )
      select r.type, r.n, d.* from ranked r left join details d on d.source = r.type and d.id = r.id
      order by r.n`,
  );
  // Less than a page from the start, and fewer than a common word's recent matches: no source ranked recent
  // matches only (that returns at least min(take, commonEnough) rows), so every match is on this page, and next time
  // the indexes alone find the same ones without the walk that tells a common word from a rare one.
  if (request.offset === 0 && ranked.length <= request.limit && ranked.length < commonEnough) {
    if (rare.size >= 1000) rare.delete(rare.keys().next().value as string);
    rare.set(rareKey, Date.now() + rareForMs);
  } else rare.delete(rareKey);
  const bySource = new Map(sources.map((s) => [s.type, s]));
  const items: SearchHit[] = [];
  for (const row of ranked.slice(0, request.limit)) {
    const source = bySource.get(row.type);
    // A document that may no longer be seen has no details.
    if (source && row.id != null) items.push(hitOf(row.type, row as DetailRow, source.url(ctx.publicUrl, row as DetailRow)));
  }
  const nextOffset = request.offset + request.limit;
  return { items, nextCursor: ranked.length > request.limit && nextOffset <= maxOffset ? String(nextOffset) : null };
}
