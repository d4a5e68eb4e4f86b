import path from "node:path";
import { fileURLToPath } from "node:url";
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";

const here = path.dirname(fileURLToPath(import.meta.url));

/** The bench's reference: a bare Remix app (defaults everywhere), built beside the real one. */
export default defineConfig({
  root: here,
  plugins: [
    remix({
      appDirectory: path.join(here, "app"),
      buildDirectory: path.join(here, "build"),
      future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_singleFetch: true },
    }),
  ],
  optimizeDeps: { exclude: ["postgres"] },
  build: { emptyOutDir: true },
  logLevel: "warn",
});
