import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestServer, type TestClient, type TestServer } from "../setup/harness";

/**
 * A topic page costs the same few SQL statements however many replies it has (issue 3, Speed): the statements the
 * database driver receives while one `GET /api/v1/topics/:id` is answered are counted for a topic with 5 replies
 * and for one with 60 replies on four levels.
 */
let server: TestServer;
let asker: TestClient;
let reader: TestClient;
const statements: string[] = [];
let counting = false;

/** Wraps the driver under drizzle: PGlite's `query` (and `exec`), postgres.js's `unsafe`. */
function countStatements(db: unknown) {
  const client = (db as { $client: Record<string, unknown> }).$client;
  for (const method of ["query", "exec", "unsafe"]) {
    const original = client[method];
    if (typeof original !== "function") continue;
    client[method] = function (this: unknown, text: unknown, ...rest: unknown[]) {
      if (counting) statements.push(String(text).replace(/\s+/g, " ").slice(0, 160));
      return (original as (...args: unknown[]) => unknown).apply(this ?? client, [text, ...rest]);
    };
  }
}

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
  statements.length = 0;
  counting = true;
  const res = await reader.get(`/api/v1/topics/${topicId}`);
  counting = false;
  expect(res.status).toBe(200);
  const page = (await res.json()) as { posts: { id: string; depth?: number; parentId: string | null }[] };
  return { count: statements.length, list: [...statements], posts: page.posts };
}

beforeAll(async () => {
  server = await startTestServer();
  // View counts and read markers are written in batches off the request path: keep the timer out of the count.
  await server.services.activity.stop();
  countStatements(server.services.db);
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
