import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../setup/harness";

/** Two instances on one PostgreSQL: what one instance pushes reaches sockets held by the other. */
describe.runIf(process.env.DATABASE_URL)("two instances on one database", () => {
  let a: TestServer;
  let b: TestServer;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    a = await startTestServer();
    b = await startTestServer({ sameDatabaseAs: a });
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await b?.stop();
    await a?.stop();
  });

  it("shares sessions: signed in on one, known on the other", async () => {
    const client = await a.signedIn("trainer.paris@demo.compass");
    const res = await b.client().get("/api/v1/me", { cookie: client.cookieHeader() });
    expect(res.status).toBe(200);
  });

  it("delivers a push from instance A to a socket connected to instance B", async () => {
    const client = await a.signedIn("lead@demo.compass");
    const me = (await (await client.get("/api/v1/me")).json()) as { user: { id: string } };
    const socket = connect(`http://127.0.0.1:${b.port}`, {
      transports: ["websocket"],
      reconnection: false,
      extraHeaders: { cookie: client.cookieHeader(), origin: b.config.publicUrl },
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    const received = new Promise((resolve) => socket.once("notification:new", resolve));
    // The adapter subscribes asynchronously; push until the first delivery.
    const timer = setInterval(() => a.services.realtime.toUser(me.user.id, "notification:new", { id: "x1" }), 200);
    try {
      expect(await received).toEqual({ id: "x1" });
    } finally {
      clearInterval(timer);
    }
  });

  it("shares sign-in throttling across instances", async () => {
    for (let i = 0; i < 5; i++) await a.client().post("/api/v1/auth/login", { email: "host.madrid@demo.compass", password: "wrong password!" });
    for (let i = 0; i < 5; i++) await b.client().post("/api/v1/auth/login", { email: "host.madrid@demo.compass", password: "wrong password!" });
    const res = await a.client().post("/api/v1/auth/login", { email: "host.madrid@demo.compass", password: "compass-demo-2026" });
    expect(res.status).toBe(429);
  });
});
