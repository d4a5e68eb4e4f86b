import os from "node:os";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../server/config";

describe("configuration", () => {
  it("has a working default for every variable", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: "0.0.0.0", databaseUrl: undefined, publicUrl: "http://localhost:3000", rateLimitScale: 1, secureCookies: false });
    expect(config.dataDir).toMatch(/\.data$/);
  });

  it("derives the public origin and secure cookies from PUBLIC_URL", () => {
    const config = loadConfig({ PUBLIC_URL: "https://compass.example.org/" });
    expect(config.publicUrl).toBe("https://compass.example.org");
    expect(config.publicOrigin).toBe("https://compass.example.org");
    expect(config.secureCookies).toBe(true);
  });

  it("runs one worker per core on PostgreSQL unless WEB_CONCURRENCY says, and one process on PGlite", () => {
    expect(loadConfig({ DATABASE_URL: "postgres://db/x" }).webConcurrency).toBe(os.availableParallelism());
    expect(loadConfig({ DATABASE_URL: "postgres://db/x", WEB_CONCURRENCY: "3" }).webConcurrency).toBe(3);
    expect(loadConfig({}).webConcurrency).toBe(1);
    expect(loadConfig({ WEB_CONCURRENCY: "4" }).webConcurrency).toBe(1);
  });

  it.each([
    ["PORT", "eighty"],
    ["PORT", "70000"],
    ["DATABASE_URL", "mysql://x"],
    ["PUBLIC_URL", "ftp://x"],
    ["RATE_LIMIT_SCALE", "-1"],
    ["LOG_LEVEL", "loud"],
    ["SMTP_URL", "http://mail"],
    ["WEB_CONCURRENCY", "0"],
    ["WEB_CONCURRENCY", "two"],
  ])("stops on a bad %s with one line naming it", (name, value) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(name);
    expect((error as Error).message).not.toContain("\n");
  });
});
