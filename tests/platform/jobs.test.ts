import pino from "pino";
import { describe, expect, it } from "vitest";
import { createInProcessQueue, createPgBossQueue } from "../../server/jobs";
import { freshDatabase } from "../setup/harness";

function recordingLogger() {
  const lines: { level: number; msg: string }[] = [];
  const log = pino({ level: "debug" }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { log, lines };
}

const waitFor = async (check: () => boolean, ms = 20_000) => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe("in-process job queue (embedded database)", () => {
  it("runs a job off the request path and retries a failure with growing delays", async () => {
    const { log, lines } = recordingLogger();
    const queue = createInProcessQueue(log, { baseDelayMs: 200 });
    const attempts: number[] = [];
    queue.register("flaky", async () => {
      attempts.push(Date.now());
      if (attempts.length < 3) throw new Error("smtp down");
    });
    await queue.start();
    await queue.send("flaky", {});
    await waitFor(() => attempts.length === 3);
    await queue.drain();
    expect(attempts).toHaveLength(3);
    // Timers never fire early (a busy machine only makes them late): the waits are at least 200 ms, then 400 ms.
    expect(attempts[1] - attempts[0]).toBeGreaterThanOrEqual(195);
    expect(attempts[2] - attempts[1]).toBeGreaterThanOrEqual(395);
    expect(lines.filter((l) => l.msg === "job failed; will retry")).toHaveLength(2);
    await queue.stop();
  });

  it("gives up after five attempts and logs the failure", async () => {
    const { log, lines } = recordingLogger();
    const queue = createInProcessQueue(log, { baseDelayMs: 1 });
    let calls = 0;
    queue.register("broken", async () => {
      calls++;
      throw new Error("always");
    });
    await queue.start();
    await queue.send("broken", {});
    await waitFor(() => lines.some((l) => l.msg === "job failed for good"));
    expect(calls).toBe(5);
    expect(lines.find((l) => l.msg === "job failed for good")!.level).toBe(50);
    await queue.stop();
  });
});

describe.runIf(process.env.DATABASE_URL)("pg-boss job queue (PostgreSQL)", () => {
  it("runs each job once across two instances, and retries a failure", async () => {
    const db = await freshDatabase();
    const { log } = recordingLogger();
    const seen: string[] = [];
    let failOnce = true;
    const instances = await Promise.all([0, 1].map(() => createPgBossQueue({ databaseUrl: db.url }, log)));
    for (const queue of instances) {
      queue.register("count", async (data: { n: number }) => {
        seen.push(String(data.n));
      });
      queue.register("retry-me", async () => {
        if (failOnce) {
          failOnce = false;
          throw new Error("first try fails");
        }
        seen.push("retried");
      });
    }
    for (const queue of instances) await queue.start();
    for (let n = 0; n < 10; n++) await instances[n % 2].send("count", { n });
    await instances[0].send("retry-me", {});
    await waitFor(() => seen.length >= 11, 30_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(seen.filter((s) => s !== "retried").sort()).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    expect(seen.filter((s) => s === "retried")).toHaveLength(1);
    for (const queue of instances) await queue.stop();
    await db.handle.close();
    await db.drop();
  }, 60_000);
});
