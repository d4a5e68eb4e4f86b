import cluster, { type Worker } from "node:cluster";
import { migrateDatabase, openDatabase } from "../db/client";
import type { Config, Logger } from "../app/modules/platform/services";

/** This process's place among the workers (0…n-1), or null outside a cluster. */
export function workerIndex(): number | null {
  return cluster.isWorker ? Number(process.env.DC_WORKER_INDEX ?? cluster.worker?.id ?? 0) : null;
}

/**
 * `npm start` on PostgreSQL: the primary applies migrations once, then runs `config.webConcurrency` workers that
 * share the port (Node's cluster hands each new connection to the next worker). A worker that dies is replaced;
 * one that keeps dying as it starts stops the whole server with its error, rather than looping.
 */
export async function runPrimary(config: Config, log: Logger) {
  const database = await openDatabase({ databaseUrl: config.databaseUrl });
  try {
    await migrateDatabase(database, config.databaseUrl);
  } finally {
    await database.close();
  }

  const indexOf = new Map<number, number>();
  const serving = new Set<number>();
  /** Workers of each index that died before serving, in a row. */
  const failedStarts = new Map<number, number>();
  let stopping = false;
  let ready = false;

  const fork = (index: number) => {
    const worker = cluster.fork({ DC_WORKER_INDEX: String(index) });
    indexOf.set(worker.id, index);
  };

  cluster.on("listening", (worker: Worker, address) => {
    if (address.port !== config.port && config.port !== 0) return;
    serving.add(worker.id);
    failedStarts.set(indexOf.get(worker.id) ?? -1, 0);
    if (ready) log.info({ index: indexOf.get(worker.id) }, "a replacement worker is serving");
    else if (serving.size === config.webConcurrency) {
      ready = true;
      log.info({ url: config.publicUrl, port: config.port, workers: config.webConcurrency }, `Digital Compass is ready on ${config.publicUrl} (${config.webConcurrency} workers)`);
    }
  });
  cluster.on("exit", (worker, code, signal) => {
    const index = indexOf.get(worker.id) ?? 0;
    indexOf.delete(worker.id);
    if (stopping) return;
    const failed = serving.delete(worker.id) ? 0 : (failedStarts.get(index) ?? 0) + 1;
    failedStarts.set(index, failed);
    if (failed >= 3) {
      log.fatal({ index, code, signal }, "a worker keeps failing as it starts: stopping");
      void shutdown(1);
      return;
    }
    log.error({ index, code, signal }, "a worker stopped: starting another");
    setTimeout(() => fork(index), failed * 1000);
  });

  const shutdown = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w));
    const exited = Promise.all(workers.map((w) => new Promise((resolve) => (w.isDead() ? resolve(null) : w.once("exit", resolve)))));
    for (const w of workers) w.process.kill("SIGTERM");
    const force = setTimeout(() => workers.forEach((w) => w.process.kill("SIGKILL")), 15_000);
    await exited;
    clearTimeout(force);
    process.exit(exitCode);
  };
  process.once("SIGTERM", () => void shutdown(0));
  process.once("SIGINT", () => void shutdown(0));

  for (let i = 0; i < config.webConcurrency; i++) fork(i);
}
