import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../app/modules/platform/services";
import { buildApi } from "../../server/api/index";
import { unansweredOperations } from "../setup/api-contract";
import { startTestServer, type TestServer } from "../setup/harness";
import { api, json } from "../discussions/api-helpers";

/** The Centres and Platform operations answered at least once, each answer checked against the document. */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

describe("Centres and Platform answers match the document", () => {
  it("lists the centres and shows one", async () => {
    const centres = await json(await server.client().get(api("/centres")), 200);
    expect(centres.length).toBeGreaterThan(3);
    const centre = await json(await server.client().get(api(`/centres/${centres[0].id}`)), 200);
    expect(centre).toMatchObject({ id: centres[0].id, memberCount: expect.any(Number) });
  });

  it("serves the document generated at start-up from the route registry", async () => {
    const first = await json(await server.client().get(api("/openapi.json")), 200);
    const again = await json(await server.client().get(api("/openapi.json")), 200);
    expect(again).toEqual(first);
    const generated = buildApi({ config: { publicUrl: server.config.publicUrl } } as unknown as Services).document;
    expect(first).toEqual(JSON.parse(JSON.stringify(generated)));
  });

  it("answered every Centres and Platform operation with a declared success", () => {
    expect(unansweredOperations(["Centres", "Platform"])).toEqual([]);
  });
});
