import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/**", "tests/bench/reference/build/**", "node_modules/**", ".data/**", ".data-e2e/**", ".data-e2e-probe/**", "test-results/**", "playwright-report/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": ["error", { allow: ["warn", "error", "log", "table"] }],
    },
  },
  // The HTTP process depends on the domain, never the other way round; domain modules do not know the UI either.
  {
    files: ["app/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["../**/server/*", "../**/server", "~/../server/*"], message: "app/ must not import the HTTP process (server/): put shared types in app/modules/platform/services.ts." }] }],
    },
  },
  {
    files: ["app/modules/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["../**/server/*", "../**/server", "~/../server/*"], message: "app/ must not import the HTTP process (server/): put shared types in app/modules/platform/services.ts." },
            { group: ["~/components/*", "**/components/*", "~/routes/*", "**/routes/*"], message: "domain modules must not import UI components or routes." },
          ],
        },
      ],
    },
  },
  // Playwright fixtures call their continuation `use`, which is not a React hook.
  { files: ["tests/e2e/**"], rules: { "react-hooks/rules-of-hooks": "off" } },
);
