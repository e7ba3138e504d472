import type { DigestOutcome } from "@alignment-trends/schema";
import { describe, expect, test } from "vitest";
import { formatFormatTable, summarizeByFormat } from "../../src/cli/formatFormatTable";

function outcome(format: string | null, status: DigestOutcome["status"], counts: Partial<DigestOutcome> = {}): DigestOutcome {
  return {
    path: "x",
    status,
    format,
    parsed: 0,
    newPapers: 0,
    updatedPapers: 0,
    duplicatesInFile: 0,
    rejected: 0,
    rejectedByReason: {},
    replaced: 0,
    error: null,
    ...counts,
  };
}

describe("formatFormatTable", () => {
  const digests = [
    outcome("hf-daily-api", "loaded", { parsed: 29, newPapers: 20, updatedPapers: 9 }),
    outcome("papers-list-csv", "loaded", { parsed: 5518, newPapers: 5027, updatedPapers: 490, duplicatesInFile: 1 }),
    outcome("hf-daily-api", "loaded", { parsed: 10, newPapers: 10, rejected: 2 }),
    outcome(null, "failed", { rejected: 1 }),
    outcome(null, "skipped"),
    outcome(null, "unchanged"),
  ];

  test("sums loaded and failed files by format", () => {
    expect(summarizeByFormat(digests)).toEqual([
      { format: "hf-daily-api", files: 2, parsed: 39, new: 30, merged: 9, repeated: 0, rejected: 2 },
      { format: "papers-list-csv", files: 1, parsed: 5518, new: 5027, merged: 490, repeated: 1, rejected: 0 },
      { format: "(unknown)", files: 1, parsed: 0, new: 0, merged: 0, repeated: 0, rejected: 1 },
    ]);
  });

  test("aligns the columns", () => {
    expect(formatFormatTable(digests)).toEqual([
      "  format           files  parsed   new  merged  repeated  rejected",
      "  hf-daily-api         2      39    30       9         0         2",
      "  papers-list-csv      1    5518  5027     490         1         0",
      "  (unknown)            1       0     0       0         0         1",
    ]);
  });
});
