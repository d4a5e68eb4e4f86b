import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestClient, type TestServer } from "../setup/harness";

let server: TestServer;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await server?.stop();
});

function open(options: { token?: string; cookie?: string; origin?: string }): Socket {
  const extraHeaders: Record<string, string> = {};
  if (options.cookie) extraHeaders.cookie = options.cookie;
  if (options.origin) extraHeaders.origin = options.origin;
  const socket = connect(`http://127.0.0.1:${server.port}`, {
    transports: ["websocket"],
    reconnection: false,
    auth: options.token ? { token: options.token } : {},
    extraHeaders,
  });
  sockets.push(socket);
  return socket;
}

const outcome = (socket: Socket) =>
  new Promise<string>((resolve) => {
    socket.once("connect", () => resolve("connected"));
    socket.once("connect_error", (err) => resolve(`error:${err.message}`));
  });

async function tokenFor(client: TestClient) {
  const res = await client.post("/api/v1/tokens", { name: "socket test" });
  return ((await res.json()) as { token: string }).token;
}

describe("Socket.IO handshake", () => {
  it("refuses a stranger with connect_error unauthorized", async () => {
    expect(await outcome(open({}))).toBe("error:unauthorized");
  });

  it("refuses a bad token", async () => {
    expect(await outcome(open({ token: "dcpat_nope" }))).toBe("error:unauthorized");
  });

  it("accepts a personal access token without an Origin", async () => {
    const token = await tokenFor(await server.signedIn("trainer.paris@demo.compass"));
    expect(await outcome(open({ token }))).toBe("connected");
  });

  it("accepts the session cookie from the app's origin only", async () => {
    const client = await server.signedIn("lead@demo.compass");
    const cookie = client.cookieHeader();
    expect(await outcome(open({ cookie, origin: server.config.publicUrl }))).toBe("connected");
    expect(await outcome(open({ cookie }))).toBe("error:unauthorized");
    expect(await outcome(open({ cookie, origin: "https://evil.example" }))).not.toBe("connected");
  });

  it("pushes to a person's sockets and closes them when the session ends", async () => {
    const client = await server.signedIn("host.madrid@demo.compass");
    const socket = open({ cookie: client.cookieHeader(), origin: server.config.publicUrl });
    expect(await outcome(socket)).toBe("connected");
    const me = (await (await client.get("/api/v1/me")).json()) as { user: { id: string } };
    const received = new Promise((resolve) => socket.once("notification:new", resolve));
    server.services.realtime.toUser(me.user.id, "notification:new", { id: "n1", kind: "reply" });
    expect(await received).toEqual({ id: "n1", kind: "reply" });
    const closed = new Promise((resolve) => socket.once("disconnect", resolve));
    await client.post("/api/v1/auth/logout");
    expect(await closed).toBe("io server disconnect");
  });
});
