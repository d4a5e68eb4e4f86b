import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { inject } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../db/client";
import { seedDemo } from "../../db/seed/demo";
import { loadConfig, type Config } from "../../server/config";
import { startServer, type RunningServer } from "../../server/index";
import { createInProcessQueue, type JobQueue } from "../../server/jobs";
import { createLogger } from "../../server/logger";
import { checkApiAnswer } from "./api-contract";
import { withDatabase } from "./global-setup";

export { demoPassword } from "../../db/seed/demo";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address() as net.AddressInfo;
      srv.close(() => resolve(address.port));
    });
    srv.on("error", reject);
  });
}

/** A fresh database for one test file: cloned from the migrated template (PostgreSQL) or its snapshot (PGlite). */
export async function freshDatabase(
  options: { onQuery?: (sql: string) => void } = {},
): Promise<{ handle: DatabaseHandle; url?: string; drop(): Promise<void> }> {
  const target = inject("testDatabase");
  if (target.kind === "postgres") {
    const name = `dc_test_${process.pid}_${randomBytes(4).toString("hex")}`;
    const admin = postgres(target.url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name} template ${target.template}`);
    await admin.end();
    const url = withDatabase(target.url, name);
    const handle = await openDatabase({ databaseUrl: url, maxConnections: 5, onQuery: options.onQuery });
    return {
      handle,
      url,
      async drop() {
        const again = postgres(target.url, { max: 1, onnotice: () => {} });
        await again.unsafe(`drop database if exists ${name} with (force)`);
        await again.end();
      },
    };
  }
  const snapshot = await fs.readFile(target.snapshot);
  const handle = await openDatabase({ pgliteDataDir: "memory://", pgliteLoadDataDir: new Blob([snapshot]), onQuery: options.onQuery });
  return { handle, drop: async () => {} };
}

export type TestServer = RunningServer & {
  config: Config;
  dataDir: string;
  jobs: JobQueue;
  /** A client with its own cookie jar, sending the app's Origin like a browser would. */
  client(): TestClient;
  /** A client signed in as this e-mail (demo password by default). */
  signedIn(email: string, password?: string): Promise<TestClient>;
  /** The .eml files written so far (no SMTP in tests). */
  mails(): Promise<string[]>;
  stop(): Promise<void>;
};

export async function startTestServer(
  options: {
    remix?: "development" | "none";
    seed?: boolean;
    env?: Record<string, string>;
    realJobs?: boolean;
    /** Another instance on the same PostgreSQL database (scale-out tests). */
    sameDatabaseAs?: TestServer;
    /** Sees every SQL statement the app sends (query-count tests). */
    onQuery?: (sql: string) => void;
  } = {},
): Promise<TestServer> {
  const shared = options.sameDatabaseAs?.config.databaseUrl;
  const db = shared
    ? { handle: await openDatabase({ databaseUrl: shared, maxConnections: 5 }), url: shared, drop: async () => {} }
    : await freshDatabase({ onQuery: options.onQuery });
  if (options.seed !== false && !shared) await seedDemo(db.handle.db);
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "dc-data-"));
  const port = await freePort();
  const config = loadConfig({
    NODE_ENV: "test",
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    ...(db.url ? { DATABASE_URL: db.url } : {}),
    ...options.env,
  });
  const log = createLogger(config);
  const jobs = options.realJobs ? undefined : createInProcessQueue(log, { baseDelayMs: 20 });
  const server = await startServer(config, {
    remix: options.remix ?? "none",
    overrides: { database: db.handle, log, jobs },
  });
  const publicUrl = config.publicUrl;
  const client = () => new TestClient(`http://127.0.0.1:${server.port}`, publicUrl);
  return {
    ...server,
    config,
    dataDir,
    jobs: server.services.jobs,
    client,
    async signedIn(email, password = "compass-demo-2026") {
      const c = client();
      const res = await c.post("/api/v1/auth/login", { email, password });
      if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
      return c;
    },
    async mails() {
      await server.services.jobs.drain();
      const dir = path.join(dataDir, "mail");
      const files = await fs.readdir(dir).catch(() => [] as string[]);
      return Promise.all(files.sort().map((f) => fs.readFile(path.join(dir, f), "utf8")));
    },
    async stop() {
      await server.close();
      await db.drop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

export class TestClient {
  cookies = new Map<string, string>();
  headers: Record<string, string> = {};
  constructor(
    readonly baseUrl: string,
    readonly origin: string,
  ) {}

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async request(method: string, pathname: string, init: { body?: unknown; headers?: Record<string, string>; form?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { ...this.headers, ...init.headers };
    if (this.cookies.size && !("cookie" in headers)) headers.cookie = this.cookieHeader();
    if (!["GET", "HEAD"].includes(method) && !("origin" in headers)) headers.origin = this.origin;
    let body: string | undefined;
    if (init.form) {
      body = new URLSearchParams(init.form).toString();
      headers["content-type"] ??= "application/x-www-form-urlencoded";
    } else if (init.body !== undefined) {
      body = typeof init.body === "string" ? init.body : JSON.stringify(init.body);
      headers["content-type"] ??= "application/json";
    }
    const res = await fetch(this.baseUrl + pathname, { method, headers, body, redirect: "manual" });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair, ...attrs] = cookie.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /max-age=0\b/i.test(a.trim())) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    // Every API answer must match what the OpenAPI document declares for its operation (status and body).
    await checkApiAnswer(method, pathname, res);
    return res;
  }

  get(pathname: string, headers?: Record<string, string>) {
    return this.request("GET", pathname, { headers });
  }
  post(pathname: string, body?: unknown, headers?: Record<string, string>) {
    return this.request("POST", pathname, { body, headers });
  }
  patch(pathname: string, body?: unknown, headers?: Record<string, string>) {
    return this.request("PATCH", pathname, { body, headers });
  }
  put(pathname: string, body?: unknown, headers?: Record<string, string>) {
    return this.request("PUT", pathname, { body, headers });
  }
  delete(pathname: string, body?: unknown, headers?: Record<string, string>) {
    return this.request("DELETE", pathname, { body, headers });
  }
  /** Submits a page's form the way a browser without JavaScript does. */
  submit(pathname: string, form: Record<string, string>, headers?: Record<string, string>) {
    return this.request("POST", pathname, { form, headers });
  }
}
