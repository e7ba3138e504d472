import { PaperRecordSchema, type PaperRecord, type RejectedRecord } from "@alignment-trends/schema";
import type { z } from "zod";

const RAW_LIMIT = 2_000;

/** Returns the value at a path inside `input`, or undefined when the path leads nowhere. */
function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Shows a value in a message: JSON, cut to 60 characters. */
function showValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/**
 * Returns a short description of the first few problems Zod found in `input`,
 * each with its path and, where there is one, the value found there.
 */
export function describeIssues(error: z.ZodError, input?: unknown): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.join(".") : "record";
      const value = input === undefined || issue.path.length === 0 ? undefined : valueAt(input, issue.path);
      return value === undefined ? `${where}: ${issue.message}` : `${where}: ${issue.message}, found ${showValue(value)}`;
    })
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
    detail: describeIssues(result.error, candidate),
    raw: truncateRaw(raw),
  };
}

export function isRejectedRecord(value: PaperRecord | RejectedRecord): value is RejectedRecord {
  return "reason" in value;
}
