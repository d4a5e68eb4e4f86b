import { getCentre, listCentres, memberCounts } from "../../app/modules/centres/centres.server";
import { centreDetailSchema, centreListSchema } from "../../app/modules/centres/schemas";
import { DomainError } from "../../app/modules/platform/errors";
import type { Services } from "../../app/modules/platform/services";
import { pathParams, type ApiRoutes } from "./registry";
import { etagHeaders, etagOf, sendWithETag } from "./support";

/** The list is kept (see `listCentres`): its JSON and validator are made once per kept copy. */
const serialisedLists = new WeakMap<object, { json: string; etag: string }>();
function serialised(list: object) {
  let entry = serialisedLists.get(list);
  if (!entry) {
    const json = JSON.stringify(list);
    entry = { json, etag: etagOf(json) };
    serialisedLists.set(list, entry);
  }
  return entry;
}

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
      answers: {
        200: { description: "Every centre. Send its `ETag` back in `If-None-Match` to get 304 while the list is unchanged.", schema: centreListSchema, headers: etagHeaders },
        304: { description: "The list has not changed since the `ETag` sent in `If-None-Match`." },
      },
    },
    async (req, res) => {
      const { json, etag } = serialised(await listCentres(services.db));
      sendWithETag(req, res, json, etag);
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
