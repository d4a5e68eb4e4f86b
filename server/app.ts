import { randomUUID } from "node:crypto";
import path from "node:path";
import zlib from "node:zlib";
import compression from "compression";
import express, { type RequestHandler } from "express";
import expressStaticGzip from "express-static-gzip";
import helmet from "helmet";
import { authenticateRequest } from "../app/modules/accounts/auth.server";
import { isAppOrigin, safeMethods } from "../app/modules/platform/origin";
import { createTranslator } from "../app/i18n";
import { apiRouter } from "./api";
import { localeOf, sendProblem } from "./http";
import type { Services } from "../app/modules/platform/services";

export type AppOptions = {
  /** The Remix request handler; absent in API-only tests. */
  remixHandler?: RequestHandler;
  /** Vite's dev middlewares (hot reload) in development. */
  viteMiddlewares?: RequestHandler;
  /** Directory of the client build (static assets) in production. */
  clientBuildDir?: string;
};

export function createApp(services: Services, options: AppOptions = {}) {
  const { config, log } = services;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.trustProxy);
  app.set("etag", false);

  // Request id and access log. A 2xx is logged at debug, and nothing is built when that level is off: pages cost
  // what a bare Express app costs before the handler.
  app.use((req, res, next) => {
    const given = req.headers["x-request-id"];
    const id = typeof given === "string" && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    req.id = id;
    res.setHeader("X-Request-Id", id);
    // A nonce per response for the inline scripts Remix writes (the CSP below allows only those).
    res.locals.cspNonce = randomUUID().replaceAll("-", "");
    const started = performance.now();
    res.once("finish", () => {
      const status = res.statusCode;
      const level = status >= 500 ? "error" : status >= 400 ? "info" : "debug";
      if (!log.isLevelEnabled(level)) return;
      log[level](
        { reqId: id, req: { method: req.method, url: req.originalUrl.split("?")[0] }, res: { statusCode: status }, responseTime: Math.round(performance.now() - started) },
        "request completed",
      );
    });
    next();
  });
  const dev = config.env === "development";
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          "default-src": ["'self'"],
          "script-src": dev
            ? ["'self'", "'unsafe-inline'", "'unsafe-eval'"]
            : ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
          "style-src": ["'self'", ...(dev ? ["'unsafe-inline'"] : [])],
          "img-src": ["'self'", "data:", "https:", "http:"],
          "connect-src": ["'self'", ...(dev ? ["ws:", "wss:"] : [])],
          "font-src": ["'self'"],
          "object-src": ["'none'"],
          "base-uri": ["'self'"],
          "form-action": ["'self'"],
          "frame-ancestors": ["'none'"],
          ...(config.secureCookies ? { "upgrade-insecure-requests": [] } : {}),
        },
      },
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity: config.secureCookies ? { maxAge: 31536000 } : false,
      referrerPolicy: { policy: "strict-origin-when-cross-origin" },
      xFrameOptions: { action: "deny" },
    }),
  );

  app.get("/healthz", async (_req, res) => {
    const ok = await services.database.ping(1500);
    res.setHeader("Cache-Control", "no-store");
    res.status(ok ? 200 : 503).json({ status: ok ? "ok" : "unavailable" });
  });

  if (options.viteMiddlewares) app.use(options.viteMiddlewares);
  if (options.clientBuildDir) {
    app.use(
      "/assets",
      expressStaticGzip(path.join(options.clientBuildDir, "assets"), {
        enableBrotli: true,
        orderPreference: ["br", "gz"],
        index: false,
        serveStatic: { immutable: true, maxAge: "1y", index: false },
      }),
    );
    // Only what looks like a file (favicon.svg…) is looked for on disk: a page URL costs no stat() call.
    const publicFiles = express.static(options.clientBuildDir, { maxAge: "1h", index: false });
    app.use((req, res, next) => (/\.[a-z0-9]{1,8}$/i.test(req.path) ? publicFiles(req, res, next) : next()));
  }

  // Who is asking, for pages and API alike; then the Origin check on every state change.
  app.use(async (req, res, next) => {
    try {
      req.auth = await authenticateRequest(services, { cookie: req.headers.cookie, authorization: req.headers.authorization });
      for (const cookie of req.auth.cookies) res.append("Set-Cookie", cookie);
    } catch (err) {
      return next(err);
    }
    if (safeMethods.has(req.method) || req.auth.via === "token") return next();
    const origin = req.headers.origin || req.headers.referer;
    const refused = origin ? !isAppOrigin(origin, config.publicOrigin) : req.auth.hadSessionCookie;
    if (!refused) {
      // Checked against PUBLIC_URL here; Remix's own check compares it with Host instead, which differs behind a
      // proxy or between localhost and 127.0.0.1, so it is not asked again.
      delete req.headers.origin;
      return next();
    }
    log.warn({ reqId: req.id, origin }, "state change refused: foreign or missing Origin");
    if (req.path.startsWith("/api/")) return sendProblem(req, res, 403, { key: "auth.csrf" });
    res.status(403).type("text/plain; charset=utf-8").send(createTranslator(localeOf(req))("auth.csrf"));
  });

  // API answers are compressed at the cheapest levels (brotli 1, gzip 1), and not under 6 KB, where setting up a
  // compressor costs more than the bytes it saves. Pages are compressed by the Remix handler (remix-handler.ts), static
  // assets at build time.
  app.use("/api/v1", compression({ threshold: "6kb", level: 1, brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } } }), apiRouter(services));

  if (options.remixHandler) app.all("*", options.remixHandler);
  return app;
}
