/**
 * Records the SQL statements the database driver receives (under drizzle: PGlite's `query` and `exec`,
 * postgres.js's `unsafe`) while recording is on, so that a test can count what a request costs.
 */
export function recordStatements(db: unknown) {
  const list: string[] = [];
  let on = false;
  const client = (db as { $client: Record<string, unknown> }).$client;
  for (const method of ["query", "exec", "unsafe"]) {
    const original = client[method];
    if (typeof original !== "function") continue;
    client[method] = function (this: unknown, text: unknown, ...rest: unknown[]) {
      if (on) list.push(String(text).replace(/\s+/g, " ").slice(0, 160));
      return (original as (...args: unknown[]) => unknown).apply(this ?? client, [text, ...rest]);
    };
  }
  return {
    list,
    start() {
      list.length = 0;
      on = true;
    },
    stop() {
      on = false;
      return [...list];
    },
  };
}
