/**
 * The steps of an ingest in order, each with the `--verbose` line that starts
 * it. A step lasts until the next step's line.
 */
const STAGES: { stage: IngestStage; line: RegExp }[] = [
  { stage: "cleanup", line: /^removed .* left by an ingest that was killed$/u },
  { stage: "working copy", line: /^creating the working copy of / },
  { stage: "load", line: /^opened the working copy / },
  { stage: "tagging", line: /^tagging the new and changed papers$/u },
  { stage: "term index", line: /^tagged \d+ papers?; rebuilding their term index$/u },
  { stage: "monthly counts", line: /^updating the monthly term counts$/u },
  { stage: "checkpoint", line: /^checkpointing the working copy / },
  { stage: "publish", line: /^publishing: renaming / },
  { stage: "published", line: /^published / },
];

/** A step of an ingest; "startup" is everything before the lock: loading code, the taxonomy and the file list. */
export type IngestStage =
  | "startup"
  | "cleanup"
  | "working copy"
  | "load"
  | "tagging"
  | "term index"
  | "monthly counts"
  | "checkpoint"
  | "publish"
  | "published";

/** Returns the step a line starts, or null for any other line (a file's outcome, a batch). */
export function stageStartedBy(line: string): IngestStage | null {
  return STAGES.find((entry) => entry.line.test(line))?.stage ?? null;
}

/** Returns the step the ingest was in after printing `lines`: the one the last step line started. */
export function stageAfter(lines: string[]): IngestStage {
  let stage: IngestStage = "startup";
  for (const line of lines) stage = stageStartedBy(line) ?? stage;
  return stage;
}

/** Returns the line that starts `stage`, as a pattern to wait for. */
export function lineStarting(stage: Exclude<IngestStage, "startup">): RegExp {
  return STAGES.find((entry) => entry.stage === stage)!.line;
}
