import zlib from "node:zlib";
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import { createReadableStreamFromReadable, createRequestHandler as createRemixHandler, writeReadableStreamToWritable } from "@remix-run/node";
import type { Request, RequestHandler, Response } from "express";

/** Below this, setting up a compressor costs more than the bytes it saves (the sign-in page, a small data answer). */
const compressAbove = 6 * 1024;
const compressible = /^(text\/(html|x-script|plain)|application\/(json|problem\+json))\b/i;

/**
 * Express to Remix, as `@remix-run/express` does it, but a page is sent in one write: Remix's answers here are whole
 * (no deferred data), so the body is read at once and, when it is large enough, compressed in one call at the
 * cheapest levels (brotli 1, else gzip 1), instead of flowing chunk by chunk through a compression stream. A 56 KB
 * page costs a few tenths of a millisecond to compress and travels as about 9 KB. Event streams still stream.
 */
export function remixRequestHandler(
  build: ServerBuild | (() => Promise<ServerBuild>),
  mode: "production" | "development",
  getLoadContext: (req: Request, res: Response) => AppLoadContext,
): RequestHandler {
  const handle = createRemixHandler(build, mode);
  return async (req, res, next) => {
    try {
      const response = await handle(fetchRequestOf(req, res), getLoadContext(req, res));
      await send(req, res, response);
    } catch (error) {
      next(error);
    }
  };
}

/** The Fetch API request Remix takes, as `@remix-run/express` makes it (host and port as `trust proxy` allows). */
function fetchRequestOf(req: Request, res: Response): globalThis.Request {
  const port = Number.parseInt((req.get("X-Forwarded-Host") ?? req.get("host") ?? "").split(":")[1] ?? "", 10);
  const url = `${req.protocol}://${req.hostname}${Number.isSafeInteger(port) ? `:${port}` : ""}${req.originalUrl}`;
  const headers = new Headers();
  for (const [key, values] of Object.entries(req.headers)) {
    if (Array.isArray(values)) for (const value of values) headers.append(key, value);
    else if (values) headers.set(key, values);
  }
  // Loaders and actions are aborted when the client goes away before the answer is sent.
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = createReadableStreamFromReadable(req);
    init.duplex = "half";
  }
  return new globalThis.Request(url, init);
}

async function send(req: Request, res: Response, response: globalThis.Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  const type = response.headers.get("content-type") ?? "";
  if (!response.body) {
    res.end();
    return;
  }
  if (/text\/event-stream/i.test(type)) {
    res.flushHeaders();
    await writeReadableStreamToWritable(response.body, res);
    return;
  }
  let body = Buffer.from(await response.arrayBuffer());
  if (compressible.test(type)) {
    res.vary("Accept-Encoding");
    // Brotli whenever it is accepted (browsers list gzip first without preferring it), else gzip.
    const encoding = body.byteLength <= compressAbove ? false : req.acceptsEncodings("br") ? "br" : req.acceptsEncodings("gzip");
    if (encoding === "br") {
      body = zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } });
      res.setHeader("Content-Encoding", "br");
    } else if (encoding === "gzip") {
      body = zlib.gzipSync(body, { level: 1 });
      res.setHeader("Content-Encoding", "gzip");
    }
  }
  res.setHeader("Content-Length", String(body.byteLength));
  res.end(req.method === "HEAD" ? undefined : body);
}
