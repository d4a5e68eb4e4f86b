import type { Config, JobHandler, JobQueue, Logger, Schedule } from "../app/modules/platform/services";

export type { JobHandler, JobQueue, Schedule };

const maxAttempts = 5;
const baseDelayMs = 2_000;

export function createInProcessQueue(log: Logger, options: { baseDelayMs?: number } = {}): JobQueue {
  const handlers = new Map<string, JobHandler<object>>();
  const schedules = new Map<string, Schedule>();
  const timers = new Set<NodeJS.Timeout>();
  let running = 0;
  let pending = 0;
  let idleWaiters: (() => void)[] = [];
  let stopped = false;
  const delay = options.baseDelayMs ?? baseDelayMs;

  const settle = () => {
    if (running === 0 && pending === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      waiters.forEach((w) => w());
    }
  };

  const run = (name: string, data: object, attempt: number) => {
    const handler = handlers.get(name);
    if (!handler) {
      log.error({ job: name }, "job has no handler; dropped");
      return;
    }
    running++;
    handler(data)
      .then(() => log.debug({ job: name, attempt }, "job done"))
      .catch((error: unknown) => {
        if (attempt >= maxAttempts || stopped) {
          log.error({ job: name, attempt, err: error }, "job failed for good");
          return;
        }
        const wait = delay * 2 ** (attempt - 1);
        log.warn({ job: name, attempt, retryInMs: wait, err: error }, "job failed; will retry");
        pending++;
        const timer = setTimeout(() => {
          timers.delete(timer);
          pending--;
          run(name, data, attempt + 1);
        }, wait);
        timers.add(timer);
      })
      .finally(() => {
        running--;
        settle();
      });
  };

  return {
    kind: "in-process",
    register(name, handler) {
      handlers.set(name, handler as JobHandler<object>);
    },
    schedule(name, schedule) {
      schedules.set(name, schedule);
    },
    async send(name, data) {
      if (stopped) throw new Error("job queue is stopped");
      pending++;
      setImmediate(() => {
        pending--;
        run(name, data, 1);
      });
    },
    async start() {
      for (const [name, schedule] of schedules) {
        const timer = setInterval(() => run(name, {}, maxAttempts), schedule.everyMs);
        timer.unref();
        timers.add(timer);
      }
    },
    drain() {
      if (running === 0 && pending === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      pending = 0;
      if (running > 0) await new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
  };
}

export async function createPgBossQueue(config: Pick<Config, "databaseUrl">, log: Logger): Promise<JobQueue> {
  const { default: PgBoss } = await import("pg-boss");
  const boss = new PgBoss({ connectionString: config.databaseUrl, schema: "pgboss", max: 4 });
  boss.on("error", (err) => log.error({ err }, "job queue error"));
  const handlers = new Map<string, JobHandler<object>>();
  const schedules = new Map<string, Schedule>();
  let started = false;
  return {
    kind: "pg-boss",
    register(name, handler) {
      handlers.set(name, handler as JobHandler<object>);
    },
    schedule(name, schedule) {
      schedules.set(name, schedule);
    },
    async send(name, data) {
      await boss.send(name, data, { retryLimit: maxAttempts - 1, retryDelay: baseDelayMs / 1000, retryBackoff: true });
    },
    async start() {
      await boss.start();
      started = true;
      for (const [name, handler] of handlers) {
        await boss.createQueue(name);
        await boss.work<object>(name, { pollingIntervalSeconds: 2 }, async (jobs) => {
          for (const job of jobs) {
            try {
              await handler(job.data);
            } catch (err) {
              log.warn({ job: name, id: job.id, err }, "job failed; pg-boss retries it with backoff");
              throw err;
            }
          }
        });
      }
      for (const [name, schedule] of schedules) {
        if (!handlers.has(name)) throw new Error(`scheduled job ${name} has no handler`);
        await boss.schedule(name, schedule.cron, {}, { retryLimit: 2 });
      }
    },
    async drain() {},
    async stop() {
      if (started) await boss.stop({ graceful: true, timeout: 10_000, wait: true });
    },
  };
}
