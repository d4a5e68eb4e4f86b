import type { Database, DatabaseHandle } from "../db/client";
import type { AppLucia } from "../app/modules/accounts/auth.server";
import type { AuthCache } from "../app/modules/accounts/auth-cache.server";
import type { ActivityRecorder } from "./activity";
import type { Config } from "./config";
import type { JobQueue } from "./jobs";
import type { Logger } from "./logger";
import type { Mailer } from "./mail";

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
