/**
 * The bench's reference server: the bare Remix build behind `@remix-run/express` and nothing else (no logging,
 * security headers, compression, sessions or sockets), as the Remix templates serve it.
 */
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";

const buildDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "build");
const build = (await import(pathToFileURL(path.join(buildDir, "server/index.js")).href)) as ServerBuild;
const app = express();
app.disable("x-powered-by");
app.use("/assets", express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
app.all("*", createRequestHandler({ build, mode: "production" }));
const port = Number(process.env.PORT ?? 3999);
app.listen(port, process.env.HOST ?? "127.0.0.1", () => console.log(`reference on ${port}`));
