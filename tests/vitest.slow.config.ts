import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { vitestReportConfig } from "../scripts/vitestReportConfig.ts";

const webApp = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../apps/web");

/**
 * The slow reliability checks: the soak under load and the many-kill crash
 * run. They take minutes, so `npm test` leaves them out and
 * `npm run test:slow` runs them, one file at a time.
 */
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//u, replacement: `${webApp}/` },
      { find: /^server-only$/u, replacement: path.join(webApp, "../../node_modules/server-only/empty.js") },
    ],
  },
  test: {
    ...vitestReportConfig("slow"),
    include: ["reliability/slow/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 900_000,
    hookTimeout: 900_000,
  },
});
