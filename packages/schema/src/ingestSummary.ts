import { z } from "zod";
import { DigestFormatSchema } from "./digestFormat";

export const DigestOutcomeSchema = z.object({
  path: z.string(),
  status: z.enum(["loaded", "unchanged", "failed", "skipped"]),
  format: DigestFormatSchema.nullable(),
  parsed: z.number().int(),
  newPapers: z.number().int(),
  updatedPapers: z.number().int(),
  duplicatesInFile: z.number().int(),
  rejected: z.number().int(),
  rejectedByReason: z.record(z.string(), z.number().int()),
  /** How many earlier digests this load replaced: older versions at the same path, or the same content read another way. */
  replaced: z.number().int(),
  error: z.string().nullable(),
});
export type DigestOutcome = z.infer<typeof DigestOutcomeSchema>;

/** The outcome of one ingest run, as the CLI prints it and `--json` writes it. */
export const IngestSummarySchema = z.object({
  database: z.string(),
  files: z.number().int(),
  loaded: z.number().int(),
  unchanged: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
  replaced: z.number().int(),
  parsed: z.number().int(),
  newPapers: z.number().int(),
  updatedPapers: z.number().int(),
  rejected: z.number().int(),
  rejectedByReason: z.record(z.string(), z.number().int()),
  totalPapers: z.number().int(),
  elapsedMs: z.number(),
  /** Milliseconds spent in each step: reading and merging the files, tagging the papers they touched, and rewriting the term index. */
  stepsMs: z.object({ load: z.number(), tag: z.number(), index: z.number() }),
  digests: z.array(DigestOutcomeSchema),
});
export type IngestSummary = z.infer<typeof IngestSummarySchema>;
