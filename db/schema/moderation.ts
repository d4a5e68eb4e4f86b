import { sql } from "drizzle-orm";
import { bigint, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./accounts";

/** Every moderation act and identity look: who, when, on what, why. The leads' audit log. */
export const moderationActions = pgTable(
  "moderation_actions",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    actorId: text("actor_id")
      .notNull()
      .references(() => users.id),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    action: text("action").notNull(),
    reason: text("reason").notNull().default(""),
    until: timestamp("until", { withTimezone: true, mode: "date" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("moderation_actions_target_idx").on(t.targetType, t.targetId, t.createdAt.desc().nullsFirst()),
    index("moderation_actions_created_idx").on(t.createdAt.desc().nullsFirst()),
    index("moderation_actions_actor_idx").on(t.actorId, sql`${t.createdAt} desc`),
  ],
);
