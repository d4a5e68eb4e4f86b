/**
 * Reference data that changes rarely and is read on every page (categories, tags, centres), kept per database for
 * `ttlMs`. Past that it is still served while one refresh runs in the background, so a busy page never waits for it.
 * A write made through this instance forgets it at once (`forget`); another instance's write shows within `ttlMs`.
 */
export function keptPerDatabase<T>(ttlMs: number, load: (db: object) => Promise<T>) {
  type Entry = { at: number; value: T; refreshing?: Promise<void> };
  let entries = new WeakMap<object, Entry>();
  /** Bumped by every forget, so that a load begun before a write is not kept after it. */
  let generation = 0;

  return {
    async get(db: object): Promise<T> {
      const entry = entries.get(db);
      if (!entry) {
        const started = generation;
        const value = await load(db);
        if (started === generation && !entries.has(db)) entries.set(db, { at: Date.now(), value });
        return value;
      }
      if (Date.now() - entry.at > ttlMs && !entry.refreshing) {
        const started = generation;
        entry.refreshing = load(db)
          .then((value) => {
            if (started === generation && entries.get(db) === entry) Object.assign(entry, { value, at: Date.now() });
          })
          .catch(() => undefined)
          .finally(() => {
            entry.refreshing = undefined;
          });
      }
      return entry.value;
    },
    /** After a write (through any handle of the database, a transaction's included). */
    forget() {
      generation++;
      entries = new WeakMap();
    },
  };
}
