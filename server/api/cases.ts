import { Router, type Request, type Response } from "express";
import { createTranslator } from "../../app/i18n";
import {
  addFollowUp,
  CaseFindingsError,
  caseFacets,
  createCase,
  getCase,
  listCases,
  relatedCases,
  relatedDiscussions,
  revealIdentity,
  reviewCase,
  setHelped,
  updateCase,
} from "../../app/modules/cases/cases.server";
import { findingKey } from "../../app/modules/cases/personal-data";
import { caseListQuerySchema, casePatchSchema, followUpSchema, newCaseSchema, revealQuerySchema, reviewSchema } from "../../app/modules/cases/schemas";
import { DomainError } from "../../app/modules/platform/errors";
import { localeOf, sendProblem } from "../http";
import type { Services } from "../../app/modules/platform/services";
import { bodyOf, idParam, knownFilters, queryOf, requireUser, route } from "./support";

/** Personal-data findings answer 422 with each field's findings, the matched text quoted, in the caller's language. */
async function answeringFindings(req: Request, res: Response, work: () => Promise<void>) {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof CaseFindingsError)) throw error;
    const t = createTranslator(localeOf(req));
    const errors: Record<string, string[]> = {};
    for (const f of error.findings) (errors[f.field] ??= []).push(t(findingKey(f.kind), { match: f.match }));
    sendProblem(req, res, 422, { key: "cases.error.personalData", errors });
  }
}

/** `/cases`: case studies, their review, identity reveal and "approaches that helped". */
export function casesRouter(services: Services): Router {
  const r = Router();

  r.get("/cases", route(async (req, res) => {
    const user = requireUser(req);
    const query = queryOf(req, caseListQuerySchema);
    await knownFilters(req, services.db, { tag: query.tag });
    const result = await listCases(services, user, query);
    if (query.facets === "true") {
      res.json({ ...result, facets: await caseFacets(services, user, query, localeOf(req)) });
      return;
    }
    res.json(result);
  }));

  r.post("/cases", route(async (req, res) => {
    const user = requireUser(req);
    const input = bodyOf(req, newCaseSchema);
    await answeringFindings(req, res, async () => {
      const { case: kase, warnings } = await createCase(services, user, input);
      res.status(201).json({ case: kase, warnings });
    });
  }));

  r.get("/cases/:id", route(async (req, res) => {
    const user = requireUser(req);
    res.json({ case: await getCase(services, user, idParam(req.params.id)) });
  }));

  r.patch("/cases/:id", route(async (req, res) => {
    const user = requireUser(req);
    const id = idParam(req.params.id);
    const input = bodyOf(req, casePatchSchema);
    await answeringFindings(req, res, async () => {
      const { case: kase, warnings } = await updateCase(services, user, id, input);
      res.json({ case: kase, warnings });
    });
  }));

  r.post("/cases/:id/review", route(async (req, res) => {
    const user = requireUser(req);
    const id = idParam(req.params.id);
    if (user.role !== "lead" && user.role !== "admin") throw new DomainError(403, "auth.forbidden");
    const input = bodyOf(req, reviewSchema);
    res.json({ case: await reviewCase(services, user, id, input) });
  }));

  r.post("/cases/:id/follow-up", route(async (req, res) => {
    const user = requireUser(req);
    const id = idParam(req.params.id);
    const input = bodyOf(req, followUpSchema);
    await answeringFindings(req, res, async () => {
      res.json({ case: await addFollowUp(services, user, id, input.followUp) });
    });
  }));

  r.get("/cases/:id/identity", route(async (req, res) => {
    const user = requireUser(req);
    const id = idParam(req.params.id);
    if (user.role !== "lead" && user.role !== "admin") throw new DomainError(403, "auth.forbidden");
    const { reason } = queryOf(req, revealQuerySchema, 422);
    res.setHeader("Cache-Control", "no-store");
    res.json(await revealIdentity(services, user, id, reason));
  }));

  r.put("/cases/:id/helped/:postId", route(async (req, res) => {
    const user = requireUser(req);
    res.json({ case: await setHelped(services, user, idParam(req.params.id), idParam(req.params.postId), true) });
  }));

  r.delete("/cases/:id/helped/:postId", route(async (req, res) => {
    const user = requireUser(req);
    res.json({ case: await setHelped(services, user, idParam(req.params.id), idParam(req.params.postId), false) });
  }));

  r.get("/cases/:id/related", route(async (req, res) => {
    const user = requireUser(req);
    const id = idParam(req.params.id);
    res.json({ cases: await relatedCases(services, user, id), discussions: await relatedDiscussions(services, user, id) });
  }));

  return r;
}
