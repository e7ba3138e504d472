import { defineConfig } from "vitest/config";
import { vitestReportConfig } from "../../scripts/vitestReportConfig";

export default defineConfig({
  test: {
    ...vitestReportConfig("analytics"),
  },
});
