import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { centres, users } from "../../../db/schema";
import type { Locale } from "../../i18n";
import type { Actor } from "../accounts/permissions";
import { can } from "../accounts/permissions";
import { keptPerDatabase } from "../platform/kept.server";

/** A centre as the API shows it (`GET /centres`). */
export type CentreView = {
  id: string;
  name: string;
  organisation: string;
  city: string;
  country: string;
  lat: number;
  lng: number;
  languages: string[];
  specialities: string[];
};

const centreColumns = {
  id: centres.id,
  name: centres.name,
  organisation: centres.organisation,
  city: centres.city,
  country: centres.country,
  lat: centres.lat,
  lng: centres.lng,
  languages: centres.languages,
  specialities: centres.specialities,
};

/**
 * The network's directory changes a few times a year and is read by every map and list: kept a minute per instance
 * (`keptPerDatabase`); a change made through this instance (`forgetCentres`) shows at once.
 */
const keptCentres = keptPerDatabase(60_000, (db) =>
  (db as Database).select(centreColumns).from(centres).orderBy(asc(centres.country), asc(centres.organisation), asc(centres.city)),
);

export function listCentres(db: Database): Promise<CentreView[]> {
  return keptCentres.get(db);
}

/** After a change to the centres table. */
export const forgetCentres = () => keptCentres.forget();

export async function getCentre(db: Database, id: string): Promise<(CentreView & { description: { fr: string; en: string } }) | null> {
  const [row] = await db
    .select({ ...centreColumns, descriptionFr: centres.descriptionFr, descriptionEn: centres.descriptionEn })
    .from(centres)
    .where(eq(centres.id, id));
  if (!row) return null;
  const { descriptionFr, descriptionEn, ...centre } = row;
  return { ...centre, description: { fr: descriptionFr, en: descriptionEn } };
}

export const centreDescription = (c: { description: { fr: string; en: string } }, locale: Locale) =>
  c.description[locale] || c.description.fr || c.description.en;

/** How many active members each centre has (the directory shows it). */
export async function memberCounts(db: Database): Promise<Map<string, number>> {
  const rows = await db
    .select({ centreId: users.centreId, n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(isNull(users.deactivatedAt), isNull(users.erasedAt)))
    .groupBy(users.centreId);
  return new Map(rows.map((r) => [r.centreId, r.n]));
}

/** The people of a centre: members see them, strangers see none. */
export async function centreMembers(db: Database, viewer: Actor, centreId: string) {
  if (!can(viewer, { action: "profile:view" })) return [];
  return db
    .select({ id: users.id, handle: users.handle, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.centreId, centreId), isNull(users.deactivatedAt), isNull(users.erasedAt)))
    .orderBy(asc(users.name));
}
