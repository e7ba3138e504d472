import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const onCi = Boolean(process.env.CI);
/** The port of the server without a database; the tests read it from `MISSING_DATABASE_URL`. */
const MISSING_DATABASE_PORT = PORT + 1;
process.env.MISSING_DATABASE_URL = `http://127.0.0.1:${MISSING_DATABASE_PORT}`;
/** The port of the server that `e2e/replacedDatabase.spec.ts` starts itself, on a database that the spec ingests into. */
process.env.REPLACED_DATABASE_PORT = String(PORT + 2);
/** The port of the server that `e2e/ingestUnderLoad.spec.ts` starts itself and loads while it ingests. */
process.env.INGEST_LOAD_PORT = String(PORT + 3);
/** The port of the server that `e2e/hostileText.spec.ts` starts itself, on a database of papers whose text is HTML and script. */
process.env.HOSTILE_TEXT_PORT = String(PORT + 4);

/*
 * The end-to-end tests run Debian's Chromium against the production build,
 * serving a database ingested from the bundled samples at start-up.
 */
export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: onCi,
  retries: onCi ? 1 : 0,
  reporter: [["list"], ["json", { outputFile: "../test-results/playwright.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    reducedMotion: "reduce",
    trace: "retain-on-failure",
    acceptDownloads: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: [
    {
      command: [
        "cd ..",
        "mkdir -p tests/.tmp",
        "rm -f tests/.tmp/e2e.duckdb",
        "npm run ingest --silent -- data/samples --db tests/.tmp/e2e.duckdb --json > tests/.tmp/e2e-ingest.json",
        `PORT=${PORT} TRENDS_DB=tests/.tmp/e2e.duckdb npm start`,
      ].join(" && "),
      url: `http://127.0.0.1:${PORT}/api/v1/papers?limit=1`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
    // A second server on a database file that does not exist, as a reader finds it before any ingest.
    {
      command: `cd .. && rm -f tests/.tmp/missing.duckdb && PORT=${MISSING_DATABASE_PORT} TRENDS_DB=tests/.tmp/missing.duckdb npm start`,
      port: MISSING_DATABASE_PORT,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
