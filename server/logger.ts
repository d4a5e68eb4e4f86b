import pino from "pino";
import type { Config, Logger } from "../app/modules/platform/services";

export type { Logger };

/** Secrets and personal data that never reach a log line. */
const redact = [
  "password",
  "*.password",
  "token",
  "*.token",
  "req.headers.authorization",
  "req.headers.cookie",
  'res.headers["set-cookie"]',
];

export function createLogger(config: Pick<Config, "logLevel" | "env">): Logger {
  return pino({
    level: config.logLevel,
    redact: { paths: redact, censor: "[redacted]" },
    base: { service: "digital-compass" },
  });
}
