import type { DigestOutcome } from "@alignment-trends/schema";

const COLUMNS = ["format", "files", "parsed", "new", "merged", "repeated", "rejected"] as const;

/** One row of the per-format table: the loaded files of a format and their record counts. */
interface FormatRow {
  format: string;
  files: number;
  parsed: number;
  new: number;
  merged: number;
  repeated: number;
  rejected: number;
}

/** Sums the outcomes of loaded and failed files by format, in the order formats first appear. */
export function summarizeByFormat(digests: DigestOutcome[]): FormatRow[] {
  const rows = new Map<string, FormatRow>();
  for (const digest of digests) {
    if (digest.status !== "loaded" && digest.status !== "failed") continue;
    const format = digest.format ?? "(unknown)";
    const row = rows.get(format) ?? { format, files: 0, parsed: 0, new: 0, merged: 0, repeated: 0, rejected: 0 };
    row.files += 1;
    row.parsed += digest.parsed;
    row.new += digest.newPapers;
    row.merged += digest.updatedPapers;
    row.repeated += digest.duplicatesInFile;
    row.rejected += digest.rejected;
    rows.set(format, row);
  }
  return [...rows.values()];
}

/**
 * Formats the per-format table of a run: `new` papers were not in the
 * database, `merged` records joined a paper already known from another digest,
 * `repeated` records repeated a paper within the same file.
 */
export function formatFormatTable(digests: DigestOutcome[]): string[] {
  const rows = summarizeByFormat(digests);
  if (rows.length === 0) return [];
  const cells = [
    [...COLUMNS],
    ...rows.map((row) => COLUMNS.map((column) => String(row[column]))),
  ];
  const widths = COLUMNS.map((_, index) => Math.max(...cells.map((row) => row[index]!.length)));
  return cells.map((row) => `  ${row.map((cell, index) => (index === 0 ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!))).join("  ")}`);
}
