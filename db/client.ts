import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { sql, type SQL } from "drizzle-orm";
import type { Sql as PostgresSql, TransactionSql as PostgresTransaction } from "postgres";
import * as schema from "./schema/index";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Either the database or an open transaction: domain functions accept both. */
export type Queryable = Database | Transaction;

export type DatabaseHandle = {
  db: Database;
  driver: "pglite" | "postgres";
  /** Answers true when a trivial query succeeds within the timeout. */
  ping(timeoutMs?: number): Promise<boolean>;
  /**
   * Calls `onMessage` with the payload of each NOTIFY on `channel`, from any connection or instance. After the
   * listening connection was lost and is back, `onResumed` is called: notifications may have been missed meanwhile.
   */
  listen(channel: string, onMessage: (payload: string) => void, onResumed?: () => void): Promise<() => Promise<void>>;
  /** Calls `observer` with the text of every statement sent through `db`, before it is sent. */
  observeStatements(observer: (statement: string) => void): () => void;
  close(): Promise<void>;
};

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "migrations");

export type DatabaseOptions = {
  databaseUrl?: string;
  /** Directory for the embedded database; `memory://` keeps it in memory (tests). */
  pgliteDataDir?: string;
  /** A dumped PGlite data directory to start from (tests clone a migrated template). */
  pgliteLoadDataDir?: Blob | File;
  maxConnections?: number;
  /** Called with each SQL statement the ORM sends (tests count queries per page with it). */
  onQuery?: (sql: string) => void;
};

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Drizzle's logger, used to let observers see each statement (`observeStatements`, and the tests' `onQuery`). */
function statementObservers(onQuery?: (sql: string) => void) {
  const observers = new Set<(statement: string) => void>(onQuery ? [onQuery] : []);
  return {
    logger: {
      logQuery(query: string) {
        for (const observe of observers) observe(query);
      },
    },
    observe(observer: (statement: string) => void) {
      observers.add(observer);
      return () => void observers.delete(observer);
    },
  };
}

/**
 * Drizzle sends every statement through postgres.js's `unsafe`, which does not prepare it: PostgreSQL would parse and
 * plan the same statement again on every request. Prepared (named per connection and reused for the same text), it
 * keeps the plan: a case-library page's statement went from 8.5 ms to 4.4 ms. Transactions' statements too.
 */
function preparingStatements<T extends PostgresSql | PostgresTransaction>(client: T): T {
  const preparable = /^\s*(?:select|with|insert|update|delete)\b/i;
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (query: string, params?: never[], options?: { prepare?: boolean }) =>
          target.unsafe(query, params, preparable.test(query) ? { prepare: true, ...options } : options);
      }
      if (property === "begin" || property === "savepoint") {
        return (...args: unknown[]) => {
          const body = args.pop() as (tx: PostgresTransaction) => unknown;
          return (target as unknown as Record<string, (...a: unknown[]) => unknown>)[property](...args, (tx: PostgresTransaction) => body(preparingStatements(tx)));
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(options.databaseUrl, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
      connect_timeout: 5,
      // A web app's queries are short: parallel workers cost more to start than they share on a busy server, and a
      // plan branch that never runs (search's bounded candidates) can look costly enough to trigger hundreds of
      // milliseconds of JIT compilation. Set once per connection rather than per transaction.
      connection: { jit: "off", max_parallel_workers_per_gather: "0" },
    });
    const statements = statementObservers(options.onQuery);
    const db = drizzle(preparingStatements(client), { schema, logger: statements.logger }) as unknown as Database;
    return {
      db,
      driver: "postgres",
      ping: (timeoutMs = 2000) =>
        withTimeout(client`select 1`, timeoutMs).then(
          () => true,
          () => false,
        ),
      async listen(channel, onMessage, onResumed) {
        // postgres.js listens on a connection of its own and listens again after a reconnect (onlisten each time).
        let listening = false;
        const { unlisten } = await client.listen(channel, onMessage, () => {
          if (listening) onResumed?.();
          listening = true;
        });
        return unlisten;
      },
      observeStatements: statements.observe,
      close: () => client.end({ timeout: 5 }),
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { unaccent } = await import("@electric-sql/pglite/contrib/unaccent");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  const dataDir = options.pgliteDataDir ?? "memory://";
  if (!dataDir.startsWith("memory://")) fs.mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir,
    loadDataDir: options.pgliteLoadDataDir,
    extensions: { unaccent, pg_trgm },
  });
  const statements = statementObservers(options.onQuery);
  const db = drizzle(client, { schema, logger: statements.logger }) as unknown as Database;
  return {
    db,
    driver: "pglite",
    ping: (timeoutMs = 2000) =>
      withTimeout(client.query("select 1"), timeoutMs).then(
        () => true,
        () => false,
      ),
    listen: async (channel, onMessage) => {
      const unlisten = await client.listen(channel, onMessage);
      return () => unlisten();
    },
    observeStatements: statements.observe,
    close: () => client.close(),
  };
}

/**
 * Applies pending migrations. On PostgreSQL an advisory lock makes instances that start together take turns
 * (drizzle's migrator does not guard against two concurrent runs).
 */
export async function migrateDatabase(handle: DatabaseHandle, databaseUrl?: string): Promise<void> {
  if (handle.driver === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, { migrationsFolder });
    return;
  }
  if (!databaseUrl) throw new Error("migrateDatabase needs the database URL for PostgreSQL");
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(7274521)`;
    await migrate(drizzle(client), { migrationsFolder });
    await client`select pg_advisory_unlock(7274521)`;
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** Rows of a raw query, whichever driver ran it (postgres.js answers an array, PGlite an object with rows). */
export async function queryRows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const [first] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from centres`);
  return first.n === 0;
}
