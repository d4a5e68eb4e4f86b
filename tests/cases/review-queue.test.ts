import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestClient, type TestServer } from "../setup/harness";
import { api, everyone, expectProblem, json, people, unique, type Json, type Who } from "../discussions/api-helpers";

/**
 * The leads' review list (issue 10): a case sent back for changes and resubmitted is waiting again, and is shown
 * among the first in the "awaiting review" list (the API's first page and the /cases page) for leads and admins,
 * however many cases were submitted since it was first written; trainers and hosts have no such list.
 */

let server: TestServer;
const as = {} as Record<Who, TestClient>;

beforeAll(async () => {
  server = await startTestServer({ remix: "development" });
  for (const who of everyone) as[who] = await server.signedIn(people[who]);
}, 120_000);
afterAll(() => server?.stop());

/** A case whose text names an employer: stored in review once the author acknowledges the finding. */
const withFindings = (title: string) => ({
  title,
  context: { programme: "web-developer", week: 6 },
  situation: "Stage chez Dupont Logistique SARL, qui a renvoyé l’apprenant au bout d’une semaine.",
  tags: ["dropout-risk"],
  language: "fr",
  noIdentifiablePeople: true,
  acknowledgeWarnings: true,
});

const queueOf = async (client: TestClient, limit = 10) =>
  (await json(await client.get(api(`/cases?status=awaiting-review&limit=${limit}`)), 200)).items.map((c: Json) => c.id) as string[];

/** The HTML of the /cases page's "awaiting review" section, or null when the page has none. */
async function reviewSection(client: TestClient): Promise<string | null> {
  const res = await client.get("/cases");
  expect(res.status).toBe(200);
  const html = await res.text();
  const match = /<section[^>]*id="review"[\s\S]*?<\/section>/.exec(html);
  return match ? match[0] : null;
}

describe("a case sent back and resubmitted", () => {
  const title = unique("Cas renvoyé puis corrigé");
  let caseId = "";

  beforeAll(async () => {
    // The author submits a case with findings: it waits for review.
    const kase = (await json(await as.trainer.post(api("/cases"), withFindings(title)), 201)).case;
    expect(kase.status).toBe("in-review");
    caseId = kase.id;
    expect(await queueOf(as.lead, 100)).toContain(caseId);
    // A lead sends it back: it leaves the list.
    const sent = (await json(await as.lead.post(api(`/cases/${caseId}/review`), { decision: "request-changes", comment: "Retirez le nom de l’entreprise." }), 200)).case;
    expect(sent.status).toBe("changes-requested");
    expect(await queueOf(as.lead, 100)).not.toContain(caseId);
    // Meanwhile others submit many cases for review.
    for (let i = 0; i < 12; i++) await json(await as.peer.post(api("/cases"), withFindings(unique("Autre cas en relecture"))), 201);
    // The author edits and resubmits (the page's edit form does the same through updateCase).
    const again = (
      await json(
        await as.trainer.patch(api(`/cases/${caseId}`), {
          situation: "Stage dans une entreprise de logistique, qui a renvoyé l’apprenant au bout d’une semaine.",
          noIdentifiablePeople: true,
        }),
        200,
      )
    ).case;
    expect(again.status).toBe("in-review");
  }, 120_000);

  it("is first in the leads' and admins' list again (API, first page)", async () => {
    for (const who of ["lead", "admin"] as Who[]) {
      const queue = await queueOf(as[who]);
      expect(queue[0], who).toBe(caseId);
    }
  });

  it("is in the review section of the /cases page for leads and admins, with the real count", async () => {
    for (const who of ["lead", "admin"] as Who[]) {
      const section = await reviewSection(as[who]);
      expect(section, who).not.toBeNull();
      expect(section, who).toContain(`href="/cases/${caseId}"`);
      const total = (await queueOf(as[who], 100)).length;
      expect(total).toBeGreaterThan(10);
      expect(section, who).toContain(`${total} cas attendent votre relecture`);
    }
  });

  it("is in no list for trainers and hosts", async () => {
    for (const who of ["trainer", "peer", "host"] as Who[]) {
      await expectProblem(await as[who].get(api("/cases?status=awaiting-review")), 403);
      expect(await reviewSection(as[who]), who).toBeNull();
    }
    // Its author still finds it among their own cases, in review.
    const mine = (await json(await as.trainer.get(api("/cases?status=mine&limit=100")), 200)).items;
    expect(mine.find((c: Json) => c.id === caseId)).toMatchObject({ status: "in-review" });
  });

  it("pages the review list 20 at a time on the /cases page, the resubmitted case on the first page", async () => {
    for (let i = 0; i < 8; i++) await json(await as.peer.post(api("/cases"), withFindings(unique("Encore un cas en relecture"))), 201);
    const total = (await queueOf(as.lead, 100)).length;
    expect(total).toBeGreaterThan(20);
    const first = (await reviewSection(as.lead))!;
    expect(first).toContain(`${total} cas attendent votre relecture`);
    expect((first.match(/class="case-row"/g) ?? []).length).toBe(20);
    const next = /href="(\/cases\?reviewCursor=[^"#]+)#review"/.exec(first);
    expect(next, "a link to the next page of the review list").not.toBeNull();
    const res = await as.lead.get(next![1].replace(/&amp;/g, "&"));
    expect(res.status).toBe(200);
    const second = /<section[^>]*id="review"[\s\S]*?<\/section>/.exec(await res.text())![0];
    expect((second.match(/class="case-row"/g) ?? []).length).toBe(total - 20);
    // The resubmitted case is not among the older ones: it was on the first page.
    expect(second).not.toContain(`href="/cases/${caseId}"`);
  });
});
