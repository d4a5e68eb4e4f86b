import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { Server } from "socket.io";
import type { Logger } from "../app/modules/platform/services";

/**
 * Sticky sessions for Socket.IO's HTTP long-polling inside a cluster, without a proxy in front of every request.
 *
 * Workers share the port and keep connections alive, so a polling request may reach a worker that does not hold its
 * session (a browser reuses any idle connection). Each session id therefore names the worker that made it
 * (`<index>x<random>`), and a worker that receives another worker's session forwards that one request to it over a
 * private Unix socket. Pages, the API and WebSocket connections made without a session never take this detour;
 * only polling requests that land on the wrong worker (and upgrades of such sessions) do.
 */
export function stickySessions(io: Server, httpServer: http.Server, options: { index: number; primaryPid: number; log: Logger }) {
  const { index, primaryPid, log } = options;
  const socketPathOf = (worker: number) => path.join(os.tmpdir(), `digital-compass-${primaryPid}-w${worker}.sock`);
  const sessionPrefix = `${index}x`;
  io.engine.generateId = () => sessionPrefix + randomBytes(15).toString("base64url");

  /** The worker that holds the session named in a Socket.IO request, when it is another one. */
  const elsewhere = (req: http.IncomingMessage): number | null => {
    const url = req.url ?? "";
    if (!url.startsWith("/socket.io/")) return null;
    const sid = /[?&]sid=(\d+)x/.exec(url);
    if (!sid) return null;
    const owner = Number(sid[1]);
    return owner === index ? null : owner;
  };

  const agent = new http.Agent({ keepAlive: true });
  const forwardRequest = (owner: number, req: http.IncomingMessage, res: http.ServerResponse) => {
    // The client's connection is not the one to the other worker: its hop-by-hop headers stay here.
    const { connection: _connection, "keep-alive": _keepAlive, ...headers } = req.headers;
    const upstream = http.request({ socketPath: socketPathOf(owner), agent, method: req.method, path: req.url, headers }, (answer) => {
      const { connection: _c, "keep-alive": _k, ...answerHeaders } = answer.headers;
      res.writeHead(answer.statusCode ?? 502, answerHeaders);
      answer.pipe(res);
    });
    upstream.on("error", (err) => {
      log.warn({ err, owner }, "could not forward a Socket.IO request to the worker holding its session");
      // What Engine.IO answers for a session it does not know: the client starts a new one.
      if (!res.headersSent) res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ code: 1, message: "Session ID unknown" }));
      else res.destroy();
    });
    req.pipe(upstream);
  };
  const forwardUpgrade = (owner: number, req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    const upstream = net.connect(socketPathOf(owner), () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(lines.join("\r\n") + "\r\n\r\n");
      if (head.length) upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    upstream.on("error", () => socket.destroy());
    socket.on("error", () => upstream.destroy());
  };

  // Socket.IO has wrapped the server's listeners; ours go around it.
  const requestListeners = httpServer.listeners("request") as ((req: http.IncomingMessage, res: http.ServerResponse) => void)[];
  const upgradeListeners = httpServer.listeners("upgrade") as ((req: http.IncomingMessage, socket: net.Socket, head: Buffer) => void)[];
  httpServer.removeAllListeners("request");
  httpServer.removeAllListeners("upgrade");
  const handleRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    for (const listener of requestListeners) listener.call(httpServer, req, res);
  };
  const handleUpgrade = (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    for (const listener of upgradeListeners) listener.call(httpServer, req, socket, head);
  };
  httpServer.on("request", (req, res) => {
    const owner = elsewhere(req);
    if (owner === null) handleRequest(req, res);
    else forwardRequest(owner, req, res);
  });
  httpServer.on("upgrade", (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    const owner = elsewhere(req);
    if (owner === null) handleUpgrade(req, socket, head);
    else forwardUpgrade(owner, req, socket, head);
  });

  // What other workers forward here: only this worker's sessions, handled as if they had arrived directly.
  const ownPath = socketPathOf(index);
  fs.rmSync(ownPath, { force: true });
  const privateServer = http.createServer(handleRequest);
  privateServer.on("upgrade", handleUpgrade);
  privateServer.keepAliveTimeout = 65_000;
  // Exclusive: the socket is this worker's own, not one the cluster's primary shares out.
  privateServer.listen({ path: ownPath, exclusive: true });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        privateServer.close(() => resolve());
        privateServer.closeAllConnections();
      }),
  };
}
