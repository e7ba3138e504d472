import { defineConfig } from "vitest/config";
import { vitestReportConfig } from "../scripts/vitestReportConfig.ts";

export default defineConfig({
  test: {
    ...vitestReportConfig("integration"),
    include: ["integration/**/*.test.ts", "bench/**/*.test.ts"],
    globalSetup: ["./support/ingestSamplesOnce.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
