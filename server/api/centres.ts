import { getCentre, listCentres, memberCounts } from "../../app/modules/centres/centres.server";
import { centreDetailSchema, centreListSchema } from "../../app/modules/centres/schemas";
import { DomainError } from "../../app/modules/platform/errors";
import type { Services } from "../../app/modules/platform/services";
import { pathParams, type ApiRoutes } from "./registry";

export function centresRoutes(r: ApiRoutes, services: Services): void {
  r.add(
    {
      operationId: "listCentres",
      method: "get",
      path: "/centres",
      tag: "Centres",
      summary: "The centres of the network",
      description: "Public. The whole list, unpaginated, sorted by country, organisation and city.",
      auth: "public",
      answers: { 200: { description: "Every centre.", schema: centreListSchema } },
    },
    async (_req, res) => {
      res.json(await listCentres(services.db));
    },
  );

  r.add(
    {
      operationId: "getCentre",
      method: "get",
      path: "/centres/{id}",
      tag: "Centres",
      summary: "One centre",
      description: "Public. The centre, with its description in French and English and its number of active members.",
      auth: "public",
      params: pathParams({ id: "The centre's id." }),
      answers: { 200: { description: "The centre.", schema: centreDetailSchema } },
      problems: [404],
    },
    async (req, res) => {
      const centre = await getCentre(services.db, req.params.id);
      if (!centre) throw new DomainError(404, "problem.notFoundDetail");
      const members = (await memberCounts(services.db)).get(centre.id) ?? 0;
      res.json({ ...centre, memberCount: members });
    },
  );
}
