import cluster from "node:cluster";
import http from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import type express from "express";
import type { RequestHandler } from "express";
import { resolveLocale } from "../app/i18n";
import { createApp } from "./app";
import { ConfigError, loadConfig, type Config } from "./config";
import { clientOf } from "./http";
import { runPrimary, workerIndex } from "./cluster";
import { createLogger } from "./logger";
import { attachSocketServer } from "./realtime";
import { remixRequestHandler } from "./remix-handler";
import { detachOthers, routeSubsets } from "./route-subsets";
import { stickySessions } from "./sticky";
import { createServices, type ServiceOverrides } from "./services-factory";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export type RunningServer = Awaited<ReturnType<typeof startServer>>;

/** Starts HTTP + Socket.IO on one server. `remix: "none"` serves the API only (tests). */
export async function startServer(
  config: Config,
  options: { remix?: "production" | "development" | "none"; overrides?: ServiceOverrides } = {},
) {
  const services = await createServices(config, options.overrides);
  const mode = options.remix ?? (config.env === "development" ? "development" : "production");
  let remixHandler: RequestHandler | undefined;
  let viteMiddlewares: RequestHandler | undefined;
  let viteClose: (() => Promise<void>) | undefined;
  if (mode !== "none") {
    let build: ServerBuild | (() => Promise<ServerBuild>);
    if (mode === "development") {
      const vite = await import("vite");
      const viteServer = await vite.createServer({ server: { middlewareMode: true } });
      viteMiddlewares = viteServer.middlewares as unknown as RequestHandler;
      viteClose = () => viteServer.close();
      build = () => viteServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
    } else {
      build = (await import(pathToFileURL(path.join(root, "build/server/index.js")).href)) as ServerBuild;
    }
    const getLoadContext = (req: express.Request, res: express.Response) => ({
      services,
      auth: req.auth,
      cspNonce: res.locals.cspNonce,
      locale: resolveLocale({
        userLocale: req.auth.user?.locale,
        cookieHeader: req.headers.cookie,
        acceptLanguage: req.headers["accept-language"],
      }),
      client: clientOf(req),
      requestId: String(req.id),
      // Single-fetch data requests end in `.data`; everything else renders a document.
      pageHtml: req.path.endsWith(".data") ? null : new Map<string, string>(),
    });
    if (typeof build === "function") {
      remixHandler = remixRequestHandler(build, "development", getLoadContext);
    } else {
      // One handler per first path segment, each over the routes it can match (see route-subsets.ts).
      const subsets = routeSubsets(build.routes);
      const handlers = new Map<string, RequestHandler>();
      remixHandler = (req, res, next) => {
        const { key, keep } = subsets.routesFor(req.path);
        let handler = handlers.get(key);
        if (!handler) {
          const share = { ...build, routes: detachOthers(build.routes, keep), assets: { ...build.assets, routes: detachOthers(build.assets.routes, keep) } };
          handler = remixRequestHandler(share, "production", getLoadContext);
          handlers.set(key, handler);
        }
        return handler(req, res, next);
      };
    }
  }
  const app = createApp(services, {
    remixHandler,
    viteMiddlewares,
    clientBuildDir: mode === "production" ? path.join(root, "build/client") : undefined,
  });
  const httpServer = http.createServer(app);
  httpServer.keepAliveTimeout = 65_000;
  const io = await attachSocketServer(services, httpServer, services.realtime);
  const worker = workerIndex();
  const sticky = worker === null ? null : stickySessions(io, httpServer, { index: worker, primaryPid: process.ppid, log: services.log });
  await services.jobs.start();
  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : config.port;

  let closing: Promise<void> | undefined;
  /** Stops accepting, lets in-flight requests finish, closes sockets, jobs and the database. */
  const close = () =>
    (closing ??= (async () => {
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      io.disconnectSockets(true);
      io.engine.close();
      // Keep-alive connections are closed as soon as their request is answered; stragglers after 10 s.
      const idle = setInterval(() => httpServer.closeIdleConnections(), 50);
      httpServer.closeIdleConnections();
      const force = setTimeout(() => httpServer.closeAllConnections(), 10_000);
      await closed;
      clearInterval(idle);
      clearTimeout(force);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await sticky?.close();
      await viteClose?.();
      await services.activity.stop();
      await services.jobs.stop();
      await services.database.close();
    })());

  return { services, httpServer, io, port, url: `http://127.0.0.1:${port}`, close };
}

export async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  // With PostgreSQL, one worker per core (WEB_CONCURRENCY); the embedded database is single-process.
  if (config.databaseUrl && config.webConcurrency > 1 && cluster.isPrimary) {
    await runPrimary(config, createLogger(config));
    return;
  }
  const server = await startServer(config);
  const { log } = server.services;
  if (cluster.isPrimary) log.info({ url: config.publicUrl, port: server.port }, `Digital Compass is ready on ${config.publicUrl}`);
  const shutdown = (signal: string) => {
    log.info({ signal }, "shutting down");
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
