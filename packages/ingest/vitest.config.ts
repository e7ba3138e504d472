import { defineConfig } from "vitest/config";
import { vitestReportConfig } from "../../scripts/vitestReportConfig.ts";

export default defineConfig({
  test: {
    ...vitestReportConfig("ingest"),
    // A parser property runs hundreds of parses, up to 10 s on a quiet two-core machine, and CI runs every workspace at once.
    testTimeout: 120_000,
  },
});
