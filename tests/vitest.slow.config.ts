import { defineConfig } from "vitest/config";
import { vitestReportConfig } from "../scripts/vitestReportConfig.ts";
import { WEB_APP_ALIASES } from "./webAppAliases.ts";

/**
 * The slow reliability checks: the soak under load, the many-kill crash run
 * and the 100 MiB inputs. They take minutes, so `npm test` leaves them out
 * and `npm run test:slow` runs them, one file at a time.
 */
export default defineConfig({
  resolve: { alias: WEB_APP_ALIASES },
  test: {
    ...vitestReportConfig("slow"),
    include: ["reliability/slow/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 900_000,
    hookTimeout: 900_000,
  },
});
