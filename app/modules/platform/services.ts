import type { Logger as PinoLogger } from "pino";
import type { Database, DatabaseHandle } from "../../../db/client";
import type { AppLucia } from "../accounts/auth.server";
import type { AuthCache } from "../accounts/auth-cache.server";
import type { ActivityRecorder } from "../discussions/activity.server";

/**
 * The ports domain code works through. The HTTP process (`server/`) builds the real objects and satisfies these
 * types; domain modules depend on them and never on `server/`.
 */

export type Config = {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  publicUrl: string;
  publicOrigin: string;
  secureCookies: boolean;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  smtpUrl: string | undefined;
  redisUrl: string | undefined;
  rateLimitScale: number;
  mailFrom: string;
  /** Express's `trust proxy`: whose X-Forwarded-For to believe for the client address. */
  trustProxy: boolean | number | string;
  /** Worker processes `npm start` runs (PostgreSQL only; PGlite is single-process). */
  webConcurrency: number;
};

export type Logger = PinoLogger;

export type JobHandler<T> = (data: T) => Promise<void>;
export type Schedule = { cron: string; everyMs: number };

/**
 * One interface for background work. On PostgreSQL it is pg-boss (each job runs once across instances, retried
 * with backoff); on the embedded database the same jobs run in this process.
 */
export type JobQueue = {
  kind: "pg-boss" | "in-process";
  register<T extends object>(name: string, handler: JobHandler<T>): void;
  /** Runs `name` on a schedule: pg-boss takes the cron expression, the in-process queue the interval. */
  schedule(name: string, schedule: Schedule): void;
  send<T extends object>(name: string, data: T): Promise<void>;
  start(): Promise<void>;
  /** Resolves once nothing is queued or running (in-process); used by tests and shutdown. */
  drain(): Promise<void>;
  stop(): Promise<void>;
};

export type MailMessage = { to: string; subject: string; text: string; html?: string; headers?: Record<string, string> };
export type Mailer = { send(message: MailMessage): Promise<void> };

/** What the live layer can do for domain code: push to a person's sockets, or close them. */
export type Realtime = {
  toUser(userId: string, event: string, payload: unknown): void;
  disconnectUser(userId: string): void;
  disconnectSession(sessionId: string): void;
};

/** Everything a request, a socket event or a job needs, made once per process and passed down. */
export type Services = {
  config: Config;
  log: Logger;
  database: DatabaseHandle;
  db: Database;
  jobs: JobQueue;
  mailer: Mailer;
  lucia: AppLucia;
  /** Who a session or a token names, for a few seconds (cleared by every change). */
  authCache: AuthCache;
  realtime: Realtime;
  activity: ActivityRecorder;
};
