import { describe, it, expect } from "vitest";
import { openApiDocument } from "../../server/api/openapi";
import { contentLanguages, reactionKinds } from "../../db/schema/discussions";
import { searchTypes } from "../../app/modules/discussions/search.server";

type Json = Record<string, unknown>;

const publicUrl = "https://compass.example";
const doc = openApiDocument(publicUrl) as Json;
const paths = doc.paths as Record<string, Record<string, Json>>;
const httpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

function operations(): { path: string; method: string; op: Json }[] {
  const out: { path: string; method: string; op: Json }[] = [];
  for (const [path, item] of Object.entries(paths)) {
    for (const method of httpMethods) if (item[method]) out.push({ path, method, op: item[method] });
  }
  return out;
}

/** Every `$ref` string anywhere in the document, with where it was found. */
function collectRefs(node: unknown, at: string, found: { ref: string; at: string }[] = []) {
  if (Array.isArray(node)) node.forEach((v, i) => collectRefs(v, `${at}/${i}`, found));
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string") found.push({ ref: v, at });
      else collectRefs(v, `${at}/${k}`, found);
    }
  }
  return found;
}

function resolvePointer(root: unknown, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(2).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (!node || typeof node !== "object" || !(key in node)) return undefined;
    node = (node as Json)[key];
  }
  return node;
}

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1.0 served under /api/v1 of the public URL", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([expect.objectContaining({ url: `${publicUrl}/api/v1` })]);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it("documents every Accounts and Centres endpoint of the contract", () => {
    const expected: [string, string[]][] = [
      ["/auth/login", ["post"]],
      ["/auth/logout", ["post"]],
      ["/me", ["get", "patch", "delete"]],
      ["/me/export", ["get"]],
      ["/tokens", ["post"]],
      ["/tokens/{id}", ["delete"]],
      ["/invitations", ["post"]],
      ["/invitations/{token}/accept", ["post"]],
      ["/users", ["post"]],
      ["/users/{id}", ["patch"]],
      ["/centres", ["get"]],
      ["/centres/{id}", ["get"]],
    ];
    for (const [path, methods] of expected) {
      expect(paths[path], path).toBeDefined();
      for (const method of methods) expect(paths[path][method], `${method.toUpperCase()} ${path}`).toBeDefined();
    }
  });

  it("documents every Discussions, Search and Notifications endpoint of the contract", () => {
    const expected: [string, string[]][] = [
      ["/categories", ["get"]],
      ["/tags", ["get"]],
      ["/topics", ["get", "post"]],
      ["/topics/{id}", ["get"]],
      ["/topics/{id}/posts", ["post"]],
      ["/posts/{id}", ["patch", "delete"]],
      ["/posts/{id}/revisions", ["get"]],
      ["/topics/{id}/revisions", ["get"]],
      ["/posts/{id}/reactions/{kind}", ["put", "delete"]],
      ["/topics/{id}/accept", ["post"]],
      ["/topics/{id}/subscription", ["put", "delete"]],
      ["/moderation/actions", ["post"]],
      ["/search", ["get"]],
      ["/notifications", ["get"]],
      ["/notifications/read", ["post"]],
    ];
    for (const [path, methods] of expected) {
      expect(paths[path], path).toBeDefined();
      for (const method of methods) expect(paths[path][method], `${method.toUpperCase()} ${path}`).toBeDefined();
    }
  });

  it("documents the rest of what the discussions, search and composer routers implement", () => {
    const expected: [string, string[]][] = [
      ["/categories", ["post"]],
      ["/categories/{id}", ["patch"]],
      ["/tags", ["post"]],
      ["/tags/{slug}/merge", ["post"]],
      ["/topics/{id}", ["patch"]],
      ["/posts/{id}", ["get"]],
      ["/moderation/log", ["get"]],
      ["/markdown/preview", ["post"]],
      ["/mentions", ["get"]],
    ];
    for (const [path, methods] of expected) {
      expect(paths[path], path).toBeDefined();
      for (const method of methods) expect(paths[path][method], `${method.toUpperCase()} ${path}`).toBeDefined();
    }
  });

  it("tags every operation with a declared tag, the discussions ones included", () => {
    const declared = (doc.tags as Json[]).map((t) => t.name as string);
    for (const name of ["Discussions", "Search", "Notifications", "Moderation", "Composer"]) expect(declared).toContain(name);
    for (const { path, method, op } of operations()) {
      for (const tag of op.tags as string[]) expect(declared, `${method.toUpperCase()} ${path}`).toContain(tag);
    }
    expect(paths["/search"].get.tags).toEqual(["Search"]);
    expect(paths["/notifications"].get.tags).toEqual(["Notifications"]);
    expect(paths["/moderation/actions"].post.tags).toEqual(["Moderation"]);
    expect(paths["/mentions"].get.tags).toEqual(["Composer"]);
  });

  it("keeps the discussion enums and answer statuses in step with the code", () => {
    const schemas = (doc.components as Json).schemas as Record<string, Json>;
    expect(schemas.ReactionKind.enum).toEqual([...reactionKinds]);
    expect(schemas.ContentLanguage.enum).toEqual([...contentLanguages]);
    expect((schemas.SearchHit.properties as Record<string, Json>).type.enum).toEqual([...searchTypes]);
    const status = (path: string, method: string) => Object.keys(paths[path][method].responses as Json).filter((s) => /^2/.test(s));
    expect(status("/topics", "post")).toEqual(["201"]);
    expect(status("/topics/{id}/posts", "post")).toEqual(["201"]);
    expect(status("/moderation/actions", "post")).toEqual(["201"]);
    expect(status("/posts/{id}", "delete")).toEqual(["204"]);
    expect(status("/topics/{id}/subscription", "delete")).toEqual(["204"]);
    expect(status("/topics/{id}/accept", "post")).toEqual(["200"]);
    expect(paths["/topics/{id}/posts"].post.responses).toHaveProperty("409");
    expect(paths["/search"].get.responses).toHaveProperty("422");
  });

  it("documents the live notification:new event with the pushed payload", () => {
    const events = doc["x-socket-events"] as Record<string, Json>;
    expect(events["notification:new"]).toBeDefined();
    const payload = resolvePointer(doc, (events["notification:new"].payload as Json).$ref as string) as Json;
    expect(payload.required).toEqual(expect.arrayContaining(["id", "kind", "read", "createdAt", "url", "actor", "topic", "topicId", "postId"]));
    expect(String((doc.info as Json).description)).toContain("notification:new");
  });

  it("documents /healthz at the root, outside /api/v1", () => {
    expect(paths["/healthz"]?.get).toBeDefined();
    expect(paths["/healthz"].servers).toEqual([expect.objectContaining({ url: publicUrl })]);
  });

  it("gives every operation a unique operationId, a summary, a tag and a 2xx answer", () => {
    const ids = new Set<string>();
    const ops = operations();
    expect(ops.length).toBeGreaterThan(12);
    for (const { path, method, op } of ops) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(typeof op.operationId, where).toBe("string");
      expect(ids.has(op.operationId as string), `duplicate operationId ${String(op.operationId)}`).toBe(false);
      ids.add(op.operationId as string);
      expect(typeof op.summary, where).toBe("string");
      expect((op.tags as string[]).length, where).toBeGreaterThan(0);
      const statuses = Object.keys(op.responses as Json);
      expect(statuses.some((s) => /^2\d\d$/.test(s)), where).toBe(true);
    }
  });

  it("declares every path parameter of each templated path", () => {
    for (const { path, method, op } of operations()) {
      const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const params = ((op.parameters ?? []) as Json[])
        .map((p) => (typeof p.$ref === "string" ? (resolvePointer(doc, p.$ref) as Json) : p))
        .filter((p) => p.in === "path")
        .map((p) => p.name);
      expect(params.sort(), `${method.toUpperCase()} ${path}`).toEqual(names.sort());
    }
  });

  it("marks the public operations public and the others as needing auth", () => {
    const publicOps = ["login", "requestPasswordReset", "resetPassword", "getInvitation", "acceptInvitation", "listCentres", "getCentre", "getOpenApiDocument", "getHealth"];
    const schemes = (doc.components as Json).securitySchemes as Json;
    expect(schemes.cookieAuth).toMatchObject({ type: "apiKey", in: "cookie", name: "dc_session" });
    expect(schemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    for (const { op } of operations()) {
      const security = (op.security ?? doc.security) as Json[];
      if (publicOps.includes(op.operationId as string)) expect(security, String(op.operationId)).toEqual([]);
      else expect(security.length, String(op.operationId)).toBeGreaterThan(0);
    }
  });

  it("resolves every $ref to an existing component", () => {
    const refs = collectRefs(doc, "#");
    expect(refs.length).toBeGreaterThan(0);
    for (const { ref, at } of refs) {
      expect(ref.startsWith("#/components/"), `${ref} at ${at}`).toBe(true);
      expect(resolvePointer(doc, ref), `${ref} at ${at}`).toBeDefined();
    }
  });

  it("answers problems as application/problem+json, 429 with Retry-After", () => {
    const responses = (doc.components as Json).responses as Record<string, Json>;
    for (const [name, response] of Object.entries(responses)) {
      expect(Object.keys(response.content as Json), name).toEqual(["application/problem+json"]);
    }
    expect(responses.TooManyRequests.headers).toHaveProperty("Retry-After");
  });
});
