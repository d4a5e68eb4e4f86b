import { oneOfParam, textParam } from "../platform/params";
import { z } from "../platform/zod";

/** A centre as the API shows it (`GET /centres`). */
const centreShape = {
  id: z.string(),
  name: z.string(),
  organisation: z.string(),
  city: z.string(),
  country: z.string().regex(/^[A-Z]{2}$/).describe("ISO 3166 alpha-2."),
  lat: z.number(),
  lng: z.number(),
  languages: z.array(z.string()),
  specialities: z.array(z.string()),
};
export const centreSchema = z.object(centreShape).strict().openapi("Centre");

export const centreListSchema = z.array(centreSchema);

// Built from the shape, not `.extend()`: a `$ref` to a closed object in `allOf` would refuse the added members.
export const centreDetailSchema = z
  .object({
    ...centreShape,
    description: z.object({ fr: z.string(), en: z.string() }).strict(),
    memberCount: z.number().int().min(0).describe("Active members of the centre."),
  })
  .strict()
  .openapi("CentreDetail", { description: "A centre, with its description in French and English and its number of active members." });

/** /centres: search words, and an organisation and a country among those of the network (listed when refused). */
export const centreDirectoryQuerySchema = (organisations: readonly string[], countries: readonly string[]) =>
  z.object({ q: textParam(100), organisation: oneOfParam(organisations).optional(), country: oneOfParam(countries).optional() });
