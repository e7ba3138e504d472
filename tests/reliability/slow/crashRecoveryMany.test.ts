import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { chooseCrashInputs } from "../support/crashInputs";
import { expectRecoveredKill } from "../support/expectRecoveredKill";
import { formatKillPoints } from "../support/formatKillPoints";
import { planKillPoints, resolveKillTrigger, STEP_STAGES } from "../support/planKillPoints";
import { prepareCrashScenario, type CrashScenario } from "../support/prepareCrashScenario";
import { runKillPoint, type KillPointResult } from "../support/runKillPoint";

/**
 * Forty-five kill points. Eight come as each step begins, the moment after
 * the rename included. Five come a few milliseconds into the copy of the
 * database and into the fsync and rename that publish it, the two shortest
 * steps. Two come while the process loads its code, before the lock. And 30
 * are spread evenly from 3% to 97% of the time an uninterrupted run took from
 * the lock to its end, landing in whichever step the machine's load puts them.
 */
const KILL_POINTS = [
  ...planKillPoints(
    STEP_STAGES,
    Array.from({ length: 30 }, (_, index) => (index + 1) / 31),
    [
      { stage: "working copy", delayMs: 2 },
      { stage: "working copy", delayMs: 8 },
      { stage: "working copy", delayMs: 20 },
      { stage: "publish", delayMs: 2 },
      { stage: "publish", delayMs: 6 },
    ],
  ),
  { label: "startup 200 ms", afterMs: 200 },
  { label: "startup 800 ms", afterMs: 800 },
];

let folder: string;
let scenario: CrashScenario;
const results: KillPointResult[] = [];

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), "crash-recovery-many-"));
  const inputs = chooseCrashInputs();
  scenario = await prepareCrashScenario(folder, inputs.first, inputs.second);
});

afterAll(() => {
  if (results.length > 0) {
    const counts = new Map<string, number>();
    for (const result of results) {
      const stage = result.killed ? result.stage : "ended first";
      counts.set(stage, (counts.get(stage) ?? 0) + 1);
    }
    const stages = [...counts].map(([stage, count]) => `${stage} ${count}`).join(", ");
    console.log(`uninterrupted run: ${Math.round(scenario.reference.elapsedMs)} ms; kills by step: ${stages}\n${formatKillPoints(results)}`);
  }
  rmSync(folder, { recursive: true, force: true });
});

describe("ingest killed with SIGKILL at 45 points", () => {
  test.each(KILL_POINTS)("recovers from a kill $label", async (point) => {
    const result = await runKillPoint(scenario, point.label, resolveKillTrigger(point, scenario.reference));
    results.push(result);
    if ("stage" in point) expect(result.killed, "a kill on a step line lands before the process ends").toBe(true);
    if ("stage" in point && point.delayMs === undefined) expect(result.stage).toBe(point.stage);
    expectRecoveredKill(result, scenario.reference.code);
  });

  test("lands kills in every step", () => {
    const landed = new Set(results.filter((result) => result.killed).map((result) => result.stage));
    for (const stage of STEP_STAGES) expect(landed, `a kill in ${stage}`).toContain(stage);
  });
});
