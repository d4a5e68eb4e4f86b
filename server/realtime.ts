import type http from "node:http";
import { Server, type Socket } from "socket.io";
import { authenticateRequest, type AuthUser } from "../app/modules/accounts/auth.server";
import { isAppOrigin } from "../app/modules/platform/origin";
import type { Realtime, Services } from "../app/modules/platform/services";

export type SocketData = { user: AuthUser; sessionId: string | null };
export type AppSocket = Socket<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>;

/** Until the socket server is attached (scripts, tests without sockets) pushes go nowhere. */
export function detachedRealtime(): Realtime & { attach(io: Server): void } {
  let io: Server | undefined;
  return {
    attach(server) {
      io = server;
    },
    toUser(userId, event, payload) {
      io?.to(`user:${userId}`).emit(event, payload);
    },
    disconnectUser(userId) {
      io?.in(`user:${userId}`).disconnectSockets(true);
    },
    disconnectSession(sessionId) {
      io?.in(`session:${sessionId}`).disconnectSockets(true);
    },
  };
}

/**
 * Socket.IO on the app's HTTP server. A handshake from a browser must come from the app's origin; it is
 * authenticated by the session cookie or by `auth.token` (a personal access token), else `unauthorized`.
 */
export async function attachSocketServer(services: Services, httpServer: http.Server, realtime: ReturnType<typeof detachedRealtime>) {
  const io = new Server(httpServer, {
    serveClient: false,
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      callback(null, origin === undefined || isAppOrigin(origin, services.config.publicOrigin));
    },
  });

  if (services.config.databaseUrl) {
    const { createAdapter } = await import("@socket.io/postgres-adapter");
    const { default: pg } = await import("pg");
    const pool = new pg.Pool({ connectionString: services.config.databaseUrl, max: 2 });
    pool.on("error", (err) => services.log.warn({ err }, "socket adapter pool error"));
    io.adapter(createAdapter(pool, { errorHandler: (err) => services.log.warn({ err }, "socket adapter error") }));
    // The adapter's pool ends once Socket.IO is closed (the adapter publishes until then).
    const close = io.close.bind(io);
    io.close = (fn) =>
      close((err) => {
        void pool.end().catch(() => {});
        fn?.(err);
      });
  }

  io.use(async (socket, next) => {
    try {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      const headers = socket.request.headers;
      const auth = await authenticateRequest(services, {
        authorization: typeof token === "string" && token ? `Bearer ${token}` : undefined,
        cookie: typeof token === "string" && token ? undefined : headers.cookie,
      });
      if (!auth.user) return next(new Error("unauthorized"));
      if (auth.via === "cookie" && !isAppOrigin(headers.origin, services.config.publicOrigin)) {
        return next(new Error("unauthorized"));
      }
      socket.data = { user: auth.user, sessionId: auth.session?.id ?? null } satisfies SocketData;
      next();
    } catch (err) {
      services.log.warn({ err }, "socket handshake failed");
      next(new Error("unauthorized"));
    }
  });

  io.on("connection", (socket: AppSocket) => {
    const { user, sessionId } = socket.data;
    void socket.join(`user:${user.id}`);
    if (sessionId) void socket.join(`session:${sessionId}`);
    socket.on("error", (err) => services.log.warn({ err, userId: user.id }, "socket error"));
  });

  realtime.attach(io);
  return io;
}
