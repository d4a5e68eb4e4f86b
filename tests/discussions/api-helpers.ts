import { expect } from "vitest";

/** The demo people the discussions API tests act as, one per role (and a second trainer). */
export const people = {
  trainer: "trainer.paris@demo.compass", // Camille Martin, camille.martin
  peer: "trainer.lyon@demo.compass", // Hélène Rousseau, helene.rousseau
  host: "host.madrid@demo.compass", // Lucía Fernández Ortega
  lead: "lead@demo.compass", // Karim Benali, karim.benali
  admin: "admin@demo.compass", // Sophie Lefèvre
} as const;
export type Who = keyof typeof people;
export const everyone = Object.keys(people) as Who[];

export const api = (path: string) => `/api/v1${path}`;
let counter = 0;
export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++counter}`;

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function json(res: Response, status: number): Promise<Json> {
  const text = await res.text();
  expect(res.status, text.slice(0, 500)).toBe(status);
  return text ? JSON.parse(text) : {};
}

/** A clear problem+json answer with this status (or one of these), and for validation this field named in `errors`. */
export async function expectProblem(res: Response, status: number | number[], field?: string): Promise<Json> {
  const text = await res.text();
  const statuses = Array.isArray(status) ? status : [status];
  expect(statuses, `${res.status}: ${text.slice(0, 500)}`).toContain(res.status);
  expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(text);
  expect(body).toMatchObject({ type: expect.any(String), title: expect.any(String), status: res.status, detail: expect.any(String) });
  if (field) expect(Object.keys(body.errors ?? {}), JSON.stringify(body)).toContain(field);
  return body;
}
