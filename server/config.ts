import path from "node:path";
import os from "node:os";
import { z } from "zod";
import type { Config } from "../app/modules/platform/services";

export type { Config };

const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === "" ? undefined : v))
    .refine((v) => v === undefined || protocols.some((p) => v.startsWith(p)), {
      message: `must start with ${protocols.join(" or ")}`,
    })
    .refine((v) => v === undefined || URL.canParse(v), { message: "is not a valid URL" });

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: optionalUrl(["postgres://", "postgresql://"]),
  DATA_DIR: z.string().min(1).default("./.data"),
  PUBLIC_URL: optionalUrl(["http://", "https://"]),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SMTP_URL: optionalUrl(["smtp://", "smtps://"]),
  REDIS_URL: optionalUrl(["redis://", "rediss://"]),
  RATE_LIMIT_SCALE: z.coerce.number().positive().max(1_000_000).default(1),
  MAIL_FROM: z.string().min(3).default("Digital Compass <no-reply@digital-compass.local>"),
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  TRUST_PROXY: z
    .string()
    .trim()
    .regex(/^(true|false|\d{1,2}|[\d.:/a-f, ]+|loopback|uniquelocal)$/i, "must be true, false, a hop count or proxy addresses")
    .default("false"),
});


export class ConfigError extends Error {}

/** Parses the environment once; a bad value throws one line naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0]);
    throw new ConfigError(`Invalid ${name}=${JSON.stringify(env[name] ?? "")}: ${issue.message}`);
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    publicUrl,
    publicOrigin: new URL(publicUrl).origin,
    secureCookies: publicUrl.startsWith("https://"),
    logLevel: e.LOG_LEVEL,
    smtpUrl: e.SMTP_URL,
    redisUrl: e.REDIS_URL,
    rateLimitScale: e.RATE_LIMIT_SCALE,
    mailFrom: e.MAIL_FROM,
    // The embedded database belongs to one process.
    webConcurrency: e.DATABASE_URL ? (e.WEB_CONCURRENCY ?? os.availableParallelism()) : 1,
    trustProxy: e.TRUST_PROXY === "true" ? true : e.TRUST_PROXY === "false" ? false : /^\d+$/.test(e.TRUST_PROXY) ? Number(e.TRUST_PROXY) : e.TRUST_PROXY,
  };
}
