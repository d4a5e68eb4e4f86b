import { sql } from "drizzle-orm";
import { renderMarkdown } from "../../app/modules/discussions/markdown";
import { queryRows, type Database, type Queryable } from "../client";
import {
  categories,
  moderationActions,
  posts,
  reactions,
  revisions,
  subscriptions,
  tags,
  topicReads,
  topicTags,
  topics,
  type ReactionKind,
} from "../schema";
import { demoUserId } from "./demo";
import { demoPeople } from "./demo-data";
import {
  demoTopics,
  scaleRareSentence,
  scaleSentencesEn,
  scaleSentencesFr,
  scaleTitlesEn,
  scaleTitlesFr,
  type DemoReply,
} from "./discussions-data";
import { demoCategories, demoTags } from "./taxonomy-data";

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/**
 * Reserves `count` ids of a table's identity sequence in one statement and answers the first; the ids are
 * first … first + count - 1. The seeds run alone, so nothing else takes ids in between.
 */
async function reserveIds(db: Queryable, table: "topics" | "posts", count: number): Promise<number> {
  if (count === 0) return 0;
  const [row] = await queryRows<{ first: string }>(
    db,
    sql`select (setval(s, nextval(s) + ${count - 1}) - ${count - 1})::text as first
      from (select pg_get_serial_sequence(${table}, 'id')::regclass as s) x`,
  );
  return Number(row.first);
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

type FlatPost = {
  topic: number;
  parent: FlatPost | null;
  reply: DemoReply;
  at: number;
  id: number;
  depth: number;
  path: number[];
  children: number;
};

/**
 * The demo discussions (db/seed/discussions-data.ts): topics with threaded replies, reactions, accepted answers, a
 * pinned and a locked topic, an edited and a deleted reply, the authors' and repliers' subscriptions and read
 * markers, and the moderation log of the pin and the lock. One transaction; nothing happens when any topic exists
 * already. No notification is created for seeded content.
 */
export async function seedDemoDiscussions(db: Database, log: (line: string) => void = () => {}, now = Date.now()): Promise<void> {
  const [existing] = await queryRows<{ id: number }>(db, sql`select id from topics limit 1`);
  if (existing) {
    log("Demo discussions skipped: topics exist already.");
    return;
  }
  const handles = new Set(demoPeople.map((p) => p.handle));
  const person = (handle: string) => {
    if (!handles.has(handle)) throw new Error(`demo discussions: unknown handle ${handle}`);
    return demoUserId(handle);
  };
  const render = (body: string) => renderMarkdown(body, { knownHandles: handles });

  // Times first (relative to now, never in the future), then ids in the order things were written.
  const topicTimes = demoTopics.map((t, i) => now - t.daysAgo * day - 2 * hour - ((i * 47) % 180) * minute);
  const flat: FlatPost[] = [];
  const walk = (topic: number, parent: FlatPost | null, replies: DemoReply[], from: number, depth: number) => {
    replies.forEach((reply, i) => {
      const at = Math.min(from + reply.hours * hour + ((topic * 7 + depth * 13 + i * 17) % 40) * minute, now - (5 + flat.length) * 1000);
      const post: FlatPost = { topic, parent, reply, at, id: 0, depth, path: [], children: 0 };
      flat.push(post);
      if (parent) parent.children++;
      walk(topic, post, reply.replies ?? [], at, depth + 1);
    });
  };
  demoTopics.forEach((t, i) => walk(i, null, t.replies, topicTimes[i], 0));
  for (const p of flat) if (p.parent && p.at <= p.parent.at) p.at = p.parent.at + minute;

  await db.transaction(async (tx) => {
    const firstTopic = await reserveIds(tx, "topics", demoTopics.length);
    const firstPost = await reserveIds(tx, "posts", flat.length);
    const topicOrder = demoTopics.map((_, i) => i).sort((a, b) => topicTimes[a] - topicTimes[b]);
    const topicIds: number[] = [];
    topicOrder.forEach((index, n) => (topicIds[index] = firstTopic + n));
    [...flat].sort((a, b) => a.at - b.at).forEach((p, n) => (p.id = firstPost + n));
    for (const p of flat) p.path = [...(p.parent?.path ?? []), p.id];

    const postRows: (typeof posts.$inferInsert)[] = [];
    const reactionRows: (typeof reactions.$inferInsert)[] = [];
    const revisionRows: (typeof revisions.$inferInsert)[] = [];
    for (const p of flat) {
      const t = demoTopics[p.topic];
      const authorId = person(p.reply.by);
      const rendered = render(p.reply.body);
      const counts: Record<ReactionKind, number> = { helpful: 0, "same-here": 0, thanks: 0 };
      if (!p.reply.deleted) {
        let k = 0;
        for (const [kind, who] of Object.entries(p.reply.reactions ?? {}) as [ReactionKind, string[]][]) {
          for (const handle of who) {
            if (handle === p.reply.by) continue;
            counts[kind]++;
            reactionRows.push({ postId: p.id, userId: person(handle), kind, createdAt: new Date(Math.min(p.at + (++k * 97 + 30) * minute, now - 1000)) });
          }
        }
      }
      const editedAt = p.reply.earlier ? new Date(Math.min(p.at + 2 * hour, now - 1000)) : null;
      if (p.reply.earlier) revisionRows.push({ targetType: "post", targetId: p.id, body: p.reply.earlier, editorId: authorId, createdAt: new Date(p.at) });
      postRows.push({
        id: p.id,
        topicId: topicIds[p.topic],
        parentId: p.parent?.id ?? null,
        rootId: p.path[0],
        path: p.path,
        depth: p.depth,
        authorId,
        body: p.reply.body,
        bodyHtml: rendered.html,
        bodyText: rendered.text,
        language: t.language,
        visibility: p.reply.deleted ? "deleted" : "visible",
        childCount: p.children,
        helpfulCount: counts.helpful,
        sameHereCount: counts["same-here"],
        thanksCount: counts.thanks,
        createdAt: new Date(p.at),
        editedAt,
        deletedAt: p.reply.deleted ? new Date(Math.min(p.at + 3 * hour, now - 1000)) : null,
      });
    }

    const subscriptionRows = new Map<string, typeof subscriptions.$inferInsert>();
    const readRows = new Map<string, typeof topicReads.$inferInsert>();
    const topicRows = demoTopics.map((t, i) => {
      const id = topicIds[i];
      const mine = flat.filter((p) => p.topic === i);
      const last = mine.reduce<FlatPost | null>((a, p) => (a === null || p.id > a.id ? p : a), null);
      const accepted = t.accepted ? mine.find((p) => p.reply.key === t.accepted) : undefined;
      if (t.accepted && (!accepted || accepted.reply.deleted)) throw new Error(`demo discussions: accepted reply ${t.accepted} not found`);
      const rendered = render(t.body);
      subscriptionRows.set(`${t.by}:${id}`, { userId: person(t.by), targetType: "topic", targetId: String(id), level: "watching", createdAt: new Date(topicTimes[i]) });
      for (const p of [...mine].sort((a, b) => a.id - b.id)) {
        if (!subscriptionRows.has(`${p.reply.by}:${id}`)) {
          subscriptionRows.set(`${p.reply.by}:${id}`, { userId: person(p.reply.by), targetType: "topic", targetId: String(id), level: "watching", createdAt: new Date(p.at) });
        }
        readRows.set(`${p.reply.by}:${id}`, { userId: person(p.reply.by), topicId: id, lastReadPostId: p.id, lastVisitAt: new Date(p.at) });
      }
      return {
        id,
        categoryId: t.category,
        authorId: person(t.by),
        title: t.title,
        body: t.body,
        bodyHtml: rendered.html,
        bodyText: rendered.text,
        language: t.language,
        locked: Boolean(t.locked),
        pinned: Boolean(t.pinned),
        acceptedPostId: accepted?.id ?? null,
        replyCount: mine.length,
        viewCount: 20 + mine.length * 9 + t.daysAgo * 2 + ((i * 13) % 11),
        lastPostId: last?.id ?? null,
        lastPostedAt: new Date(last?.at ?? topicTimes[i]),
        createdAt: new Date(topicTimes[i]),
      } satisfies typeof topics.$inferInsert;
    });

    const moderationRows = demoTopics.flatMap((t, i) => [
      ...(t.pinned ? [{ actorId: person(t.pinned.by), targetType: "topic", targetId: String(topicIds[i]), action: "pin", reason: t.pinned.reason, createdAt: new Date(topicTimes[i] + 10 * minute) }] : []),
      ...(t.locked ? [{ actorId: person(t.locked.by), targetType: "topic", targetId: String(topicIds[i]), action: "lock", reason: t.locked.reason, createdAt: new Date(Math.max(now - t.locked.daysAgo * day, topicRows[i].lastPostedAt.getTime() + hour)) }] : []),
    ]);

    await tx.insert(categories).values(demoCategories).onConflictDoNothing();
    await tx.insert(tags).values(demoTags).onConflictDoNothing();
    await tx.insert(topics).values(topicRows);
    const tagRows = demoTopics.flatMap((t, i) => t.tags.map((tagSlug) => ({ topicId: topicIds[i], tagSlug })));
    if (tagRows.length) await tx.insert(topicTags).values(tagRows);
    for (const batch of chunks(postRows, 200)) await tx.insert(posts).values(batch);
    for (const batch of chunks(reactionRows, 500)) await tx.insert(reactions).values(batch);
    if (revisionRows.length) await tx.insert(revisions).values(revisionRows);
    for (const batch of chunks([...subscriptionRows.values()], 500)) await tx.insert(subscriptions).values(batch).onConflictDoNothing();
    for (const batch of chunks([...readRows.values()], 500)) await tx.insert(topicReads).values(batch).onConflictDoNothing();
    if (moderationRows.length) await tx.insert(moderationActions).values(moderationRows);
  });
  log(`Demo discussions seeded: ${demoTopics.length} topics, ${flat.length} replies.`);
}

/** A small, fast, seeded generator (mulberry32), so that every bench database holds the same data. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n) };
}

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;
const textArray = (list: readonly string[]) => sql.raw(`(ARRAY[${list.map(literal).join(", ")}]::text[])`);

export const benchTitle20 = "[bench-20]";
export const benchTitle1000 = "[bench-1000]";
const reactionKinds: ReactionKind[] = ["helpful", "helpful", "helpful", "thanks", "thanks", "same-here"];
const maxDepth = 6;
const batchSize = 5000;

/**
 * Bench-scale discussions, N× of 20,000 topics and 200,000 posts written by the `scale-user-*` people seedScale
 * creates: reply trees (about 60% first-level, the others answering an earlier post of their topic, up to depth 6),
 * reactions, accepted answers, tags, subscriptions, with every denormalised counter right. Titles starting with
 * "[bench-20]" mark topics of exactly 20 posts, "[bench-1000]" topics of exactly 1,000. Texts come from a few
 * dozen French and English sentences: "apprenant" is in most French posts, "learner" in the English ones, and
 * "xylophone" in ten posts only. The structure is computed here, the texts are assembled by the database; runs
 * once (nothing happens when bench topics exist already).
 */
export async function seedScaleDiscussions(db: Database, scale: number, log: (line: string) => void = () => {}): Promise<void> {
  const started = Date.now();
  const [done] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from topics where title like ${`${benchTitle1000}%`}`);
  if (done.n > 0) {
    log("Scale discussions skipped: bench topics exist already.");
    return;
  }
  const [people] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from users where id like 'scale-user-%'`);
  const userCount = Math.min(people.n, 5000 * scale);
  if (userCount === 0) throw new Error("seedScaleDiscussions needs the scale-user-* people (seedScale creates them first)");
  await db.insert(categories).values(demoCategories).onConflictDoNothing();
  await db.insert(tags).values(demoTags).onConflictDoNothing();

  const rng = random(20260301 + scale);
  const topicCount = 20_000 * scale;
  const postCount = 200_000 * scale;
  const now = Date.now();

  // How many posts each topic has: a few of exactly 1,000 and many of exactly 20, the rest skewed (some none).
  const kind = new Array<0 | 20 | 1000>(topicCount).fill(0);
  for (let s = 0; s < scale; s++) kind[Math.floor((topicCount * (2 * s + 1)) / (2 * scale)) + 3] = 1000;
  for (let i = 7; i < topicCount; i += 80) if (kind[i] === 0) kind[i] = 20;
  const sizes = kind.map((k) => (k ? k : Math.floor(30 * rng.next() ** 2)));
  let total = sizes.reduce((a, b) => a + b, 0);
  while (total !== postCount) {
    const i = rng.int(topicCount);
    if (kind[i]) continue;
    const step = total < postCount ? (sizes[i] < 60 ? 1 : 0) : sizes[i] > 0 ? -1 : 0;
    sizes[i] += step;
    total += step;
  }
  const rare = new Set<number>();
  while (rare.size < 10) rare.add(rng.int(postCount));

  const categoryIds = demoCategories.map((c) => c.id);
  const firstTopic = await reserveIds(db, "topics", topicCount);
  const firstPost = await reserveIds(db, "posts", postCount);
  const fr = textArray(scaleSentencesFr);
  const en = textArray(scaleSentencesEn);
  type TopicJson = { id: number; c: string; u: number; l: "fr" | "en"; ti: number; b: string; s: number[]; acc: number | null; n: number; v: number; lp: number | null; lt: number; ct: number };
  type PostJson = { id: number; t: number; p: number | null; r: number; path: string; d: number; u: number; l: "fr" | "en"; s: number[]; x: boolean; cc: number; h: number; sh: number; th: number; ct: number };
  type ReactionJson = { p: number; u: number; k: ReactionKind; ct: number };

  const sentences = (lang: "fr" | "en") => {
    const pool = lang === "fr" ? scaleSentencesFr.length : scaleSentencesEn.length;
    const n = 3 + rng.int(2);
    return Array.from({ length: n }, () => 1 + rng.int(pool));
  };

  const insertTopics = async (tx: Queryable, rows: TopicJson[]) => {
    await tx.execute(sql`insert into topics (id, category_id, author_id, title, body, body_html, body_text, language,
        accepted_post_id, reply_count, view_count, last_post_id, last_posted_at, created_at)
      select x.id, x.c, 'scale-user-' || x.u,
        concat_ws(' ', nullif(x.b, ''), case when x.l = 'fr' then ${textArray(scaleTitlesFr)}[x.ti] else ${textArray(scaleTitlesEn)}[x.ti] end,
          case when x.l = 'fr' then '(promo ' || x.id || ')' else '(cohort ' || x.id || ')' end),
        y.body, '<p>' || y.body || '</p>', y.body, x.l, x.acc, x.n, x.v, x.lp, to_timestamp(x.lt / 1000.0), to_timestamp(x.ct / 1000.0)
      from json_to_recordset(${JSON.stringify(rows)}::json) as x(id bigint, c text, u int, l text, ti int, b text, s int[], acc bigint, n int, v int, lp bigint, lt float8, ct float8)
      cross join lateral (select array_to_string(array(select case when x.l = 'fr' then ${fr}[i] else ${en}[i] end from unnest(x.s) i), ' ') as body) y`);
  };

  const insertPosts = async (tx: Queryable, rows: PostJson[]) => {
    await tx.execute(sql`insert into posts (id, topic_id, parent_id, root_id, path, depth, author_id, body, body_html, body_text,
        language, child_count, helpful_count, same_here_count, thanks_count, created_at)
      select x.id, x.t, x.p, x.r, x.path::bigint[], x.d, 'scale-user-' || x.u, y.body, '<p>' || y.body || '</p>', y.body,
        x.l, x.cc, x.h, x.sh, x.th, to_timestamp(x.ct / 1000.0)
      from json_to_recordset(${JSON.stringify(rows)}::json) as x(id bigint, t bigint, p bigint, r bigint, path text, d int, u int, l text, s int[], x boolean, cc int, h int, sh int, th int, ct float8)
      cross join lateral (select array_to_string(array(select case when x.l = 'fr' then ${fr}[i] else ${en}[i] end from unnest(x.s) i)
        || case when x.x then array[${scaleRareSentence}::text] else array[]::text[] end, ' ') as body) y`);
  };

  const insertReactions = async (tx: Queryable, rows: ReactionJson[]) => {
    await tx.execute(sql`insert into reactions (post_id, user_id, kind, created_at)
      select x.p, 'scale-user-' || x.u, x.k, to_timestamp(x.ct / 1000.0)
      from json_to_recordset(${JSON.stringify(rows)}::json) as x(p bigint, u int, k text, ct float8)
      on conflict do nothing`);
  };

  await db.transaction(async (tx) => {
    await tx.execute(sql`set local synchronous_commit = off`);
    let topicBatch: TopicJson[] = [];
    let postBatch: PostJson[] = [];
    let reactionBatch: ReactionJson[] = [];
    let postIndex = 0;
    const flushPosts = async (force = false) => {
      if (topicBatch.length && (force || postBatch.length >= batchSize || topicBatch.length >= batchSize)) {
        await insertTopics(tx, topicBatch);
        topicBatch = [];
      }
      if (postBatch.length && (force || postBatch.length >= batchSize)) {
        await insertPosts(tx, postBatch);
        postBatch = [];
      }
      if (reactionBatch.length && (force || reactionBatch.length >= batchSize)) {
        await insertReactions(tx, reactionBatch);
        reactionBatch = [];
      }
    };
    const span = 395 * day;
    for (let i = 0; i < topicCount; i++) {
      const id = firstTopic + i;
      const n = sizes[i];
      const lang: "fr" | "en" = rng.next() < 0.7 ? "fr" : "en";
      const author = rng.int(userCount);
      const createdAt = now - 400 * day + Math.floor((span * i) / topicCount) + rng.int(6 * 60) * minute;
      const window = Math.max(Math.min(n * 1.5 * day, 45 * day, (now - createdAt) * 0.95), minute);
      // The tree: parent (index in this topic) and depth of each post; ids follow creation order.
      const parent = new Int32Array(n);
      const depth = new Int32Array(n);
      const children = new Int32Array(n);
      const ids = Array.from({ length: n }, (_, k) => firstPost + postIndex + k);
      const paths: number[][] = [];
      const roots: number[] = [];
      const times: number[] = [];
      for (let k = 0; k < n; k++) {
        times.push(Math.min(createdAt + Math.floor(window * ((k + 1) / n) ** 1.6), now - minute));
        if (k === 0 || rng.next() < 0.6) {
          parent[k] = -1;
          depth[k] = 0;
        } else {
          let j = rng.next() < 0.5 ? k - 1 : k - 1 - Math.floor(rng.next() ** 2 * k);
          while (depth[j] >= maxDepth) j = parent[j];
          parent[k] = j;
          depth[k] = depth[j] + 1;
          children[j]++;
        }
        paths.push(parent[k] === -1 ? [ids[k]] : [...paths[parent[k]], ids[k]]);
        if (parent[k] === -1) roots.push(ids[k]);
      }
      for (let k = 0; k < n; k++) {
        const postAuthor = rng.next() < 0.15 ? author : rng.int(userCount);
        const counts = { helpful: 0, "same-here": 0, thanks: 0 };
        if (rng.next() < 0.15) {
          const seen = new Set<string>();
          const r = 1 + rng.int(3);
          for (let q = 0; q < r; q++) {
            const u = rng.int(userCount);
            const k2 = reactionKinds[rng.int(reactionKinds.length)];
            if (u === postAuthor || seen.has(`${u}:${k2}`)) continue;
            seen.add(`${u}:${k2}`);
            counts[k2]++;
            reactionBatch.push({ p: ids[k], u, k: k2, ct: Math.min(times[k] + (q + 1) * hour, now - 1000) });
          }
        }
        postBatch.push({
          id: ids[k],
          t: id,
          p: parent[k] === -1 ? null : ids[parent[k]],
          r: paths[k][0],
          path: `{${paths[k].join(",")}}`,
          d: depth[k],
          u: postAuthor,
          l: lang,
          s: sentences(lang),
          x: rare.has(postIndex + k),
          cc: children[k],
          h: counts.helpful,
          sh: counts["same-here"],
          th: counts.thanks,
          ct: times[k],
        });
      }
      postIndex += n;
      const accepted = kind[i] === 20 ? roots[0] : roots.length && rng.next() < 0.3 ? roots[rng.int(roots.length)] : null;
      topicBatch.push({
        id,
        c: categoryIds[rng.int(categoryIds.length)],
        u: author,
        l: lang,
        ti: 1 + rng.int(scaleTitlesFr.length),
        b: kind[i] === 1000 ? benchTitle1000 : kind[i] === 20 ? benchTitle20 : "",
        s: sentences(lang),
        acc: accepted,
        n,
        v: n * 3 + rng.int(200),
        lp: n ? ids[n - 1] : null,
        lt: n ? times[n - 1] : createdAt,
        ct: createdAt,
      });
      if (postBatch.length >= batchSize || topicBatch.length >= batchSize) await flushPosts();
    }
    await flushPosts(true);
    const slugs = textArray(demoTags.map((t) => t.slug));
    await tx.execute(sql`insert into topic_tags (topic_id, tag_slug)
      select t.id, ${slugs}[1 + ((t.id * v.k + v.k) % ${demoTags.length})]
      from topics t cross join (values (7), (11), (17)) v(k)
      where t.id between ${firstTopic} and ${firstTopic + topicCount - 1}
        and (v.k = 7 or (v.k = 11 and t.id % 2 = 0) or (v.k = 17 and t.id % 5 = 0))
      on conflict do nothing`);
    await tx.execute(sql`insert into subscriptions (user_id, target_type, target_id, level, created_at)
      select author_id, 'topic', id::text, 'watching', created_at from topics
      where id between ${firstTopic} and ${firstTopic + topicCount - 1}
      on conflict do nothing`);
    await tx.execute(sql`insert into subscriptions (user_id, target_type, target_id, level, created_at)
      select author_id, 'topic', topic_id::text, 'watching', min(created_at) from posts
      where id between ${firstPost} and ${firstPost + postCount - 1}
      group by author_id, topic_id
      on conflict do nothing`);
  });
  const written = Date.now();
  await db.execute(sql`vacuum analyze topics, posts, reactions, topic_tags, subscriptions`);
  log(
    `Scale discussions seeded: ${topicCount} topics, ${postCount} posts in ${((written - started) / 1000).toFixed(1)} s, ` +
      `vacuum and analyze ${((Date.now() - written) / 1000).toFixed(1)} s.`,
  );
}
