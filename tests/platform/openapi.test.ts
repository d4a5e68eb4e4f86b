import { Validator } from "@seriousme/openapi-schema-validator";
import type { Router } from "express";
import { describe, it, expect } from "vitest";
import { cefrLevels, locales, roles } from "../../db/schema/accounts";
import { caseStatuses } from "../../db/schema/cases";
import { contentLanguages, reactionKinds } from "../../db/schema/discussions";
import { caseSorts } from "../../app/modules/cases/schemas";
import { learnerProfiles, programmes } from "../../app/modules/cases/template";
import { topicListSorts } from "../../app/modules/discussions/schemas";
import { searchTypes } from "../../app/modules/discussions/search.server";
import type { Services } from "../../app/modules/platform/services";
import { apiRouter, buildApi } from "../../server/api/index";
import { expressPath, problemStatusesOf } from "../../server/api/registry";

type Json = Record<string, unknown>;

const publicUrl = "https://compass.example";
const stub = { config: { publicUrl } } as unknown as Services;
const { document: doc, operations: declared } = buildApi(stub);
const paths = doc.paths as Record<string, Record<string, Json>>;
const schemas = (doc.components as Json).schemas as Record<string, Json>;
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

const deref = (node: Json): Json => (typeof node.$ref === "string" ? deref(resolvePointer(doc, node.$ref) as Json) : node);
const property = (schema: string, name: string) => deref((schemas[schema].properties as Record<string, Json>)[name]);
const queryParameter = (path: string, method: string, name: string) =>
  deref(((paths[path][method].parameters as Json[]).find((p) => p.name === name && p.in === "query") as Json).schema as Json);

/** Every route Express has under `/api/v1`: `METHOD /path` with Express's `:param` syntax. */
function mountedRoutes(router: Router): string[] {
  const found: string[] = [];
  const walk = (stack: unknown[]) => {
    for (const layer of stack as { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: unknown[] } }[]) {
      if (layer.route) for (const method of Object.keys(layer.route.methods)) found.push(`${method.toUpperCase()} ${layer.route.path}`);
      else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((router as unknown as { stack: unknown[] }).stack);
  return found.sort();
}

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1.0 served under /api/v1 of the public URL", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([expect.objectContaining({ url: `${publicUrl}/api/v1` })]);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it("is valid against the OpenAPI 3.1 schema", async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(JSON.stringify(doc)));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("has an operation for every route mounted under /api/v1, and mounts every operation it declares", () => {
    const mounted = mountedRoutes(apiRouter(stub));
    const documented = declared.map((op) => `${op.method.toUpperCase()} ${expressPath(op.path)}`).sort();
    expect(mounted).toEqual(documented);
    for (const op of declared) expect(paths[op.path]?.[op.method], op.operationId).toBeDefined();
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

  it("documents every Discussions, Cases, Search and Notifications endpoint of the contract", () => {
    const expected: [string, string[]][] = [
      ["/categories", ["get", "post"]],
      ["/categories/{id}", ["patch"]],
      ["/tags", ["get", "post"]],
      ["/tags/{slug}/merge", ["post"]],
      ["/topics", ["get", "post"]],
      ["/topics/{id}", ["get", "patch"]],
      ["/topics/{id}/posts", ["post"]],
      ["/posts/{id}", ["get", "patch", "delete"]],
      ["/posts/{id}/revisions", ["get"]],
      ["/topics/{id}/revisions", ["get"]],
      ["/posts/{id}/reactions/{kind}", ["put", "delete"]],
      ["/topics/{id}/accept", ["post"]],
      ["/topics/{id}/subscription", ["put", "delete"]],
      ["/moderation/actions", ["post"]],
      ["/moderation/log", ["get"]],
      ["/cases", ["get", "post"]],
      ["/cases/{id}", ["get", "patch"]],
      ["/cases/{id}/review", ["post"]],
      ["/cases/{id}/identity", ["get"]],
      ["/cases/{id}/helped/{postId}", ["put", "delete"]],
      ["/search", ["get"]],
      ["/notifications", ["get"]],
      ["/notifications/read", ["post"]],
      ["/markdown/preview", ["post"]],
      ["/mentions", ["get"]],
    ];
    for (const [path, methods] of expected) {
      expect(paths[path], path).toBeDefined();
      for (const method of methods) expect(paths[path][method], `${method.toUpperCase()} ${path}`).toBeDefined();
    }
  });

  it("tags every operation with a declared tag", () => {
    const tags = (doc.tags as Json[]).map((t) => t.name as string);
    for (const name of ["Accounts", "Centres", "Discussions", "Cases", "Search", "Notifications", "Moderation", "Composer", "Platform"]) {
      expect(tags).toContain(name);
    }
    for (const { path, method, op } of operations()) {
      for (const tag of op.tags as string[]) expect(tags, `${method.toUpperCase()} ${path}`).toContain(tag);
    }
    expect(paths["/search"].get.tags).toEqual(["Search"]);
    expect(paths["/notifications"].get.tags).toEqual(["Notifications"]);
    expect(paths["/moderation/actions"].post.tags).toEqual(["Moderation"]);
    expect(paths["/mentions"].get.tags).toEqual(["Composer"]);
  });

  it("takes its enums from the constants the code validates with", () => {
    expect(schemas.ReactionKind.enum).toEqual([...reactionKinds]);
    expect(schemas.ContentLanguage.enum).toEqual([...contentLanguages]);
    expect(schemas.Role.enum).toEqual([...roles]);
    expect(schemas.Locale.enum).toEqual([...locales]);
    expect(property("LanguageLevel", "level").enum).toEqual([...cefrLevels]);
    expect(property("SearchHit", "type").enum).toEqual([...searchTypes]);
    expect(property("CaseContext", "programme").enum).toEqual([...programmes]);
    expect(property("CaseContext", "learnerProfile").enum).toEqual([...learnerProfiles]);
    expect(property("Case", "status").enum).toEqual([...caseStatuses]);
    expect(queryParameter("/cases", "get", "sort").enum).toEqual([...caseSorts]);
    expect(queryParameter("/topics", "get", "sort").enum).toEqual([...topicListSorts]);
    expect(queryParameter("/search", "get", "type").enum).toEqual([...searchTypes]);
  });

  it("keeps the answer statuses the contract fixes", () => {
    const status = (path: string, method: string) => Object.keys(paths[path][method].responses as Json).filter((s) => /^2/.test(s));
    expect(status("/topics", "post")).toEqual(["201"]);
    expect(status("/topics/{id}/posts", "post")).toEqual(["201"]);
    expect(status("/moderation/actions", "post")).toEqual(["201"]);
    expect(status("/cases", "post")).toEqual(["201"]);
    expect(status("/posts/{id}", "delete")).toEqual(["204"]);
    expect(status("/topics/{id}/subscription", "delete")).toEqual(["204"]);
    expect(status("/topics/{id}/accept", "post")).toEqual(["200"]);
    expect(paths["/topics/{id}/posts"].post.responses).toHaveProperty("409");
    expect(paths["/search"].get.responses).toHaveProperty("422");
    expect(paths["/auth/login"].post.responses).toHaveProperty("429");
  });

  it("declares on each operation the problems the API answers before any handler", () => {
    for (const op of declared) {
      const responses = paths[op.path][op.method].responses as Json;
      for (const status of problemStatusesOf(op)) expect(responses, `${op.operationId} ${status}`).toHaveProperty(String(status));
      expect(responses, op.operationId).toHaveProperty("401");
      if (op.method !== "get") for (const s of ["400", "403", "413", "415"]) expect(responses, `${op.operationId} ${s}`).toHaveProperty(s);
      if (op.body) expect(responses, op.operationId).toHaveProperty("422");
    }
  });

  it("documents bad query parameters as 400s naming them, and what transformed parameters take", () => {
    const responses = (doc.components as Json).responses as Record<string, Json>;
    const problem = deref(((responses.BadParameters.content as Json)["application/problem+json"] as Json).schema as Json);
    expect(problem.required).toEqual(expect.arrayContaining(["detail", "errors"]));
    expect(String(responses.BadParameters.description)).toContain("{param: [message]}");
    // Without a body, only the URL can be wrong: every GET's 400 is the one naming parameters.
    for (const op of declared.filter((o) => o.method === "get" && !o.servedAtRoot)) {
      expect((paths[op.path].get.responses as Json)["400"], op.operationId).toEqual({ $ref: "#/components/responses/BadParameters" });
    }
    expect(queryParameter("/topics", "get", "limit")).toMatchObject({ type: "integer", minimum: 1, maximum: 100 });
    expect(queryParameter("/cases", "get", "tag")).toMatchObject({ type: "array", items: { type: "string", pattern: expect.any(String) }, maxItems: 12 });
    expect(queryParameter("/cases", "get", "language").items).toEqual({ type: "string", enum: [...contentLanguages] });
    expect(queryParameter("/search", "get", "q")).toMatchObject({ type: "string", minLength: 1, maxLength: 200 });
    expect(queryParameter("/mentions", "get", "q")).toMatchObject({ type: "string", maxLength: 40 });
    for (const [path, name] of [["/topics", "tag"], ["/topics", "category"], ["/search", "category"], ["/cases", "tag"], ["/users", "centreId"]]) {
      expect(queryParameter(path, "get", name).description, `${path} ${name}`).toMatch(/does not exist → 400/);
    }
    // Typed parameters (search words, a reason) are 422s, like fields.
    for (const path of ["/search", "/mentions", "/cases/{id}/identity"]) expect(paths[path].get.responses, path).toHaveProperty("422");
    expect(schemas.TopicTitle).toMatchObject({ type: "string", minLength: 3, maxLength: 200 });
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
    expect(paths["/healthz"].get.responses).toHaveProperty("503");
  });

  it("gives every operation a unique operationId, a summary, a tag and a 2xx answer", () => {
    const ids = new Set<string>();
    const ops = operations();
    expect(ops.length).toBeGreaterThan(60);
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

  it("keeps a named object closed: no `allOf` over a `$ref` that would refuse added members", () => {
    for (const [name, schema] of Object.entries(schemas)) expect(schema.allOf, name).toBeUndefined();
  });
});
