import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { centres } from "./centres";

export const roles = ["trainer", "host", "lead", "admin"] as const;
export type Role = (typeof roles)[number];
export const locales = ["fr", "en"] as const;
export const cefrLevels = ["A1", "A2", "B1", "B2", "C1", "C2", "native"] as const;

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const users = pgTable(
  "users",
  {
    id: text("id").primaryKey(),
    handle: text("handle").notNull(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    role: text("role").$type<Role>().notNull(),
    centreId: text("centre_id")
      .notNull()
      .references(() => centres.id),
    bio: text("bio").notNull().default(""),
    skills: text("skills").array().notNull().default(sql`'{}'::text[]`),
    locale: text("locale").$type<(typeof locales)[number]>(),
    openToMobility: boolean("open_to_mobility").notNull().default(false),
    /** E-mail for mentions and replies to me: at once, in a daily digest, or never. */
    emailNotifications: text("email_notifications").$type<"immediate" | "daily" | "never">().notNull().default("immediate"),
    deactivatedAt: timestamptz("deactivated_at"),
    erasedAt: timestamptz("erased_at"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    updatedAt: timestamptz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_lower_unique").on(sql`lower(${t.email})`),
    uniqueIndex("users_handle_unique").on(t.handle),
    index("users_centre_idx").on(t.centreId),
    check("users_role_valid", sql`${t.role} in ('trainer', 'host', 'lead', 'admin')`),
    check("users_locale_valid", sql`${t.locale} is null or ${t.locale} in ('fr', 'en')`),
    check("users_handle_format", sql`${t.handle} ~ '^[a-z0-9][a-z0-9._-]{1,38}[a-z0-9]$'`),
    check("users_name_length", sql`char_length(${t.name}) between 1 and 100`),
    check("users_bio_length", sql`char_length(${t.bio}) <= 1000`),
    check("users_email_notifications_valid", sql`${t.emailNotifications} in ('immediate', 'daily', 'never')`),
  ],
);

export const userLanguages = pgTable(
  "user_languages",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    language: text("language").notNull(),
    level: text("level").$type<(typeof cefrLevels)[number]>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.language] }),
    index("user_languages_language_idx").on(t.language, t.level),
    check("user_languages_code", sql`${t.language} ~ '^[a-z]{2,3}$'`),
    check("user_languages_level", sql`${t.level} in ('A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native')`),
  ],
);

/** Lucia's session table, with the absolute lifetime and what "your sessions" shows. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamptz("expires_at").notNull(),
    absoluteExpiresAt: timestamptz("absolute_expires_at").notNull(),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    lastSeenAt: timestamptz("last_seen_at").notNull().defaultNow(),
    userAgent: text("user_agent").notNull().default(""),
    ip: text("ip").notNull().default(""),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
    lastUsedAt: timestamptz("last_used_at"),
  },
  (t) => [
    uniqueIndex("api_tokens_hash_unique").on(t.tokenHash),
    index("api_tokens_user_idx").on(t.userId),
    check("api_tokens_name_length", sql`char_length(${t.name}) between 1 and 80`),
  ],
);

export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamptz("expires_at").notNull(),
    usedAt: timestamptz("used_at"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("password_reset_tokens_hash_unique").on(t.tokenHash),
    index("password_reset_tokens_user_idx").on(t.userId),
  ],
);

export const invitations = pgTable(
  "invitations",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull(),
    role: text("role").$type<Role>().notNull(),
    centreId: text("centre_id")
      .notNull()
      .references(() => centres.id),
    invitedBy: text("invited_by")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamptz("expires_at").notNull(),
    acceptedAt: timestamptz("accepted_at"),
    acceptedUserId: text("accepted_user_id").references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamptz("revoked_at"),
    createdAt: timestamptz("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("invitations_hash_unique").on(t.tokenHash),
    index("invitations_invited_by_idx").on(t.invitedBy, t.createdAt),
    check("invitations_role_valid", sql`${t.role} in ('trainer', 'host', 'lead', 'admin')`),
  ],
);

/** Failed sign-in counters, in the database so every instance sees the same numbers. */
export const authThrottle = pgTable("auth_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: timestamptz("window_started_at").notNull().defaultNow(),
  blockedUntil: timestamptz("blocked_until"),
});
