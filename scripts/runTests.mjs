#!/usr/bin/env node
// Runs every test suite in order, keeps going when one fails, and ends with
// one line "N passed, N failed" that adds up all suites. A step that fails
// without writing a test report (type errors, a failed build) counts as one
// failed test, so the line never hides it.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const resultsFolder = path.join(root, "test-results");

const STEPS = [
  { name: "type check", command: "npx turbo run typecheck", reports: [] },
  { name: "unit and integration tests", command: "npx turbo run test --continue", reports: ["vitest-"] },
  { name: "production build", command: "npx turbo run build --filter=@alignment-trends/web", reports: [] },
  { name: "end-to-end tests", command: "npm run test:e2e", reports: ["playwright"] },
];

function readReports(prefix) {
  const totals = { passed: 0, failed: 0, found: false };
  for (const file of readdirSync(resultsFolder).filter((name) => name.startsWith(prefix) && name.endsWith(".json"))) {
    const report = JSON.parse(readFileSync(path.join(resultsFolder, file), "utf8"));
    totals.found = true;
    if (report.stats) {
      // Playwright: a flaky test passed on retry, an unexpected one failed.
      totals.passed += report.stats.expected + report.stats.flaky;
      totals.failed += report.stats.unexpected;
    } else {
      totals.passed += report.numPassedTests;
      totals.failed += report.numFailedTests + (report.numFailedTestSuites ?? 0);
    }
  }
  return totals;
}

rmSync(resultsFolder, { recursive: true, force: true });
mkdirSync(resultsFolder, { recursive: true });

let passed = 0;
let failed = 0;
const skipE2e = process.env.SKIP_E2E === "1";
for (const step of STEPS) {
  if (skipE2e && step.name === "end-to-end tests") continue;
  process.stdout.write(`\n=== ${step.name}: ${step.command}\n`);
  const result = spawnSync(step.command, { cwd: root, stdio: "inherit", shell: true });
  const ok = result.status === 0;
  if (step.reports.length === 0) {
    if (!ok) failed += 1;
    continue;
  }
  let stepFailed = 0;
  for (const prefix of step.reports) {
    const totals = readReports(prefix);
    passed += totals.passed;
    stepFailed += totals.failed;
  }
  // A step that failed while every reported test passed broke outside a test, such as in a setup hook.
  failed += !ok && stepFailed === 0 ? 1 : stepFailed;
}

process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exitCode = failed > 0 ? 1 : 0;
