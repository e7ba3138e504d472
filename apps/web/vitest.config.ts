import { defineConfig } from "vitest/config";
import { vitestReportConfig } from "../../scripts/vitestReportConfig.ts";

export default defineConfig({
  test: {
    ...vitestReportConfig("web"),
  },
});
