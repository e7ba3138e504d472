import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { vitestReportConfig } from "../scripts/vitestReportConfig.ts";

const webApp = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../apps/web");

export default defineConfig({
  // Tests import the web app's route handlers and loaders: `@/` is the app's own path alias, and
  // `server-only` throws outside Next's server bundle unless it resolves to its empty module.
  resolve: {
    alias: [
      { find: /^@\//u, replacement: `${webApp}/` },
      { find: /^server-only$/u, replacement: path.join(webApp, "../../node_modules/server-only/empty.js") },
    ],
  },
  test: {
    ...vitestReportConfig("integration"),
    include: ["integration/**/*.test.ts", "bench/**/*.test.ts", "reliability/**/*.test.ts"],
    exclude: ["reliability/slow/**", "**/node_modules/**"],
    globalSetup: ["./support/ingestSamplesOnce.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
