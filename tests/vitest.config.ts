import path from "node:path";
import { defineConfig } from "vitest/config";
import { vitestReportConfig } from "../scripts/vitestReportConfig.ts";

const repositoryRoot = path.resolve(import.meta.dirname, "..");

export default defineConfig({
  // The API measurement imports the web app's route modules, which resolve these as Next.js does on the server.
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${path.join(repositoryRoot, "apps", "web")}/` },
      { find: /^server-only$/, replacement: path.join(repositoryRoot, "node_modules", "server-only", "empty.js") },
    ],
  },
  test: {
    ...vitestReportConfig("integration"),
    include: ["integration/**/*.test.ts", "bench/**/*.test.ts"],
    globalSetup: ["./support/ingestSamplesOnce.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
