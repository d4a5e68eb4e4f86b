import { hash } from "@node-rs/argon2";
import type { Database } from "../client";
import { categories, centres, tags, userLanguages, users } from "../schema";
import { demoCentres, demoPeople } from "./demo-data";
import { demoCategories, demoTags } from "./taxonomy-data";
import { seedDemoCases, seedScaleCases } from "./cases";
import { seedDemoDiscussions, seedScaleDiscussions } from "./discussions";

export const demoPassword = "compass-demo-2026";
const argon2Options = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

/** Stable ids so that links into the demo network survive a re-seed. */
export const demoUserId = (handle: string) => `demo-${handle.replace(/[^a-z0-9]+/g, "-")}`;

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** The real network and its people; safe to run twice (existing rows are left as they are). */
export async function seedDemo(db: Database, log: (line: string) => void = () => {}): Promise<void> {
  const passwordHash = await hash(demoPassword, argon2Options);
  await db.transaction(async (tx) => {
    await tx
      .insert(centres)
      .values(
        demoCentres.map((c) => ({
          id: c.id,
          name: c.name,
          organisation: c.organisation,
          city: c.city,
          country: c.country,
          lat: c.lat,
          lng: c.lng,
          languages: c.languages,
          specialities: c.specialities,
          descriptionFr: c.description.fr,
          descriptionEn: c.description.en,
        })),
      )
      .onConflictDoNothing();
    const start = new Date("2025-09-01T08:00:00Z").getTime();
    for (const batch of chunks(demoPeople, 100)) {
      await tx
        .insert(users)
        .values(
          batch.map((p, i) => ({
            id: demoUserId(p.handle),
            handle: p.handle,
            email: p.email,
            name: p.name,
            passwordHash,
            role: p.role,
            centreId: p.centreId,
            bio: p.bio,
            skills: p.skills,
            locale: p.locale,
            openToMobility: p.openToMobility,
            createdAt: new Date(start + i * 86_400_000),
          })),
        )
        .onConflictDoNothing();
    }
    const languageRows = demoPeople.flatMap((p) =>
      p.languages.map((l) => ({ userId: demoUserId(p.handle), language: l.code, level: l.level })),
    );
    for (const batch of chunks(languageRows, 500)) await tx.insert(userLanguages).values(batch).onConflictDoNothing();
    await tx.insert(categories).values(demoCategories).onConflictDoNothing();
    await tx.insert(tags).values(demoTags).onConflictDoNothing();
  });
  log(`Demo network seeded: ${demoCentres.length} centres, ${demoPeople.length} people (password ${demoPassword}).`);
  await seedDemoDiscussions(db, log);
  await seedDemoCases(db, log);
}

/**
 * Bench-scale data: 50 centres and 5,000 people per unit of scale, inserted in batches with one shared password
 * hash. Later areas add their own volumes here.
 */
export async function seedScale(db: Database, scale: number, log: (line: string) => void = () => {}): Promise<void> {
  const passwordHash = await hash(demoPassword, argon2Options);
  const countries = ["FR", "ES", "BE", "RO"] as const;
  const organisations = ["Simplon", "Factoria F5", "BeCode", "Simplon"] as const;
  const centreRows = Array.from({ length: 50 * scale }, (_, i) => ({
    id: `scale-centre-${i}`,
    name: `Bench centre ${i}`,
    organisation: organisations[i % 4],
    city: `City ${i}`,
    country: countries[i % 4],
    lat: 40 + (i % 10),
    lng: -3 + (i % 9),
    languages: ["fr", "en"],
    specialities: ["web-development"],
  }));
  for (const batch of chunks(centreRows, 500)) await db.insert(centres).values(batch).onConflictDoNothing();
  const levels = ["A2", "B1", "B2", "C1", "native"] as const;
  const langs = ["fr", "en", "es", "ro", "nl"] as const;
  const userCount = 5000 * scale;
  for (let offset = 0; offset < userCount; offset += 1000) {
    const rows = Array.from({ length: Math.min(1000, userCount - offset) }, (_, j) => {
      const i = offset + j;
      return {
        id: `scale-user-${i}`,
        handle: `bench.user${i}`,
        email: `user${i}@scale.compass`,
        name: `Bench User ${i}`,
        passwordHash,
        role: (i % 100 === 0 ? "lead" : i % 20 === 0 ? "host" : "trainer") as "lead" | "host" | "trainer",
        centreId: `scale-centre-${i % centreRows.length}`,
        skills: ["javascript", "pedagogy"],
      };
    });
    await db.insert(users).values(rows).onConflictDoNothing();
    await db
      .insert(userLanguages)
      .values(rows.flatMap((r, k) => [{ userId: r.id, language: langs[k % 5], level: levels[k % 5] }]))
      .onConflictDoNothing();
  }
  log(`Scale data seeded: ${centreRows.length} centres, ${userCount} people.`);
  await seedScaleDiscussions(db, scale, log);
  await seedScaleCases(db, scale, log);
}
