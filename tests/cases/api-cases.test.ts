import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { sweepFollowUpReminders } from "../../app/modules/cases/cases.server";
import { startTestServer, type TestClient, type TestServer } from "../setup/harness";
import { api, everyone, expectProblem, json, people, unique, type Json, type Who } from "../discussions/api-helpers";

/**
 * Case studies through /api/v1 (api.md "Case studies"): create, personal-data findings, review, edit and resubmit,
 * reveal with its log and notification, approaches that helped, follow-up and its reminder, listing and facets;
 * every role, a stranger and bad input (clear 4xx, nothing stored).
 */

let server: TestServer;
const as = {} as Record<Who, TestClient>;
let stranger: TestClient;

beforeAll(async () => {
  server = await startTestServer();
  for (const who of everyone) as[who] = await server.signedIn(people[who]);
  stranger = server.client();
});
afterAll(() => server?.stop());

const tables = ["cases", "case_tags", "case_helped", "topics", "notifications", "moderation_actions"];
async function snapshot(): Promise<Record<string, number>> {
  const [row] = await queryRows<Record<string, number>>(
    server.services.db,
    sql.raw(`select ${tables.map((t) => `(select count(*)::int from ${t}) as ${t}`).join(", ")}`),
  );
  return row;
}

const clean = (fields: Json = {}) => ({
  title: unique("Un apprenant décroche en semaine 6"),
  context: { programme: "web-developer", week: 6, groupSize: 14, learnerProfile: "career-changers" },
  situation: "Un apprenant en reconversion ne vient plus depuis une semaine et ne répond plus aux messages du groupe.",
  actionsTaken: "Un entretien individuel, un binôme pour rattraper.",
  outcome: "Il est revenu et a fini le projet.",
  lessons: "Appeler tôt.",
  questions: "Comment repérer le décrochage plus tôt ?",
  tags: ["dropout-risk", "mid-programme"],
  language: "fr",
  anonymous: false,
  noIdentifiablePeople: true,
  ...fields,
});

async function newCase(client: TestClient, fields: Json = {}): Promise<Json> {
  return (await json(await client.post(api("/cases"), clean(fields)), 201)).case;
}

async function notificationsOf(client: TestClient): Promise<Json[]> {
  return (await json(await client.get(api("/notifications?limit=100")), 200)).items;
}

describe("creating a case", () => {
  it("publishes a clean case with its discussion, for every role", async () => {
    for (const who of everyone) {
      const kase = await newCase(as[who]);
      expect(kase).toMatchObject({ status: "published", isMine: true, templateVersion: 1, language: "fr", anonymous: false });
      expect(kase.author.handle).toBeTruthy();
      expect(kase.situationHtml).toContain("<p>");
      expect(kase.tags).toEqual(["dropout-risk", "mid-programme"]);
      expect(kase.url).toMatch(new RegExp(`/cases/${kase.id}$`));
      expect(kase.country).toMatch(/^[A-Z]{2}$/);
      const topic = (await json(await as.peer.get(api(`/topics/${kase.topicId}`)), 200)).topic;
      expect(topic.title).toBe(kase.title);
    }
  });

  it("answers 401 to a stranger and stores nothing", async () => {
    const before = await snapshot();
    await expectProblem(await stranger.post(api("/cases"), clean()), [401, 403]);
    await expectProblem(await stranger.get(api("/cases")), 401);
    expect(await snapshot()).toEqual(before);
  });

  it("rejects bad input with 422 per field and stores nothing", async () => {
    const before = await snapshot();
    const unconfirmed = await expectProblem(await as.trainer.post(api("/cases"), clean({ noIdentifiablePeople: false })), 422, "noIdentifiablePeople");
    // The message says what to do, not a generic "choose one of the values".
    expect(unconfirmed.errors.noIdentifiablePeople[0]).toMatch(/collègue|colleague/);
    await expectProblem(await as.trainer.post(api("/cases"), { ...clean(), noIdentifiablePeople: undefined }), 422, "noIdentifiablePeople");
    await expectProblem(await as.trainer.post(api("/cases"), clean({ situation: "  " })), 422, "situation");
    await expectProblem(await as.trainer.post(api("/cases"), clean({ title: "x" })), 422, "title");
    await expectProblem(await as.trainer.post(api("/cases"), clean({ language: "de" })), 422, "language");
    await expectProblem(await as.trainer.post(api("/cases"), clean({ context: { week: 1.5 } })), 422, "context.week");
    await expectProblem(await as.trainer.post(api("/cases"), clean({ context: { learnerProfile: "nobody" } })), 422, "context.learnerProfile");
    await expectProblem(await as.trainer.post(api("/cases"), clean({ tags: ["no-such-tag"] })), 422, "tags");
    await expectProblem(await as.trainer.post(api("/cases"), clean({ extra: 1 })), 422);
    await expectProblem(await as.trainer.post(api("/cases"), "[1,2"), 400);
    await expectProblem(await as.trainer.post(api("/cases"), "x", { "content-type": "text/plain" }), 415);
    expect(await snapshot()).toEqual(before);
  });

  it("answers 422 with the findings per field when the text names someone, and stores nothing", async () => {
    const before = await snapshot();
    const problem = await expectProblem(
      await as.trainer.post(api("/cases"), clean({ situation: "Marie Dupont (marie.dupont@example.org, 06 12 34 56 78) habite 12 rue des Lilas." })),
      422,
      "situation",
    );
    const messages = problem.errors.situation.join(" | ");
    expect(messages).toContain("marie.dupont@example.org");
    expect(messages).toContain("06 12 34 56 78");
    expect(messages).toContain("Marie Dupont");
    expect(messages).toContain("12 rue des Lilas");
    expect(await snapshot()).toEqual(before);
  });

  it("stores an acknowledged case in review, seen only by its author, leads and admins", async () => {
    const kase = (await json(await as.trainer.post(api("/cases"), clean({ situation: "Stage chez Dupont Logistique SARL qui l’a renvoyé.", acknowledgeWarnings: true })), 201)).case;
    expect(kase.status).toBe("in-review");
    for (const who of ["trainer", "lead", "admin"] as Who[]) await json(await as[who].get(api(`/cases/${kase.id}`)), 200);
    for (const who of ["peer", "host"] as Who[]) {
      await expectProblem(await as[who].get(api(`/cases/${kase.id}`)), 404);
      await expectProblem(await as[who].get(api(`/topics/${kase.topicId}`)), 404);
      const list = (await json(await as[who].get(api("/cases?limit=100")), 200)).items;
      expect(list.map((c: Json) => c.id)).not.toContain(kase.id);
    }
    const queue = (await json(await as.lead.get(api("/cases?status=awaiting-review&limit=100")), 200)).items;
    expect(queue.map((c: Json) => c.id)).toContain(kase.id);
    await expectProblem(await as.trainer.get(api("/cases?status=awaiting-review")), 403);
  });

  it("returns sensitive-category warnings without blocking (a case about dyslexia publishes)", async () => {
    const res = await json(await as.trainer.post(api("/cases"), clean({ situation: "Une apprenante dyslexique peinait à lire les consignes écrites." })), 201);
    expect(res.case.status).toBe("published");
    expect(res.warnings.map((w: Json) => w.kind)).toContain("disability");
  });
});

describe("review", () => {
  it("lets a lead send back with a comment, the author resubmits, an admin publishes; logged and notified", async () => {
    const kase = (await json(await as.trainer.post(api("/cases"), clean({ outcome: "Il travaille maintenant chez Acme SAS.", acknowledgeWarnings: true })), 201)).case;
    for (const who of ["trainer", "peer", "host"] as Who[]) {
      await expectProblem(await as[who].post(api(`/cases/${kase.id}/review`), { decision: "publish", comment: "" }), 403);
    }
    await expectProblem(await stranger.post(api(`/cases/${kase.id}/review`), { decision: "publish" }), [401, 403]);
    await expectProblem(await as.lead.post(api(`/cases/${kase.id}/review`), { decision: "maybe" }), 422, "decision");
    await expectProblem(await as.lead.post(api(`/cases/${kase.id}/review`), { decision: "request-changes", comment: "" }), 422, "comment");
    await expectProblem(await as.lead.post(api(`/cases/999999999/review`), { decision: "publish" }), 404);
    const sent = (await json(await as.lead.post(api(`/cases/${kase.id}/review`), { decision: "request-changes", comment: "Retirez le nom de l’entreprise." }), 200)).case;
    expect(sent).toMatchObject({ status: "changes-requested", reviewComment: "Retirez le nom de l’entreprise." });
    await expectProblem(await as.lead.post(api(`/cases/${kase.id}/review`), { decision: "publish" }), 409);
    const notes = await notificationsOf(as.trainer);
    expect(notes.find((n) => n.kind === "case-review")).toMatchObject({ actor: { name: expect.any(String) } });
    // Someone else cannot edit it; the author edits and it goes back to review.
    await expectProblem(await as.peer.patch(api(`/cases/${kase.id}`), { outcome: "x", noIdentifiablePeople: true }), 404);
    await expectProblem(await as.lead.patch(api(`/cases/${kase.id}`), { outcome: "x", noIdentifiablePeople: true }), 403);
    await expectProblem(await as.trainer.patch(api(`/cases/${kase.id}`), { outcome: "Il travaille maintenant.", noIdentifiablePeople: false }), 422, "noIdentifiablePeople");
    const resubmitted = (await json(await as.trainer.patch(api(`/cases/${kase.id}`), { outcome: "Il travaille maintenant dans une entreprise locale.", noIdentifiablePeople: true }), 200)).case;
    expect(resubmitted.status).toBe("in-review");
    expect(resubmitted.reviewComment).toBe("Retirez le nom de l’entreprise.");
    const published = (await json(await as.admin.post(api(`/cases/${kase.id}/review`), { decision: "publish", comment: "Merci" }), 200)).case;
    expect(published.status).toBe("published");
    expect(published.publishedAt).toBeTruthy();
    const peerView = (await json(await as.peer.get(api(`/cases/${kase.id}`)), 200)).case;
    expect(peerView).not.toHaveProperty("reviewComment");
    const log = (await json(await as.lead.get(api("/moderation/log?limit=100")), 200)).items;
    const entries = log.filter((e: Json) => e.targetType === "case" && e.targetId === kase.id).map((e: Json) => e.action);
    expect(entries).toEqual(["publish", "request-changes"]);
  });
});

describe("identity reveal", () => {
  it("answers the author to leads and admins only, with a reason, logged and notified in one go", async () => {
    const kase = await newCase(as.trainer, { anonymous: true });
    await expectProblem(await stranger.get(api(`/cases/${kase.id}/identity?reason=x`)), 401);
    for (const who of ["trainer", "peer", "host"] as Who[]) await expectProblem(await as[who].get(api(`/cases/${kase.id}/identity?reason=curious`)), 403);
    const before = await snapshot();
    await expectProblem(await as.lead.get(api(`/cases/${kase.id}/identity`)), 422, "reason");
    await expectProblem(await as.lead.get(api(`/cases/${kase.id}/identity?reason=%20%20`)), 422, "reason");
    await expectProblem(await as.lead.get(api(`/cases/999999999/identity?reason=x`)), 404);
    await expectProblem(await as.lead.get(api(`/cases/abc/identity?reason=x`)), 404);
    expect(await snapshot()).toEqual(before);
    for (const who of ["lead", "admin"] as Who[]) {
      const body = await json(await as[who].get(api(`/cases/${kase.id}/identity?reason=${encodeURIComponent("Signalement de harcèlement")}`)), 200);
      expect(body.author).toMatchObject({ name: "Camille Martin", handle: "camille.martin", id: expect.any(String) });
    }
    const log = (await json(await as.admin.get(api("/moderation/log?limit=100")), 200)).items;
    const reveals = log.filter((e: Json) => e.action === "reveal-identity" && e.targetId === kase.id);
    expect(reveals).toHaveLength(2);
    expect(reveals[0]).toMatchObject({ targetType: "case", reason: "Signalement de harcèlement", actor: { name: expect.any(String) } });
    const notes = (await notificationsOf(as.trainer)).filter((n) => n.kind === "identity-reveal");
    expect(notes.length).toBeGreaterThanOrEqual(2);
    expect(notes[0].actor).toMatchObject({ name: expect.any(String) });
  });
});

describe("approaches that helped and follow-up", () => {
  it("lets the author mark any number of replies, idempotently; others get 403; counts follow", async () => {
    const kase = await newCase(as.trainer);
    const r1 = (await json(await as.peer.post(api(`/topics/${kase.topicId}/posts`), { body: "Proposez un binôme." }), 201)).post;
    const r2 = (await json(await as.lead.post(api(`/topics/${kase.topicId}/posts`), { body: "Un point hebdomadaire." }), 201)).post;
    const other = await newCase(as.peer);
    const foreign = (await json(await as.peer.post(api(`/topics/${other.topicId}/posts`), { body: "Ailleurs." }), 201)).post;
    for (const who of ["peer", "lead", "admin", "host"] as Who[]) await expectProblem(await as[who].put(api(`/cases/${kase.id}/helped/${r1.id}`)), 403);
    await expectProblem(await stranger.put(api(`/cases/${kase.id}/helped/${r1.id}`)), [401, 403]);
    await expectProblem(await as.trainer.put(api(`/cases/${kase.id}/helped/${foreign.id}`)), 404);
    await expectProblem(await as.trainer.put(api(`/cases/${kase.id}/helped/abc`)), 404);
    await json(await as.trainer.put(api(`/cases/${kase.id}/helped/${r1.id}`)), 200);
    await json(await as.trainer.put(api(`/cases/${kase.id}/helped/${r1.id}`)), 200);
    const both = (await json(await as.trainer.put(api(`/cases/${kase.id}/helped/${r2.id}`)), 200)).case;
    expect(both.helpedPostIds.sort()).toEqual([r1.id, r2.id].sort());
    expect(both.replyCount).toBe(2);
    expect(both.helpfulCount).toBe(2);
    await json(await as.admin.put(api(`/posts/${r1.id}/reactions/helpful`)), 200);
    expect((await json(await as.peer.get(api(`/cases/${kase.id}`)), 200)).case.helpfulCount).toBe(3);
    const one = (await json(await as.trainer.delete(api(`/cases/${kase.id}/helped/${r2.id}`)), 200)).case;
    expect(one.helpedPostIds).toEqual([r1.id]);
    expect(one.helpfulCount).toBe(2);
    // The topics API has no accepted answer for a case.
    await expectProblem(await as.trainer.post(api(`/topics/${kase.topicId}/accept`), { postId: r1.id }), 409);
  });

  it("takes a follow-up from the author only; the reminder sweep tells authors once, after 28 days", async () => {
    const kase = await newCase(as.peer);
    const old = await newCase(as.peer);
    await server.services.db.execute(sql`update cases set published_at = now() - interval '30 days' where id = ${Number(old.id)}`);
    await expectProblem(await as.trainer.post(api(`/cases/${kase.id}/follow-up`), { followUp: "Suite" }), 403);
    await expectProblem(await as.peer.post(api(`/cases/${kase.id}/follow-up`), { followUp: "" }), 422, "followUp");
    const later = new Date(Date.now() + 29 * 86_400_000);
    const first = await sweepFollowUpReminders(server.services, later);
    expect(first).toBeGreaterThanOrEqual(2);
    expect(await sweepFollowUpReminders(server.services, later)).toBe(0);
    const reminders = (await notificationsOf(as.peer)).filter((n) => n.kind === "case-follow-up");
    expect(reminders.length).toBeGreaterThanOrEqual(2);
    expect(reminders[0].actor).toBeNull();
    const withFollowUp = (await json(await as.peer.post(api(`/cases/${kase.id}/follow-up`), { followUp: "Trois mois après, **il a trouvé** un poste." }), 200)).case;
    expect(withFollowUp.followUpHtml).toContain("<strong>il a trouvé</strong>");
    expect(withFollowUp.followUpAt).toBeTruthy();
  });
});

describe("listing and facets", () => {
  it("filters by tags (AND), language, country, follow-up, text; sorts; pages with a cursor", async () => {
    const tag = ["harassment", "final-project"];
    const a = await newCase(as.trainer, { tags: tag, language: "en", title: unique("Harassment reported during the final project"), situation: "A learner reported harassment in the team chat." });
    await newCase(as.trainer, { tags: ["harassment"], language: "en" });
    const items = (await json(await as.peer.get(api("/cases?tag=harassment&tag=final-project&limit=100")), 200)).items as Json[];
    expect(items.every((c) => tag.every((t) => c.tags.includes(t)))).toBe(true);
    expect(items.map((c) => c.id)).toContain(a.id);
    const en = (await json(await as.peer.get(api("/cases?language=en&limit=100")), 200)).items as Json[];
    expect(en.every((c) => c.language === "en")).toBe(true);
    const fr = (await json(await as.peer.get(api("/cases?country=FR&limit=100")), 200)).items as Json[];
    expect(fr.every((c) => c.country === "FR")).toBe(true);
    const search = (await json(await as.peer.get(api(`/cases?q=${encodeURIComponent("harassment chat")}&limit=100`)), 200)).items as Json[];
    expect(search.map((c) => c.id)).toContain(a.id);
    const page1 = await json(await as.peer.get(api("/cases?limit=2&sort=discussed")), 200);
    expect(page1.items).toHaveLength(2);
    expect(page1.nextCursor).toBeTruthy();
    const page2 = await json(await as.peer.get(api(`/cases?limit=2&sort=discussed&cursor=${page1.nextCursor}`)), 200);
    expect(page2.items.map((c: Json) => c.id)).not.toContain(page1.items[0].id);
    for (const sort of ["recent", "helpful", "discussed"]) await json(await as.peer.get(api(`/cases?sort=${sort}`)), 200);
    await expectProblem(await as.peer.get(api("/cases?sort=best")), 400);
    await expectProblem(await as.peer.get(api("/cases?cursor=nope")), 400);
    await expectProblem(await as.peer.get(api("/cases?limit=1000")), 400);
    const facets = (await json(await as.peer.get(api("/cases?facets=true&tag=harassment")), 200)).facets;
    expect(facets.total).toBeGreaterThanOrEqual(2);
    const situation = facets.tagGroups.find((g: Json) => g.group === "situation");
    expect(situation.values.find((v: Json) => v.value === "harassment")).toMatchObject({ selected: true });
    // Within a group values OR: other situations keep their own counts.
    expect(situation.values.find((v: Json) => v.value === "dropout-risk")?.count ?? 0).toBeGreaterThan(0);
    expect(facets.languages.find((l: Json) => l.value === "en").count).toBeGreaterThanOrEqual(2);
  });

  it("shows related cases and discussions, never the case itself", async () => {
    const kase = await newCase(as.trainer, { tags: ["cheating", "evaluation"], title: unique("Triche pendant une évaluation") });
    await newCase(as.peer, { tags: ["cheating"], title: unique("Triche à l’évaluation finale") });
    const related = await json(await as.host.get(api(`/cases/${kase.id}/related`)), 200);
    expect(related.cases.length).toBeGreaterThan(0);
    expect(related.cases.map((c: Json) => c.id)).not.toContain(kase.id);
    expect(Array.isArray(related.discussions)).toBe(true);
  });
});

describe("taxonomy", () => {
  it("keeps a case's tags through a merge", async () => {
    const slug = unique("tmp-tag").toLowerCase();
    await json(await as.lead.post(api("/tags"), { slug, group: "situation", labels: { fr: "Temp", en: "Temp" } }), 201);
    const kase = await newCase(as.trainer, { tags: [slug] });
    await json(await as.lead.post(api(`/tags/${slug}/merge`), { into: "motivation" }), 200);
    expect((await json(await as.trainer.get(api(`/cases/${kase.id}`)), 200)).case.tags).toEqual(["motivation"]);
    const items = (await json(await as.trainer.get(api("/cases?tag=motivation&limit=100")), 200)).items as Json[];
    expect(items.map((c) => c.id)).toContain(kase.id);
  });
});
