import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import postgres from "postgres";
import { migrateDatabase, openDatabase } from "../../db/client";

/**
 * Migrates one template database per run: on PostgreSQL a template each test file clones (CREATE DATABASE …
 * TEMPLATE), on PGlite a dumped data directory each test file loads.
 */
export default async function setup(project: TestProject) {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const template = `dc_test_template_${process.pid}`;
    const admin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${template} with (force)`);
    await admin.unsafe(`create database ${template}`);
    const templateUrl = withDatabase(databaseUrl, template);
    const handle = await openDatabase({ databaseUrl: templateUrl, maxConnections: 1 });
    await migrateDatabase(handle, templateUrl);
    await handle.close();
    project.provide("testDatabase", { kind: "postgres", url: databaseUrl, template });
    return async () => {
      await admin.unsafe(`drop database if exists ${template} with (force)`);
      await admin.end();
    };
  }
  const handle = await openDatabase({ pgliteDataDir: "memory://" });
  await migrateDatabase(handle);
  const client = (handle.db as unknown as { $client: { dumpDataDir(c: "none"): Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir("none");
  const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "dc-test-")), "template.tar");
  await fs.writeFile(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide("testDatabase", { kind: "pglite", snapshot: file });
  return async () => {
    await fs.rm(path.dirname(file), { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: { kind: "postgres"; url: string; template: string } | { kind: "pglite"; snapshot: string };
  }
}
