import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import type { IngestStage } from "./ingestStage";
import { killIngest, type KillTrigger } from "./killIngest";
import type { CrashScenario } from "./prepareCrashScenario";
import { snapshotDatabase } from "./snapshotDatabase";
import { runIngestCli } from "./startIngestCli";

/**
 * What the database held after a kill: exactly its content before the
 * ingest, the content of the finished ingest (the kill came after the
 * rename), or something else, which is a bug.
 */
export type ContentAfterKill = "before" | "complete" | "other";

/** One kill point's observations, for the test to assert and to print. */
export interface KillPointResult {
  label: string;
  killed: boolean;
  killedAtMs: number | null;
  stage: IngestStage;
  pid: number;
  lockHolderPid: number | null;
  workingCopyBytes: number | null;
  content: ContentAfterKill;
  /** Files beside the database after the kill: a lock, a working copy, its log and spill folder. */
  leftAfterKill: string[];
  recoveryCode: number | null;
  recoveryMs: number;
  recoveryContentMatches: boolean;
  /** Files beside the database after the following ingest, which should be none. */
  leftAfterRecovery: string[];
  /** The line where the following ingest reported deleting what the killed one left, if it printed one. */
  cleanupLine: string | null;
}

/**
 * Copies the scenario's base database into a folder of its own, runs the
 * second ingest and kills it at `trigger`, compares what the database then
 * holds, and runs the same ingest again to its end.
 */
export async function runKillPoint(scenario: CrashScenario, label: string, trigger: KillTrigger): Promise<KillPointResult> {
  const databasePath = path.join(scenario.folder, label.replaceAll(/[^a-z0-9]+/giu, "-"), "trends.duckdb");
  mkdirSync(path.dirname(databasePath), { recursive: true });
  copyFileSync(scenario.baseDatabase, databasePath);
  const listLeftovers = () => readdirSync(path.dirname(databasePath)).filter((name) => name !== "trends.duckdb").sort();

  const kill = await killIngest(scenario.secondIngestArgs(databasePath), databasePath, trigger);
  const content = await classifyContent(scenario, databasePath);
  const leftAfterKill = listLeftovers();

  const recovery = await runIngestCli(scenario.secondIngestArgs(databasePath));
  const recovered = await snapshotDatabase(databasePath, { stableOnly: true });
  return {
    label,
    killed: kill.killed,
    killedAtMs: kill.killedAtMs,
    stage: kill.stage,
    pid: kill.pid,
    lockHolderPid: kill.lockHolderPid,
    workingCopyBytes: kill.workingCopyBytes,
    content,
    leftAfterKill,
    recoveryCode: recovery.code,
    recoveryMs: recovery.elapsedMs,
    recoveryContentMatches: isDeepStrictEqual(recovered, scenario.expected),
    leftAfterRecovery: listLeftovers(),
    cleanupLine: recovery.lines.map((line) => line.text).find((text) => text.startsWith("removed ")) ?? null,
  };
}

async function classifyContent(scenario: CrashScenario, databasePath: string): Promise<ContentAfterKill> {
  if (isDeepStrictEqual(await snapshotDatabase(databasePath, { stableOnly: false }), scenario.before)) return "before";
  if (isDeepStrictEqual(await snapshotDatabase(databasePath, { stableOnly: true }), scenario.expected)) return "complete";
  return "other";
}
