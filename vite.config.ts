import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [
    remix({
        ignoredRouteFiles: ["**/*.test.{ts,tsx}"],
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
        },
      }),
    tsconfigPaths(),
  ],
  // Server-only packages: the dependency scanner follows route imports into *.server modules.
  optimizeDeps: { exclude: ["@electric-sql/pglite", "@node-rs/argon2", "@zxcvbn-ts/language-common", "pg-boss", "postgres", "nodemailer"] },
  build: { assetsInlineLimit: 0 },
  server: { hmr: { port: 24678 } },
});
