import { stageStartedBy, type IngestStage } from "./ingestStage";
import type { KillTrigger } from "./killIngest";
import type { IngestExit } from "./startIngestCli";

/**
 * A named moment to kill an ingest at: when a step's line appears (or
 * `delayMs` after it), at a fraction of the time an uninterrupted run spent
 * from taking the lock to its end, or `afterMs` from the process start.
 */
export type KillPoint =
  | { label: string; stage: Exclude<IngestStage, "startup">; delayMs?: number }
  | { label: string; fraction: number }
  | { label: string; afterMs: number };

/** Every step line of an ingest into an existing database that left nothing behind. */
export const STEP_STAGES: Exclude<IngestStage, "startup" | "cleanup">[] = [
  "working copy",
  "load",
  "tagging",
  "term index",
  "monthly counts",
  "checkpoint",
  "publish",
  "published",
];

/**
 * Returns kill points in three groups. The first kills at the line that
 * starts each of `stages`, the second `delayMs` after a step's line for each
 * of `delays`, the third at each of `fractions` of the time from the lock to
 * the end of the run.
 */
export function planKillPoints(
  stages: Exclude<IngestStage, "startup">[],
  fractions: number[],
  delays: { stage: Exclude<IngestStage, "startup">; delayMs: number }[] = [],
): KillPoint[] {
  return [
    ...stages.map((stage): KillPoint => ({ label: `at ${stage}`, stage })),
    ...delays.map(({ stage, delayMs }): KillPoint => ({ label: `${stage} +${delayMs} ms`, stage, delayMs })),
    ...fractions.map((fraction): KillPoint => ({ label: `at ${(fraction * 100).toFixed(0)}% after lock`, fraction })),
  ];
}

/**
 * Returns when to kill for `point`. A fraction counts from the moment the
 * ingest took the lock, which it reports with the working copy's line, since
 * loading the code before it takes a time that varies with the machine's
 * load. That load still moves where such a kill lands, so tests read the
 * step it landed in from the output rather than assume it.
 */
export function resolveKillTrigger(point: KillPoint, reference: IngestExit): KillTrigger {
  if ("stage" in point) return { atStage: point.stage, delayMs: point.delayMs };
  if ("afterMs" in point) return { afterMs: point.afterMs };
  const lockedAtMs = reference.lines.find((line) => stageStartedBy(line.text) === "working copy")?.atMs;
  if (lockedAtMs === undefined) throw new Error(`The uninterrupted ingest printed no working copy line: ${reference.stderr}`);
  return { atStage: "working copy", delayMs: Math.round((reference.elapsedMs - lockedAtMs) * point.fraction) };
}
