import { sql } from "drizzle-orm";
import type { Database } from "../client";
import { queryRows } from "../client";
import { renderMarkdown } from "../../app/modules/discussions/markdown";
import { demoCases } from "./cases-data";
import { scaleSentencesEn, scaleSentencesFr } from "./discussions-data";

const demoUserId = (handle: string) => `demo-${handle.replace(/[^a-z0-9]+/g, "-")}`;
const day = 86_400_000;

/**
 * The demo case studies (db/seed/cases-data.ts) with their discussions, helped replies and follow-ups; anonymous
 * ones and one in review. One transaction; nothing happens when any case exists already. No notifications.
 */
export async function seedDemoCases(db: Database, log: (line: string) => void = () => {}, now = Date.now()): Promise<void> {
  const [existing] = await queryRows<{ id: number }>(db, sql`select id from cases limit 1`);
  if (existing) {
    log("Demo cases skipped: cases exist already.");
    return;
  }
  await db.transaction(async (tx) => {
    for (const c of demoCases) {
      const authorId = demoUserId(c.author);
      const created = new Date(now - c.daysAgo * day);
      const html = (md: string) => (md ? renderMarkdown(md).html : "");
      const text = [c.context.notes ?? "", ...[c.situation, c.actionsTaken, c.outcome, c.lessons, c.questions].filter(Boolean).map((md) => renderMarkdown(md).text)]
        .filter(Boolean)
        .join("\n\n");
      const status = c.status ?? "published";
      const [topic] = await queryRows<{ id: number }>(
        tx,
        sql`insert into topics (category_id, author_id, kind, title, body, body_html, body_text, language, created_at, last_posted_at)
          values ('case-studies', ${authorId}, 'case', ${c.title}, ${c.situation}, ${html(c.situation)}, '', ${c.language}, ${created.toISOString()}::timestamptz, ${created.toISOString()}::timestamptz)
          returning id`,
      );
      const followUpAt = c.followUp ? new Date(created.getTime() + Math.max(1, c.daysAgo - 3) * day) : null;
      const [kase] = await queryRows<{ id: number }>(
        tx,
        sql`insert into cases (topic_id, author_id, anonymous, status, template_version, title, context, programme, learner_profile,
            situation, situation_html, actions_taken, actions_taken_html, outcome, outcome_html, lessons, lessons_html, questions, questions_html,
            body_text, follow_up, follow_up_html, follow_up_at, language, centre_country, published_at, follow_up_reminded_at, created_at, updated_at)
          select ${topic.id}, ${authorId}, ${c.anonymous}, ${status}, 1, ${c.title}, ${JSON.stringify(c.context)}::jsonb, ${c.context.programme ?? null}, ${c.context.learnerProfile ?? null},
            ${c.situation}, ${html(c.situation)}, ${c.actionsTaken}, ${html(c.actionsTaken)}, ${c.outcome}, ${html(c.outcome)}, ${c.lessons}, ${html(c.lessons)},
            ${c.questions}, ${html(c.questions)}, ${text}, ${c.followUp ?? null}, ${c.followUp ? html(c.followUp) : null}, ${followUpAt?.toISOString() ?? null}::timestamptz,
            ${c.language}, ce.country, ${status === "published" ? created.toISOString() : null}::timestamptz,
            ${c.daysAgo >= 28 && !c.followUp ? created.toISOString() : null}::timestamptz, ${created.toISOString()}::timestamptz, ${created.toISOString()}::timestamptz
          from users u join centres ce on ce.id = u.centre_id where u.id = ${authorId}
          returning id`,
      );
      if (!kase) throw new Error(`demo case author ${c.author} is not a demo person`);
      for (const tag of c.tags) await tx.execute(sql`insert into case_tags (case_id, tag_slug) values (${kase.id}, ${tag})`);
      await tx.execute(sql`insert into subscriptions (user_id, target_type, target_id, level) values (${authorId}, 'topic', ${String(topic.id)}, 'watching') on conflict do nothing`);
      const replies = c.replies ?? [];
      for (const [i, r] of replies.entries()) {
        const at = new Date(created.getTime() + (i + 1) * 3 * 3_600_000);
        const rendered = renderMarkdown(r.body);
        const [post] = await queryRows<{ id: number }>(
          tx,
          sql`insert into posts (topic_id, root_id, path, depth, author_id, body, body_html, body_text, language, created_at)
            values (${topic.id}, 0, '{}', 0, ${demoUserId(r.author)}, ${r.body}, ${rendered.html}, ${rendered.text}, ${c.language}, ${at.toISOString()}::timestamptz)
            returning id`,
        );
        await tx.execute(sql`update posts set root_id = id, path = array[id] where id = ${post.id}`);
        await tx.execute(sql`update topics set reply_count = reply_count + 1, last_post_id = ${post.id}, last_posted_at = ${at.toISOString()}::timestamptz where id = ${topic.id}`);
        if (i < (c.helped ?? 0)) await tx.execute(sql`insert into case_helped (case_id, post_id, created_at) values (${kase.id}, ${post.id}, ${at.toISOString()}::timestamptz)`);
      }
    }
  });
  log(`Demo cases seeded: ${demoCases.length} case studies.`);
}

const scaleSentencesEs = [
  "Un alumno dejó de venir durante una semana sin avisar.",
  "El grupo trabajaba en un proyecto final con plazos ajustados.",
  "Propusimos una tutoría individual y un compañero de apoyo.",
  "La comunicación con el equipo mejoró después de la retrospectiva.",
  "Varias personas tenían dificultades con git y las ramas.",
  "El formador organizó una sesión de repaso el viernes.",
  "Aprendimos a detectar antes las señales de abandono.",
  "La evaluación oral redujo mucho la tentación de copiar.",
];

/**
 * Bench-scale case studies: 10,000 per unit of scale by the `scale-user-*` people, with their discussion topics,
 * in French, English and Spanish, tagged across the taxonomy's groups (a situation, a phase, an audience, sometimes
 * a format), a third with a follow-up, counts spread for sorting. Runs once (nothing when bench cases exist).
 */
export async function seedScaleCases(db: Database, scale: number, log: (line: string) => void = () => {}): Promise<void> {
  const started = Date.now();
  const [done] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from cases where author_id like 'scale-user-%'`);
  if (done.n > 0) {
    log("Scale cases skipped: bench cases exist already.");
    return;
  }
  const [people] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from users where id like 'scale-user-%'`);
  if (people.n === 0) throw new Error("seedScaleCases needs the scale-user-* people (seedScale creates them first)");
  const count = 10_000 * scale;
  const arr = (list: string[]) => sql`(array[${sql.join(list.map((s) => sql`${s}`), sql`, `)}]::text[])`;
  const situations = arr(["dropout-risk", "group-conflict", "harassment", "disruptive-behaviour", "cheating", "mixed-levels", "motivation", "trainer-wellbeing", "personal-hardship"]);
  const phases = arr(["onboarding-phase", "mid-programme", "internship-search", "final-project"]);
  const audiences = arr(["digital-beginners", "career-changers", "young-adults", "refugees-newcomers", "learning-disabilities"]);
  const formats = arr(["group-project", "remote-hybrid", "evaluation", "pair-programming"]);
  const programmes = arr(["web-developer", "data-analyst", "cloud-devops", "cybersecurity", "ai-developer", "digital-inclusion", "other"]);
  const profiles = arr(["job-seekers", "young-adults-neet", "career-changers", "refugees-newcomers", "women-in-tech", "people-with-disabilities", "seniors", "mixed"]);
  const countries = arr(["FR", "ES", "BE", "RO"]);
  const fr = arr(scaleSentencesFr);
  const en = arr(scaleSentencesEn);
  const es = arr(scaleSentencesEs);
  await db.transaction(async (tx) => {
    await tx.execute(sql`create temporary table scale_cases on commit drop as
      select g as n,
        (select id from topics where false) as topic_id,
        'scale-user-' || (g % ${people.n}) as author_id,
        (array['fr','en','es'])[1 + g % 3] as language,
        now() - (g * interval '37 minutes') as at,
        array_remove(array[
          ${situations}[1 + g % 9], ${phases}[1 + (g / 9) % 4], ${audiences}[1 + (g / 7) % 5],
          case when g % 3 = 0 then ${formats}[1 + (g / 11) % 4] end
        ], null) as tags
      from generate_series(1, ${count}) g`);
    await tx.execute(sql`update scale_cases set topic_id = nextval(pg_get_serial_sequence('topics', 'id'))`);
    await tx.execute(sql`insert into topics (id, category_id, author_id, kind, title, body, body_html, body_text, language, reply_count, created_at, last_posted_at)
      select topic_id, 'case-studies', author_id, 'case', 'Bench case ' || n, '', '', '', language, (n * 7) % 23, at, at from scale_cases`);
    await tx.execute(sql`insert into cases (topic_id, author_id, anonymous, status, title, context, programme, learner_profile, situation, situation_html,
        body_text, follow_up, follow_up_html, follow_up_at, language, centre_country, tag_slugs, helpful_count, reply_count, published_at, created_at, updated_at)
      select s.topic_id, s.author_id, s.n % 4 = 0, 'published',
        case s.language when 'fr' then 'Cas de formation ' when 'es' then 'Caso de formación ' else 'Training case ' end || s.n,
        jsonb_build_object('programme', ${programmes}[1 + s.n % 7], 'week', 1 + s.n % 30, 'groupSize', 8 + s.n % 20, 'learnerProfile', ${profiles}[1 + s.n % 8]),
        ${programmes}[1 + s.n % 7], ${profiles}[1 + s.n % 8], y.body, '<p>' || y.body || '</p>', y.body,
        case when s.n % 3 = 0 then 'Follow-up ' || s.n end, case when s.n % 3 = 0 then '<p>Follow-up ' || s.n || '</p>' end, case when s.n % 3 = 0 then s.at end,
        s.language, ${countries}[1 + s.n % 4], s.tags, (s.n * 13) % 17, (s.n * 7) % 23, s.at, s.at, s.at
      from scale_cases s
      cross join lateral (select array_to_string(array(
        select case s.language when 'fr' then ${fr}[1 + (s.n * k) % cardinality(${fr})] when 'es' then ${es}[1 + (s.n * k) % cardinality(${es})] else ${en}[1 + (s.n * k) % cardinality(${en})] end
        from generate_series(1, 3) k), ' ') as body) y`);
    // case_tags mirror tag_slugs already set: its sync trigger would only rewrite the same arrays, row by row.
    await tx.execute(sql`alter table case_tags disable trigger case_tags_sync`);
    await tx.execute(sql`insert into case_tags (case_id, tag_slug) select c.id, unnest(c.tag_slugs) from cases c where c.author_id like 'scale-user-%'`);
    await tx.execute(sql`alter table case_tags enable trigger case_tags_sync`);
  });
  // Vacuumed so that the facet counts can use their index-only scan straight away.
  await db.execute(sql`vacuum analyze cases`);
  await db.execute(sql`analyze case_tags`);
  log(`Scale cases seeded: ${count} case studies in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
