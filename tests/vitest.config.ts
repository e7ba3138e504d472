import { defineConfig } from "vitest/config";
import { vitestReportConfig } from "../scripts/vitestReportConfig.ts";
import { WEB_APP_ALIASES } from "./webAppAliases.ts";

export default defineConfig({
  resolve: { alias: WEB_APP_ALIASES },
  test: {
    ...vitestReportConfig("integration"),
    include: ["integration/**/*.test.ts", "bench/**/*.test.ts", "reliability/**/*.test.ts"],
    exclude: ["reliability/slow/**", "**/node_modules/**"],
    globalSetup: ["./support/ingestSamplesOnce.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
