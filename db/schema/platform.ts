import { bigserial, customType, index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./accounts";

const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

/** Where @socket.io/postgres-adapter parks payloads too large for NOTIFY (its documented table). */
export const socketIoAttachments = pgTable("socket_io_attachments", {
  id: bigserial("id", { mode: "number" }).unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).defaultNow(),
  payload: bytea("payload"),
});

/** Secrets the app makes itself on first use (e.g. the key that signs unsubscribe links). */
export const appSecrets = pgTable("app_secrets", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The forms whose repeat would create a second thing (an identity reveal: a second log entry and a second notice to
 * the author); each rendered form carries a key that works once.
 */
export const formSubmissionKinds = ["topic", "reply", "case", "invitation", "api-token", "member", "identity-reveal"] as const;
export type FormSubmissionKind = (typeof formSubmissionKinds)[number];

/**
 * One row per keyed form that created something, written in the transaction that created it: a resubmission of
 * the same form (double click, back and resubmit, a retried POST) finds the row and answers with the first result.
 * Neither the key nor the result can be read from here alone: `form_key` is a hash of the key, `fingerprint` a
 * keyed hash of what was sent, and `result` is sealed with a key derived from the form's key (it may hold a new
 * token's secret or an invitation link). Rows older than a day are swept (app/modules/platform/form-submissions.server.ts).
 */
export const formSubmissions = pgTable(
  "form_submissions",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    formKey: text("form_key").notNull(),
    kind: text("kind").$type<FormSubmissionKind>().notNull(),
    fingerprint: text("fingerprint").notNull(),
    /** Null only inside the creating transaction, before the thing exists. */
    result: text("result"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.formKey] }), index("form_submissions_created_idx").on(t.createdAt)],
);
