import type { DatabaseHandle } from "../../db/client";

/** Records the SQL statements sent through the app's database handle while recording is on (to count what a request costs). */
export function recordStatements(database: Pick<DatabaseHandle, "observeStatements">) {
  const list: string[] = [];
  let on = false;
  database.observeStatements((statement) => {
    if (on) list.push(statement.replace(/\s+/g, " "));
  });
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
