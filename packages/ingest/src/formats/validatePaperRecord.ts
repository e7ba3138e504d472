import { PaperRecordSchema, type PaperRecord, type RejectedRecord } from "@alignment-trends/schema";
import type { z } from "zod";

const RAW_LIMIT = 2_000;

/** Returns a short description of the first few problems Zod found, with their paths. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "record"}: ${issue.message}`)
    .join("; ");
}

/** Cuts `raw` to at most 2,000 characters so that one huge record cannot bloat the rejects table. */
export function truncateRaw(raw: string): string {
  return raw.length > RAW_LIMIT ? `${raw.slice(0, RAW_LIMIT)}…` : raw;
}

/**
 * Checks a candidate record against the paper schema. Returns the record, or
 * a reject that keeps the raw source text and names the invalid fields.
 */
export function validatePaperRecord(candidate: PaperRecord, raw: string): PaperRecord | RejectedRecord {
  const result = PaperRecordSchema.safeParse(candidate);
  if (result.success) return result.data;
  return {
    location: candidate.location,
    reason: "invalid field",
    detail: describeIssues(result.error),
    raw: truncateRaw(raw),
  };
}

export function isRejectedRecord(value: PaperRecord | RejectedRecord): value is RejectedRecord {
  return "reason" in value;
}
