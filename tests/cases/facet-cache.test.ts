import { afterAll, afterEach, beforeAll, expect, it, vi } from "vitest";
import { startTestServer, type TestClient, type TestServer } from "../setup/harness";
import { recordStatements } from "../setup/statements";
import { api, json, people } from "../discussions/api-helpers";

/**
 * The library's facet counts are kept a few seconds (issue 4, Speed). Under load, counts that expire must not send
 * every request that arrives meanwhile to count the whole library again: one request counts, the others wait for it
 * (first time) or are answered with the counts just out of date (later).
 */
let server: TestServer;
let peer: TestClient;
let statements: ReturnType<typeof recordStatements>;
const facetStatements = () => statements.list.filter((s) => s.startsWith("with base as materialized")).length;

beforeAll(async () => {
  server = await startTestServer();
  await server.services.activity.stop();
  statements = recordStatements(server.services.database);
  peer = await server.signedIn(people.peer);
});
afterAll(() => server?.stop());
afterEach(() => vi.restoreAllMocks());

const library = (filters: string) => peer.get(api(`/cases?facets=true&${filters}`));

async function settle() {
  // A background refresh runs after the answers: give it time to reach the database.
  await new Promise((resolve) => setTimeout(resolve, 300));
}

it("counts the library once for simultaneous requests with the same filters", async () => {
  statements.start();
  const answers = await Promise.all(Array.from({ length: 8 }, () => library("language=en&sort=helpful")));
  await settle();
  statements.stop();
  const totals = await Promise.all(answers.map(async (res) => (await json(res, 200)).facets.total));
  expect(new Set(totals).size).toBe(1);
  expect(totals[0]).toBeGreaterThan(0);
  expect(facetStatements()).toBe(1);
});

it("answers with counts just out of date while one request refreshes them, and recounts before answering when they are old", async () => {
  const first = (await json(await library("language=fr"), 200)).facets.total;
  const now = Date.now();

  vi.spyOn(Date, "now").mockReturnValue(now + 6_000);
  statements.start();
  const stale = await Promise.all(Array.from({ length: 5 }, () => library("language=fr")));
  await settle();
  statements.stop();
  for (const res of stale) expect((await json(res, 200)).facets.total).toBe(first);
  expect(facetStatements()).toBe(1);

  vi.spyOn(Date, "now").mockReturnValue(now + 60_000);
  statements.start();
  const recounted = await library("language=fr");
  statements.stop();
  expect((await json(recounted, 200)).facets.total).toBe(first);
  expect(facetStatements()).toBe(1);
});
