import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unansweredOperations } from "../setup/api-contract";
import { startTestServer, type TestClient, type TestServer } from "../setup/harness";
import { api, everyone, json, people, unique, type Json, type Who } from "../discussions/api-helpers";

/** Every Cases operation answered at least once, each answer checked by the test client against the document. */

let server: TestServer;
const as = {} as Record<Who, TestClient>;

beforeAll(async () => {
  server = await startTestServer();
  for (const who of everyone) as[who] = await server.signedIn(people[who]);
});
afterAll(() => server?.stop());

const caseInput = (fields: Json = {}) => ({
  title: unique("Un apprenant décroche"),
  context: { programme: "web-developer", week: 6, groupSize: 14, learnerProfile: "career-changers" },
  situation: "Un apprenant ne vient plus depuis une semaine.",
  tags: ["dropout-risk"],
  language: "fr",
  noIdentifiablePeople: true,
  ...fields,
});

describe("Cases answers match the document", () => {
  it("shares, shows, lists with facets, edits and relates cases", async () => {
    const { case: kase, warnings } = await json(await as.trainer.post(api("/cases"), caseInput({ anonymous: true })), 201);
    expect(warnings).toEqual([]);
    expect((await json(await as.peer.get(api(`/cases/${kase.id}`)), 200)).case.author).toBeNull();
    const list = await json(await as.peer.get(api("/cases?facets=true&limit=5")), 200);
    expect(list.facets.total).toBeGreaterThan(0);
    expect((await json(await as.peer.get(api("/cases?sort=helpful&tag=dropout-risk")), 200)).items.length).toBeGreaterThan(0);
    const edited = await json(await as.trainer.patch(api(`/cases/${kase.id}`), { lessons: "Appeler tôt.", noIdentifiablePeople: true }), 200);
    expect(edited.case.lessons).toBe("Appeler tôt.");
    const related = await json(await as.peer.get(api(`/cases/${kase.id}/related`)), 200);
    expect(related).toEqual({ cases: expect.any(Array), discussions: expect.any(Array) });
  });

  it("reviews a case held for review, reveals an author, marks approaches that helped, adds a follow-up", async () => {
    const held = (await json(await as.trainer.post(api("/cases"), caseInput({ outcome: "Il travaille maintenant chez Acme SAS.", acknowledgeWarnings: true })), 201)).case;
    expect(held.status).toBe("in-review");
    expect((await json(await as.lead.post(api(`/cases/${held.id}/review`), { decision: "publish" }), 200)).case.status).toBe("published");
    const { author } = await json(await as.lead.get(api(`/cases/${held.id}/identity?reason=${encodeURIComponent("Signalement")}`)), 200);
    expect(author.handle).toBe("camille.martin");
    const { post } = await json(await as.peer.post(api(`/topics/${held.topicId}/posts`), { body: "Un binôme l’a aidé chez nous." }), 201);
    expect((await json(await as.trainer.put(api(`/cases/${held.id}/helped/${post.id}`)), 200)).case.helpedPostIds).toEqual([post.id]);
    expect((await json(await as.trainer.delete(api(`/cases/${held.id}/helped/${post.id}`)), 200)).case.helpedPostIds).toEqual([]);
    const followed = await json(await as.trainer.post(api(`/cases/${held.id}/follow-up`), { followUp: "Il a fini la formation." }), 200);
    expect(followed.case.followUp).toBe("Il a fini la formation.");
  });

  it("answered every Cases operation with a declared success", () => {
    expect(unansweredOperations(["Cases"])).toEqual([]);
  });
});
