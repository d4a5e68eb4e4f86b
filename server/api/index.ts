import express, { Router, type ErrorRequestHandler } from "express";
import { DomainError } from "../../app/modules/platform/errors";
import { sendDomainError, sendProblem } from "../http";
import type { Services } from "../../app/modules/platform/services";
import { z } from "../../app/modules/platform/zod";
import { accountsRoutes } from "./accounts";
import { casesRoutes } from "./cases";
import { centresRoutes } from "./centres";
import { composerRoutes } from "./composer";
import { discussionsRoutes } from "./discussions";
import { searchRoutes } from "./search";
import { openApiDocument } from "./openapi";
import { ApiRoutes, type ApiOperation } from "./registry";
import { badParamsError, nulParams } from "./support";

const bodyMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Every operation of `/api/v1`, mounted through the registry, and the OpenAPI document generated from them once.
 * Building it touches no service: the tests build it with a stub to read the operations.
 */
export function buildApi(services: Services): { routes: ApiRoutes; operations: readonly ApiOperation[]; document: Record<string, unknown> } {
  const routes = new ApiRoutes();
  let document: Record<string, unknown> = {};
  routes.add(
    {
      operationId: "getOpenApiDocument",
      method: "get",
      path: "/openapi.json",
      tag: "Platform",
      summary: "This OpenAPI description",
      auth: "public",
      answers: { 200: { description: "The OpenAPI 3.1 document.", schema: z.record(z.unknown()) } },
    },
    async (_req, res) => res.json(document),
  );
  accountsRoutes(routes, services);
  centresRoutes(routes, services);
  discussionsRoutes(routes, services);
  composerRoutes(routes, services);
  searchRoutes(routes, services);
  casesRoutes(routes, services);
  document = openApiDocument(routes.operations, services.config.publicUrl);
  return { routes, operations: routes.operations, document };
}

/** `/api/v1`: JSON in, JSON or problem+json out, whoever asks (cookie or bearer token). */
export function apiRouter(services: Services): Router {
  const api = Router();
  const { routes } = buildApi(services);

  api.use((req, res, next) => {
    if (req.auth.badToken) return sendProblem(req, res, 401, { key: "auth.signInRequired" });
    // A NUL character names nothing in a path and is refused in a parameter (no text column can hold it).
    if (/%00/i.test(req.path) || req.path.includes("\u0000")) return sendProblem(req, res, 404, { key: "problem.notFoundDetail" });
    const nul = nulParams(req.query);
    if (nul.length) return sendDomainError(req, res, badParamsError(req, nul));
    const hasBody = Number(req.headers["content-length"] ?? 0) > 0 || req.headers["transfer-encoding"] !== undefined;
    if (bodyMethods.has(req.method) && hasBody && !req.is(["application/json", "application/*+json"])) {
      return sendProblem(req, res, 415, { key: "problem.unsupportedMediaType" });
    }
    next();
  });
  api.use(express.json({ limit: "256kb", type: ["application/json", "application/*+json"] }));

  api.use(routes.router);

  api.use((req, res) => sendProblem(req, res, 404, { key: "problem.notFoundDetail" }));

  const onError: ErrorRequestHandler = (error, req, res, _next) => {
    if (error instanceof DomainError) return sendDomainError(req, res, error);
    const e = error as { type?: string; status?: number };
    if (e.type === "entity.parse.failed") return sendProblem(req, res, 400, { key: "problem.badJson" });
    if (e.type === "entity.too.large") return sendProblem(req, res, 413);
    if (e.type === "encoding.unsupported" || e.type === "charset.unsupported") return sendProblem(req, res, 415);
    if (e.status === 400) return sendProblem(req, res, 400);
    services.log.error({ err: error, reqId: req.id }, "API request failed");
    sendProblem(req, res, 500, { key: "problem.internalDetail" });
  };
  api.use(onError);
  return api;
}
