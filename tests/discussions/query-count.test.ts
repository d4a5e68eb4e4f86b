import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestServer, type TestClient, type TestServer } from "../setup/harness";
import { recordStatements } from "../setup/statements";

/**
 * A topic page costs the same few SQL statements however many replies it has (issue 3, Speed): the statements the
 * database driver receives while one `GET /api/v1/topics/:id` is answered are counted for a topic with 5 replies
 * and for one with 60 replies on four levels.
 */
let server: TestServer;
let asker: TestClient;
let reader: TestClient;
let statements: ReturnType<typeof recordStatements>;

async function reply(topicId: string, body: string, parentId?: string): Promise<string> {
  const res = await asker.post(`/api/v1/topics/${topicId}/posts`, parentId ? { body, parentId } : { body });
  expect(res.status).toBe(201);
  return ((await res.json()) as { post: { id: string } }).post.id;
}

async function newTopic(title: string): Promise<string> {
  const res = await asker.post("/api/v1/topics", { categoryId: "pedagogy", title, body: "Comment faites-vous ?", tags: ["mixed-levels"], language: "fr" });
  expect(res.status).toBe(201);
  return ((await res.json()) as { topic: { id: string } }).topic.id;
}

/** The statements issued while the API answers one topic page. */
async function statementsFor(topicId: string) {
  statements.start();
  const res = await reader.get(`/api/v1/topics/${topicId}`);
  const list = statements.stop();
  expect(res.status).toBe(200);
  const page = (await res.json()) as { posts: { id: string; depth?: number; parentId: string | null }[] };
  return { count: list.length, list, posts: page.posts };
}

beforeAll(async () => {
  server = await startTestServer();
  // View counts and read markers are written in batches off the request path: keep the timer out of the count.
  await server.services.activity.stop();
  statements = recordStatements(server.services.database);
  asker = await server.signedIn("trainer.paris@demo.compass");
  reader = await server.signedIn("trainer.lyon@demo.compass");
});
afterAll(() => server?.stop());

it("loads a topic page with the same few statements for 5 replies and for 60 replies on four levels", async () => {
  const small = await newTopic("Un petit fil de cinq réponses");
  const a = await reply(small, "Première réponse.");
  await reply(small, "Réponse à la première.", a);
  await reply(small, "Deuxième réponse.");
  await reply(small, "Troisième réponse.");
  await reply(small, "Encore une réponse à la première.", a);

  const big = await newTopic("Un grand fil de soixante réponses");
  let reacted = 0;
  for (let i = 0; i < 15; i++) {
    let parent: string | undefined;
    for (let depth = 0; depth < 4; depth++) {
      parent = await reply(big, `Réponse ${i}.${depth}, au niveau ${depth + 1}.`, parent);
      if ((i + depth) % 5 === 0) {
        expect((await reader.put(`/api/v1/posts/${parent}/reactions/helpful`)).status).toBe(200);
        reacted++;
      }
    }
  }
  expect(reacted).toBeGreaterThan(5);

  await reader.get("/api/v1/me"); // anything one-off on a first request stays out of the comparison
  const few = await statementsFor(small);
  const many = await statementsFor(big);
  expect(few.posts).toHaveLength(5);
  expect(many.posts).toHaveLength(60);
  expect(new Set(many.posts.map((p) => p.depth)).size).toBe(4);

  const detail = `5 replies:\n  ${few.list.join("\n  ")}\n60 replies:\n  ${many.list.join("\n  ")}`;
  expect(many.count, detail).toBe(few.count);
  expect(few.count, detail).toBeGreaterThan(0);
  expect(few.count, detail).toBeLessThanOrEqual(8);
});

it("answers a search in one statement (ranking and details) once the same words were searched lately", async () => {
  const statementsOf = async (path: string) => {
    statements.start();
    const res = await reader.get(path);
    const list = statements.stop();
    expect(res.status).toBe(200);
    return list;
  };
  const stems = (list: string[]) => list.filter((s) => s.startsWith("select c.lang, s.stem"));
  expect(stems(await statementsOf("/api/v1/search?q=fil%20r%C3%A9ponses"))).toHaveLength(1);
  const again = await statementsOf("/api/v1/search?q=fil%20r%C3%A9ponses");
  expect(stems(again)).toHaveLength(0);
  expect(again, again.join("\n")).toHaveLength(1);
  // Another language filter stems anew.
  expect(stems(await statementsOf("/api/v1/search?q=fil%20r%C3%A9ponses&language=en"))).toHaveLength(1);
});

it("runs a search that found little on the indexes alone the next time, with the same results", async () => {
  const run = async (path: string) => {
    statements.start();
    const res = await reader.get(path);
    const list = statements.stop();
    const body = (await res.json()) as { items: { id: string }[] };
    expect(res.status).toBe(200);
    return { ids: body.items.map((i) => i.id), walked: list.some((s) => s.includes("with recent as materialized")) };
  };
  const first = await run("/api/v1/search?q=soixante");
  expect(first.ids.length).toBeGreaterThan(0);
  expect(first.walked).toBe(true);
  const again = await run("/api/v1/search?q=soixante");
  expect(again.walked).toBe(false);
  expect(again.ids).toEqual(first.ids);
  // A full page says nothing about the rest: such a search keeps deciding each time.
  expect((await run("/api/v1/search?q=r%C3%A9ponse&limit=2")).walked).toBe(true);
  expect((await run("/api/v1/search?q=r%C3%A9ponse&limit=2")).walked).toBe(true);
  // Nor does less than a page of a word common among the newest topics: only those were ranked, older ones may exist.
  for (let i = 0; i < 13; i++) await newTopic(`Atelier zanzibarique numéro ${i}`);
  const common = await run("/api/v1/search?q=zanzibarique&type=topic");
  expect(common.ids).toHaveLength(13);
  expect(common.walked).toBe(true);
  expect((await run("/api/v1/search?q=zanzibarique&type=topic")).walked).toBe(true);
});
