import path from "node:path";
import { isDatabaseEmpty, migrateDatabase, openDatabase, type DatabaseHandle } from "../db/client";
import { seedDemo } from "../db/seed/demo";
import { createLucia } from "../app/modules/accounts/auth.server";
import { connectAuthCache, createAuthCache } from "../app/modules/accounts/auth-cache.server";
import { invitationEmailJob, sendInvitationEmail } from "../app/modules/accounts/invitations.server";
import { passwordResetEmailJob, purgeExpiredAuthData, sendPasswordResetEmail } from "../app/modules/accounts/password-reset.server";
import {
  digestSchedule,
  notificationDigestJob,
  notificationEmailJob,
  sendNotificationDigests,
  sendNotificationEmail,
} from "../app/modules/discussions/notification-email.server";
import { followUpReminderJob, followUpReminderSchedule, sweepFollowUpReminders } from "../app/modules/cases/cases.server";
import type { NotificationEmailJobData } from "../app/modules/discussions/notifications.server";
import { formSubmissionSweepJob, formSubmissionSweepSchedule, sweepFormSubmissions } from "../app/modules/platform/form-submissions.server";
import { createActivityRecorder } from "../app/modules/discussions/activity.server";
import type { Config } from "./config";
import { createInProcessQueue, createPgBossQueue, type JobQueue } from "./jobs";
import { createLogger, type Logger } from "./logger";
import { createMailer, type Mailer } from "./mail";
import { detachedRealtime } from "./realtime";
import type { Services } from "../app/modules/platform/services";

export type ServiceOverrides = {
  log?: Logger;
  database?: DatabaseHandle;
  jobs?: JobQueue;
  mailer?: Mailer;
};

/**
 * Opens the database (embedded PGlite without DATABASE_URL), applies migrations, seeds the demo network on an
 * empty embedded database, and wires the job handlers.
 */
export async function createServices(config: Config, overrides: ServiceOverrides = {}) {
  const log = overrides.log ?? createLogger(config);
  let database = overrides.database;
  if (!database) {
    log.info({ driver: config.databaseUrl ? "postgres" : "pglite" }, "opening the database");
    database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDataDir: path.join(config.dataDir, "pglite") });
    log.info("applying migrations");
    await migrateDatabase(database, config.databaseUrl);
    if (!config.databaseUrl && (await isDatabaseEmpty(database.db))) {
      log.info("empty embedded database: seeding the demo network");
      await seedDemo(database.db, (line) => log.info(line));
    }
  }
  const jobs = overrides.jobs ?? (config.databaseUrl ? await createPgBossQueue(config, log) : createInProcessQueue(log));
  const realtime = detachedRealtime();
  const authCache = createAuthCache();
  // Closing the database ends the listening connection too.
  await connectAuthCache(authCache, database);
  const services: Services & { realtime: typeof realtime } = {
    config,
    log,
    database,
    db: database.db,
    jobs,
    mailer: overrides.mailer ?? createMailer(config, log),
    lucia: createLucia(database.db, config),
    authCache,
    realtime,
    activity: createActivityRecorder(database.db, log),
  };
  jobs.register(passwordResetEmailJob, (data: Parameters<typeof sendPasswordResetEmail>[1]) => sendPasswordResetEmail(services, data));
  jobs.register(invitationEmailJob, (data: Parameters<typeof sendInvitationEmail>[1]) => sendInvitationEmail(services, data));
  jobs.register("purge-expired-auth-data", () => purgeExpiredAuthData(services));
  jobs.schedule("purge-expired-auth-data", { cron: "17 3 * * *", everyMs: 24 * 60 * 60 * 1000 });
  jobs.register(notificationEmailJob, (data: NotificationEmailJobData) => sendNotificationEmail(services, data));
  jobs.register(notificationDigestJob, () => sendNotificationDigests(services));
  jobs.schedule(notificationDigestJob, digestSchedule);
  jobs.register(followUpReminderJob, async () => {
    await sweepFollowUpReminders(services);
  });
  jobs.schedule(followUpReminderJob, followUpReminderSchedule);
  jobs.register(formSubmissionSweepJob, () => sweepFormSubmissions(services));
  jobs.schedule(formSubmissionSweepJob, formSubmissionSweepSchedule);
  return services;
}
