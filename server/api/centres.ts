import { Router } from "express";
import { getCentre, listCentres, memberCounts } from "../../app/modules/centres/centres.server";
import { DomainError } from "../../app/modules/platform/errors";
import type { Services } from "../../app/modules/platform/services";
import { route } from "./support";

export function centresRouter(services: Services): Router {
  const r = Router();
  r.get(
    "/centres",
    route(async (_req, res) => {
      res.json(await listCentres(services.db));
    }),
  );
  r.get(
    "/centres/:id",
    route(async (req, res) => {
      const centre = await getCentre(services.db, req.params.id);
      if (!centre) throw new DomainError(404, "problem.notFoundDetail");
      const members = (await memberCounts(services.db)).get(centre.id) ?? 0;
      res.json({ ...centre, memberCount: members });
    }),
  );
  return r;
}
