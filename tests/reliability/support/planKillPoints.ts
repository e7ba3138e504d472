import type { IngestStage } from "./ingestStage";
import type { KillTrigger } from "./killIngest";
import type { IngestExit } from "./startIngestCli";

/** A named moment to kill an ingest at: when a step's line appears, or at a fraction of an uninterrupted run's duration. */
export type KillPoint = { label: string; stage: Exclude<IngestStage, "startup">; fraction?: never } | { label: string; fraction: number; stage?: never };

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

/** Returns a kill point at the line that starts each of `stages`, then one at each of `fractions` of the run. */
export function planKillPoints(stages: Exclude<IngestStage, "startup">[], fractions: number[]): KillPoint[] {
  return [
    ...stages.map((stage): KillPoint => ({ label: `at ${stage}`, stage })),
    ...fractions.map((fraction): KillPoint => ({ label: `at ${(fraction * 100).toFixed(0)}%`, fraction })),
  ];
}

/**
 * Returns when to kill for `point`. A fraction counts from the uninterrupted
 * run's duration. The machine's load moves where such a kill lands, so tests
 * read the step it landed in from the output rather than assume it.
 */
export function resolveKillTrigger(point: KillPoint, reference: IngestExit): KillTrigger {
  if (point.stage !== undefined) return { atStage: point.stage };
  return { afterMs: Math.round(reference.elapsedMs * point.fraction) };
}
