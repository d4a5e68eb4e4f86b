import type { Request, Response } from "express";
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
import {
  caseEnvelopeSchema,
  caseListQuerySchema,
  caseListSchema,
  casePatchSchema,
  caseWithWarningsSchema,
  followUpSchema,
  newCaseSchema,
  relatedSchema,
  revealedAuthorSchema,
  revealQuerySchema,
  reviewSchema,
} from "../../app/modules/cases/schemas";
import { DomainError } from "../../app/modules/platform/errors";
import { localeOf, sendProblem } from "../http";
import type { Services } from "../../app/modules/platform/services";
import { idParams, type ApiRoutes } from "./registry";
import { idParam, knownFilters, requireUser } from "./support";

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

const caseId = idParams({ id: "The case." });
const caseAndPost = idParams({ id: "The case.", postId: "A reply in the case's discussion." });
const findingsRule =
  "Where the text looks like it names or contacts someone (e-mail, phone, full name, address, company next to a " +
  "learner) → 422 with the findings per field in `errors`, unless `acknowledgeWarnings` is true";

/** `/cases`: case studies, their review, identity reveal and "approaches that helped". */
export function casesRoutes(r: ApiRoutes, services: Services): void {
  r.add(
    {
      operationId: "listCases",
      method: "get",
      path: "/cases",
      tag: "Cases",
      summary: "List case studies",
      description:
        "Published cases (or, with `status`, the leads' review queue or your own), newest first unless `sort` says " +
        "otherwise. Repeated `tag` combine with AND. An anonymous case's `author` is null for everyone but its author. " +
        "`facets=true` adds counts per tag (by group), language, country and follow-up for the current filters. A bad " +
        "parameter (an unknown tag, a cursor of another list or sort…) → 400 naming it.",
      auth: "signed-in",
      query: caseListQuerySchema,
      answers: { 200: { description: "A page of cases.", schema: caseListSchema } },
      problems: [403],
    },
    async (req, res, io) => {
      const user = requireUser(req);
      const { facets, ...query } = io.query();
      await knownFilters(req, services.db, { tag: query.tag });
      const result = await listCases(services, user, query);
      if (facets === "true") {
        res.json({ ...result, facets: await caseFacets(services, user, query, localeOf(req)) });
        return;
      }
      res.json(result);
    },
  );

  r.add(
    {
      operationId: "createCase",
      method: "post",
      path: "/cases",
      tag: "Cases",
      summary: "Share a case study",
      description:
        `Published at once (\`status\` \`published\`), with its discussion topic. ${findingsRule}: then stored ` +
        "`in-review` for a lead. Sensitive categories (health, disability, religion) never block: they come back as `warnings`.",
      auth: "signed-in",
      body: newCaseSchema,
      answers: { 201: { description: "The case, and the sensitive-category warnings.", schema: caseWithWarningsSchema } },
    },
    async (req, res, io) => {
      const user = requireUser(req);
      const input = io.body();
      await answeringFindings(req, res, async () => {
        const { case: kase, warnings } = await createCase(services, user, input);
        res.status(201).json({ case: kase, warnings });
      });
    },
  );

  r.add(
    {
      operationId: "getCase",
      method: "get",
      path: "/cases/{id}",
      tag: "Cases",
      summary: "A case study",
      description: "A case not published is visible to its author, leads and admins only (404 to others).",
      auth: "signed-in",
      params: caseId,
      answers: { 200: { description: "The case.", schema: caseEnvelopeSchema } },
      problems: [404],
    },
    async (req, res) => {
      const user = requireUser(req);
      res.json({ case: await getCase(services, user, idParam(req.params.id)) });
    },
  );

  r.add(
    {
      operationId: "updateCase",
      method: "patch",
      path: "/cases/{id}",
      tag: "Cases",
      summary: "Edit (and resubmit) a case study",
      description:
        "The author only (others → 403, or 404 when they may not see it). Same fields as creating, all optional but " +
        "`noIdentifiablePeople`. A case sent back or in review goes (back) to `in-review`; a published one stays published " +
        "unless the new text has findings (422, or `in-review` with `acknowledgeWarnings`).",
      auth: "signed-in",
      params: caseId,
      body: casePatchSchema,
      answers: { 200: { description: "The case, and the sensitive-category warnings.", schema: caseWithWarningsSchema } },
      problems: [404],
    },
    async (req, res, io) => {
      const user = requireUser(req);
      const id = idParam(req.params.id);
      const input = io.body();
      await answeringFindings(req, res, async () => {
        const { case: kase, warnings } = await updateCase(services, user, id, input);
        res.json({ case: kase, warnings });
      });
    },
  );

  r.add(
    {
      operationId: "reviewCase",
      method: "post",
      path: "/cases/{id}/review",
      tag: "Cases",
      summary: "Publish a case in review, or send it back (lead, admin)",
      description:
        "Only a case `in-review` (else 409). `request-changes` needs a `comment`. Logged in the moderation log; the " +
        "author is notified (kind `case-review`).",
      auth: "signed-in",
      params: caseId,
      body: reviewSchema,
      answers: { 200: { description: "The case.", schema: caseEnvelopeSchema } },
      problems: [404, 409],
    },
    async (req, res, io) => {
      const user = requireUser(req);
      const id = idParam(req.params.id);
      if (user.role !== "lead" && user.role !== "admin") throw new DomainError(403, "auth.forbidden");
      res.json({ case: await reviewCase(services, user, id, io.body()) });
    },
  );

  r.add(
    {
      operationId: "addCaseFollowUp",
      method: "post",
      path: "/cases/{id}/follow-up",
      tag: "Cases",
      summary: "Add what happened next (the case's author)",
      description: "A published case only (else 409). Personal-data findings → 422.",
      auth: "signed-in",
      params: caseId,
      body: followUpSchema,
      answers: { 200: { description: "The case.", schema: caseEnvelopeSchema } },
      problems: [404, 409],
    },
    async (req, res, io) => {
      const user = requireUser(req);
      const id = idParam(req.params.id);
      const input = io.body();
      await answeringFindings(req, res, async () => {
        res.json({ case: await addFollowUp(services, user, id, input.followUp) });
      });
    },
  );

  r.add(
    {
      operationId: "revealCaseIdentity",
      method: "get",
      path: "/cases/{id}/identity",
      tag: "Cases",
      summary: "Who wrote a case (lead, admin)",
      description:
        "The only way a lead or an admin learns who wrote an anonymous case. Written to the moderation log with its " +
        "reason; the author is notified (kind `identity-reveal`). A missing, blank or invisible reason → 422 naming " +
        "`reason`. Never cached.",
      auth: "signed-in",
      params: caseId,
      query: revealQuerySchema,
      typedParams: "all",
      answers: {
        200: { description: "The author.", schema: revealedAuthorSchema, headers: { "Cache-Control": { schema: { const: "no-store" } } } },
      },
      problems: [403, 404, 422],
    },
    async (req, res, io) => {
      const user = requireUser(req);
      const id = idParam(req.params.id);
      if (user.role !== "lead" && user.role !== "admin") throw new DomainError(403, "auth.forbidden");
      const { reason } = io.query();
      res.setHeader("Cache-Control", "no-store");
      res.json(await revealIdentity(services, user, id, reason));
    },
  );

  for (const method of ["put", "delete"] as const) {
    r.add(
      {
        operationId: method === "put" ? "markCaseHelped" : "unmarkCaseHelped",
        method,
        path: "/cases/{id}/helped/{postId}",
        tag: "Cases",
        summary: method === "put" ? "Mark a reply as an approach that helped (the case's author)" : "Unmark a reply (the case's author)",
        description:
          method === "put"
            ? "Any number of replies of the case's discussion; idempotent. Others → 403; a reply of another topic → 404."
            : "Idempotent. Others → 403.",
        auth: "signed-in",
        params: caseAndPost,
        answers: { 200: { description: "The case.", schema: caseEnvelopeSchema } },
        problems: [404, 409],
      },
      async (req, res) => {
        const user = requireUser(req);
        res.json({ case: await setHelped(services, user, idParam(req.params.id), idParam(req.params.postId), method === "put") });
      },
    );
  }

  r.add(
    {
      operationId: "relatedCases",
      method: "get",
      path: "/cases/{id}/related",
      tag: "Cases",
      summary: "Related cases and discussions",
      description: "Up to five of each, by shared tags and text similarity; never the case itself nor what the caller may not see.",
      auth: "signed-in",
      params: caseId,
      answers: { 200: { description: "Related content.", schema: relatedSchema } },
      problems: [404],
    },
    async (req, res) => {
      const user = requireUser(req);
      const id = idParam(req.params.id);
      res.json({ cases: await relatedCases(services, user, id), discussions: await relatedDiscussions(services, user, id) });
    },
  );
}
