import { z } from "zod";
import { oneOfParam, textParam } from "../platform/params";

/** /centres: search words, and an organisation and a country among those of the network (listed when refused). */
export const centreDirectoryQuerySchema = (organisations: readonly string[], countries: readonly string[]) =>
  z.object({ q: textParam(100), organisation: oneOfParam(organisations).optional(), country: oneOfParam(countries).optional() });
