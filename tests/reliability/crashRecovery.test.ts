import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { chooseCrashInputs } from "./support/crashInputs";
import { expectRecoveredKill } from "./support/expectRecoveredKill";
import { formatKillPoints } from "./support/formatKillPoints";
import { planKillPoints, resolveKillTrigger } from "./support/planKillPoints";
import { prepareCrashScenario, type CrashScenario } from "./support/prepareCrashScenario";
import { runKillPoint, type KillPointResult } from "./support/runKillPoint";

/**
 * Eight kill points: one as each step from the working copy to the rename
 * begins, and one half-way from the lock to the end of an uninterrupted run. The many-kill
 * variant in `slow/` spreads forty over the run.
 */
const KILL_POINTS = planKillPoints(["working copy", "load", "tagging", "term index", "monthly counts", "checkpoint", "publish"], [0.5]);

let folder: string;
let scenario: CrashScenario;
const results: KillPointResult[] = [];

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), "crash-recovery-"));
  const inputs = chooseCrashInputs();
  scenario = await prepareCrashScenario(folder, inputs.first, inputs.second);
});

afterAll(() => {
  if (results.length > 0) console.log(`uninterrupted run: ${Math.round(scenario.reference.elapsedMs)} ms\n${formatKillPoints(results)}`);
  rmSync(folder, { recursive: true, force: true });
});

describe("ingest killed with SIGKILL", () => {
  test("base database is not empty", () => {
    expect(scenario.before.tables.papers!.rows).toBeGreaterThan(0);
    expect(scenario.expected.tables.papers!.rows).toBeGreaterThan(scenario.before.tables.papers!.rows);
  });

  test.each(KILL_POINTS)("recovers from a kill $label", async (point) => {
    const result = await runKillPoint(scenario, point.label, resolveKillTrigger(point, scenario.reference));
    results.push(result);
    if ("stage" in point) expect(result.killed, "a kill on a step line lands before the process ends").toBe(true);
    if ("stage" in point) expect(result.stage).toBe(point.stage);
    expectRecoveredKill(result, scenario.reference.code);
  });
});
