import { spawn, spawnSync, execFileSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../db/seed/demo";
import { freePort, freshDatabase } from "../setup/harness";

/** A request on a connection of its own, so that the cluster hands it to the next worker. */
function request(port: number, method: string, pathname: string, headers: Record<string, string> = {}, body?: string) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path: pathname, headers: { ...headers, connection: "close" }, agent: false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
    });
    req.setTimeout(10_000, () => req.destroy(new Error("no answer within 10 s")));
    req.on("error", (err) => reject(new Error(`${method} ${pathname}: ${err.message}`)));
    req.end(body);
  });
}

/** The primary's worker processes (not its other children, such as tsx's esbuild service). */
const workersOf = (pid: number) =>
  execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(pid)], { encoding: "utf8" })
    .split("\n")
    .filter((line) => line.includes("server/index.ts"))
    .map((line) => Number(line.trim().split(" ")[0]));

/** `npm start` on PostgreSQL: one worker per core, sharing the port, with sticky Socket.IO sessions. */
describe.runIf(process.env.DATABASE_URL)("several workers on one port", () => {
  let server: ChildProcess;
  let port: number;
  let drop: () => Promise<void>;
  let output = "";
  let token: string;

  beforeAll(async () => {
    // The workers serve the built pages, as `npm start` does.
    if (!fs.existsSync("build/server/index.js")) expect(spawnSync("npm", ["run", "build"], { stdio: "ignore" }).status).toBe(0);
    const db = await freshDatabase();
    await seedDemo(db.handle.db);
    await db.handle.close();
    drop = db.drop;
    port = await freePort();
    server = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: db.url,
        WEB_CONCURRENCY: "2",
        PORT: String(port),
        HOST: "127.0.0.1",
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "dc-cluster-")),
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    server.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    for (let i = 0; i < 240 && !output.includes("(2 workers)"); i++) await new Promise((r) => setTimeout(r, 250));
    expect(output, output).toContain("(2 workers)");

    const login = await request(port, "POST", "/api/v1/auth/login", { "content-type": "application/json" }, JSON.stringify({ email: "trainer.paris@demo.compass", password: "compass-demo-2026" }));
    expect(login.status, output).toBe(200);
    const cookie = String(login.headers["set-cookie"]?.[0]).split(";")[0];
    const created = await request(port, "POST", "/api/v1/tokens", { "content-type": "application/json", cookie, origin: `http://127.0.0.1:${port}` }, JSON.stringify({ name: "cluster test" }));
    token = (JSON.parse(created.body) as { token: string }).token;
  }, 240_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
    await drop?.();
  });

  it("runs the workers it was asked for, and shuts them down with itself", () => {
    expect(workersOf(server.pid!)).toHaveLength(2);
  });

  it("serves pages, the API and /healthz from whichever worker takes the connection", async () => {
    for (let i = 0; i < 6; i++) {
      expect((await request(port, "GET", "/healthz")).status).toBe(200);
      expect((await request(port, "GET", "/login")).body).toContain('name="password"');
      expect((await request(port, "GET", "/api/v1/me", { authorization: `Bearer ${token}` })).status).toBe(200);
    }
  });

  it("keeps a long-polling session whatever worker each of its requests reaches", async () => {
    const handshake = await request(port, "GET", "/socket.io/?EIO=4&transport=polling");
    expect(handshake.status).toBe(200);
    const sid = (JSON.parse(handshake.body.slice(1)) as { sid: string }).sid;
    const poll = `/socket.io/?EIO=4&transport=polling&sid=${encodeURIComponent(sid)}`;
    const text = { "content-type": "text/plain;charset=UTF-8" };
    expect((await request(port, "POST", poll, text, `40${JSON.stringify({ token })}`)).body).toBe("ok");
    const ack = await request(port, "GET", poll);
    expect(ack.body).toMatch(/^40\{"sid":/);
    // Each request on a new connection: the cluster alternates workers, so about half of these reach the other one.
    for (let i = 0; i < 10; i++) {
      const sent = await request(port, "POST", poll, text, `42${JSON.stringify(["noop", i])}`);
      expect(sent.status, sent.body).toBe(200);
      expect(sent.body).toBe("ok");
    }
  });

  it("upgrades a polling session to WebSocket, whichever worker the upgrade reaches", async () => {
    for (let i = 0; i < 4; i++) {
      const socket = connect(`http://127.0.0.1:${port}`, { transports: ["polling", "websocket"], auth: { token }, reconnection: false, forceNew: true });
      const upgraded = new Promise<void>((resolve) => socket.io.once("open", () => socket.io.engine.once("upgrade", () => resolve())));
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", () => resolve());
        socket.once("connect_error", reject);
      });
      await upgraded;
      expect(socket.io.engine.transport.name).toBe("websocket");
      expect(socket.connected).toBe(true);
      socket.close();
    }
  });

  it("replaces a worker that dies, and keeps answering meanwhile", async () => {
    const [victim] = workersOf(server.pid!);
    process.kill(victim, "SIGKILL");
    // Connections the primary hands out before it learns of the death are lost with the worker, as a crash loses its
    // requests in flight; from then on the other worker takes them all.
    for (let i = 0; i < 80 && !output.includes("a worker stopped"); i++) await new Promise((r) => setTimeout(r, 50));
    for (let i = 0; i < 6; i++) expect((await request(port, "GET", "/healthz")).status).toBe(200);
    const replaced = () => output.includes("a replacement worker is serving");
    for (let i = 0; i < 240 && !replaced(); i++) await new Promise((r) => setTimeout(r, 250));
    expect(replaced(), output.slice(-3000)).toBe(true);
    expect(workersOf(server.pid!)).toHaveLength(2);
    expect(workersOf(server.pid!)).not.toContain(victim);
  }, 90_000);
});
