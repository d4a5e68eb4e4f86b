import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { forgetCentres } from "../../app/modules/centres/centres.server";
import { startTestServer, type TestServer } from "../setup/harness";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

type Centre = {
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

async function listCentres(): Promise<Centre[]> {
  const res = await server.client().get("/api/v1/centres");
  expect(res.status).toBe(200);
  return res.json();
}

/** What a browser sends to revalidate what it holds (fetch would add `Cache-Control: no-cache`, which asks for all). */
const revalidate = (etag: string) => ({ "if-none-match": etag, "cache-control": "max-age=0" });

describe("GET /api/v1/centres", () => {
  it("carries an ETag: the same list again answers 304 without a body, a changed list 200 with a new one", async () => {
    const first = await server.client().get("/api/v1/centres");
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^W\/"[\w-]{20,}"$/);
    expect(first.headers.get("cache-control")).toBe("no-cache");
    const again = await server.client().get("/api/v1/centres", revalidate(etag!));
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    // A change made through this instance shows at once (the list is kept a minute otherwise).
    await server.services.db.execute(sql`update centres set city = 'Brussels-City' where city = 'Brussels'`);
    forgetCentres();
    const changed = await server.client().get("/api/v1/centres", revalidate(etag!));
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect(((await changed.json()) as Centre[]).some((c) => c.city === "Brussels-City")).toBe(true);
    await server.services.db.execute(sql`update centres set city = 'Brussels' where city = 'Brussels-City'`);
    forgetCentres();
  });

  it("is public and answers the whole network as a plain array", async () => {
    const res = await server.client().get("/api/v1/centres");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    const centres = await res.json();
    expect(Array.isArray(centres)).toBe(true);
    expect(centres.length).toBeGreaterThanOrEqual(25);
    expect(new Set(centres.map((c: Centre) => c.id)).size).toBe(centres.length);
  });

  it("gives every centre its id, name, organisation, place and lists", async () => {
    for (const c of await listCentres()) {
      expect(c).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          name: expect.any(String),
          organisation: expect.any(String),
          city: expect.any(String),
          country: expect.any(String),
          lat: expect.any(Number),
          lng: expect.any(Number),
          languages: expect.any(Array),
          specialities: expect.any(Array),
        }),
      );
      expect(c.name.length, c.id).toBeGreaterThan(0);
      expect(c.city.length, c.id).toBeGreaterThan(0);
      expect(c.languages.length, c.id).toBeGreaterThan(0);
      for (const l of c.languages) expect(l, c.id).toMatch(/^[a-z]{2,3}$/);
      for (const s of c.specialities) expect(typeof s, c.id).toBe("string");
      // Western and south-eastern Europe: Andalusia to Romania, Mediterranean to the North Sea.
      expect(c.lat, c.id).toBeGreaterThan(35);
      expect(c.lat, c.id).toBeLessThan(52);
      expect(c.lng, c.id).toBeGreaterThan(-10);
      expect(c.lng, c.id).toBeLessThan(30);
    }
  });

  it("covers France, Spain, Belgium and Romania, and only them", async () => {
    const centres = await listCentres();
    const countries = new Set(centres.map((c) => c.country));
    expect([...countries].sort()).toEqual(["BE", "ES", "FR", "RO"]);
  });

  it("belongs to Simplon, Factoria F5 and BeCode, each in its own countries", async () => {
    const centres = await listCentres();
    expect([...new Set(centres.map((c) => c.organisation))].sort()).toEqual(["BeCode", "Factoria F5", "Simplon"]);
    const countriesOf = (org: string) => [...new Set(centres.filter((c) => c.organisation === org).map((c) => c.country))].sort();
    expect(countriesOf("Simplon")).toEqual(["FR", "RO"]);
    expect(countriesOf("Factoria F5")).toEqual(["ES"]);
    expect(countriesOf("BeCode")).toEqual(["BE"]);
  });

  it("has the real cities", async () => {
    const centres = await listCentres();
    const citiesOf = (org: string, country?: string) =>
      centres.filter((c) => c.organisation === org && (!country || c.country === country)).map((c) => c.city);
    expect(citiesOf("BeCode")).toEqual(expect.arrayContaining(["Brussels", "Antwerp", "Ghent", "Liège", "Charleroi"]));
    expect(citiesOf("Factoria F5")).toEqual(expect.arrayContaining(["Madrid", "Barcelona"]));
    expect(citiesOf("Simplon", "RO")).toContain("Bucharest");
    expect(citiesOf("Simplon", "FR")).toEqual(expect.arrayContaining(["Paris", "Montreuil", "Lyon"]));
  });

  it("places the cities where they are", async () => {
    const centres = await listCentres();
    const near = (city: string, lat: number, lng: number) => {
      const c = centres.find((x) => x.city === city);
      expect(c, city).toBeDefined();
      expect(Math.abs(c!.lat - lat), city).toBeLessThan(0.5);
      expect(Math.abs(c!.lng - lng), city).toBeLessThan(0.5);
    };
    near("Brussels", 50.85, 4.35);
    near("Madrid", 40.42, -3.7);
    near("Bucharest", 44.43, 26.1);
    near("Paris", 48.86, 2.35);
  });
});

describe("GET /api/v1/centres/:id", () => {
  it("answers the same centre as the list", async () => {
    const centres = await listCentres();
    for (const id of ["becode-brussels", "factoria-f5-madrid", "simplon-bucharest", centres[0].id]) {
      const fromList = centres.find((c) => c.id === id);
      expect(fromList, id).toBeDefined();
      const res = await server.client().get(`/api/v1/centres/${encodeURIComponent(id)}`);
      expect(res.status, id).toBe(200);
      expect(await res.json()).toMatchObject(fromList!);
    }
  });

  it("is public, also for a signed-in member", async () => {
    const c = await server.signedIn("trainer.paris@demo.compass");
    const res = await c.get("/api/v1/centres/simplon-paris");
    expect(res.status).toBe(200);
    expect((await res.json()).city).toBe("Paris");
  });

  it("answers 404 problem+json for an unknown centre", async () => {
    const res = await server.client().get("/api/v1/centres/atlantis");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
    const body = await res.json();
    expect(body).toMatchObject({ status: 404 });
    expect(typeof body.type).toBe("string");
    expect(typeof body.title).toBe("string");
    expect(typeof body.detail).toBe("string");
  });
});
