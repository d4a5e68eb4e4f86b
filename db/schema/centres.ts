import { sql } from "drizzle-orm";
import { check, doublePrecision, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const organisations = ["Simplon", "Factoria F5", "BeCode"] as const;

export const centres = pgTable(
  "centres",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    organisation: text("organisation").notNull(),
    city: text("city").notNull(),
    country: text("country").notNull(),
    lat: doublePrecision("lat").notNull(),
    lng: doublePrecision("lng").notNull(),
    languages: text("languages").array().notNull().default(sql`'{}'::text[]`),
    specialities: text("specialities").array().notNull().default(sql`'{}'::text[]`),
    descriptionFr: text("description_fr").notNull().default(""),
    descriptionEn: text("description_en").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    check("centres_country_alpha2", sql`${t.country} ~ '^[A-Z]{2}$'`),
    check("centres_lat_range", sql`${t.lat} between -90 and 90`),
    check("centres_lng_range", sql`${t.lng} between -180 and 180`),
    index("centres_country_idx").on(t.country),
  ],
);
