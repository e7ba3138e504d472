import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { stageAfter, stageStartedBy, type IngestStage } from "./ingestStage";
import { startIngestCli, type IngestExit } from "./startIngestCli";

/**
 * When to kill: a number of milliseconds after the process starts, or when
 * it prints the line that starts a step, at once or `delayMs` later.
 */
export type KillTrigger = { afterMs: number } | { atStage: Exclude<IngestStage, "startup">; delayMs?: number };

/** What a kill did: whether it landed before the process ended, when, in which step, and who held the lock then. */
export interface KillResult {
  killed: boolean;
  killedAtMs: number | null;
  stage: IngestStage;
  pid: number;
  /** The process id in the lock file at the moment of the kill, or null when there was no lock yet. */
  lockHolderPid: number | null;
  /** The size of the process's working copy at the moment of the kill, or null when it had none. */
  workingCopyBytes: number | null;
  exit: IngestExit;
}

/** Runs the ingest CLI with `args` and sends it SIGKILL at `trigger`, unless it has ended by then. */
export async function killIngest(args: string[], databasePath: string, trigger: KillTrigger): Promise<KillResult> {
  const ingest = startIngestCli(args);
  const pid = ingest.child.pid!;
  let killedAtMs: number | null = null;
  let lockHolderPid: number | null = null;
  let workingCopyBytes: number | null = null;
  const workingPath = path.join(path.dirname(databasePath), `.${path.basename(databasePath)}.ingest-${pid}`);
  const kill = () => {
    if (killedAtMs !== null || ingest.child.exitCode !== null) return;
    lockHolderPid = readLockHolderPid(`${databasePath}.lock`);
    workingCopyBytes = statSync(workingPath, { throwIfNoEntry: false })?.size ?? null;
    ingest.child.kill("SIGKILL");
    killedAtMs = performance.now() - ingest.startedAt;
  };

  let timer: NodeJS.Timeout | undefined;
  if ("afterMs" in trigger) timer = setTimeout(kill, trigger.afterMs);
  else {
    const { atStage, delayMs } = trigger;
    ingest.onLine((line) => {
      if (stageStartedBy(line) !== atStage) return;
      if (delayMs === undefined) kill();
      else timer = setTimeout(kill, delayMs);
    });
  }
  const exit = await ingest.exited;
  clearTimeout(timer);

  return {
    killed: exit.signal === "SIGKILL",
    killedAtMs,
    stage: stageAfter(exit.lines.map((line) => line.text)),
    pid,
    lockHolderPid,
    workingCopyBytes,
    exit,
  };
}

function readLockHolderPid(lockPath: string): number | null {
  try {
    return (JSON.parse(readFileSync(lockPath, "utf8")) as { pid: number }).pid;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
