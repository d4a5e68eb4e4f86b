import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../setup/harness";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

describe("the HTTP server", () => {
  it("answers /healthz with ok while the database answers", async () => {
    const res = await server.client().get("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("answers 503 while the database does not, then recovers by itself", async () => {
    const ping = server.services.database.ping;
    server.services.database.ping = async () => false;
    const down = await server.client().get("/healthz");
    expect(down.status).toBe(503);
    server.services.database.ping = ping;
    expect((await server.client().get("/healthz")).status).toBe(200);
  });

  it("sends the security headers on every response and hides the framework", async () => {
    for (const path of ["/healthz", "/api/v1/centres", "/api/v1/me"]) {
      const res = await server.client().get(path);
      expect(res.headers.get("x-powered-by"), path).toBeNull();
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
      expect(res.headers.get("x-request-id"), path).toMatch(/^[\w-]{8,}$/);
    }
  });

  it("gives each response its own CSP nonce", async () => {
    const a = (await server.client().get("/healthz")).headers.get("content-security-policy");
    const b = (await server.client().get("/healthz")).headers.get("content-security-policy");
    expect(a).not.toBe(b);
  });

  it("keeps a request id given by a proxy", async () => {
    const res = await server.client().get("/healthz", { "x-request-id": "edge-1234abcd" });
    expect(res.headers.get("x-request-id")).toBe("edge-1234abcd");
  });

  it("serves the OpenAPI document", async () => {
    const res = await server.client().get("/api/v1/openapi.json");
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.paths["/auth/login"].post).toBeDefined();
  });

  it("finishes a request in flight when it shuts down, then refuses new connections", async () => {
    const other = await startTestServer({ seed: false });
    let reached!: () => void;
    const arrived = new Promise<void>((resolve) => (reached = resolve));
    other.services.database.ping = async () => {
      reached();
      await new Promise((resolve) => setTimeout(resolve, 300));
      return true;
    };
    const inFlight = other.client().get("/healthz");
    await arrived;
    const closing = other.stop();
    const res = await inFlight;
    expect(res.status).toBe(200);
    await closing;
    await expect(fetch(`http://127.0.0.1:${other.port}/healthz`)).rejects.toThrow();
  });
});
