import path from "node:path";
import type { IngestSummary } from "@alignment-trends/schema";
import { formatFormatTable } from "./formatFormatTable";

function displayPath(file: string): string {
  const relative = path.relative(process.env.INIT_CWD ?? process.cwd(), file);
  return relative.startsWith("..") ? file : relative;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(1)} s`;

/**
 * Formats the end-of-run summary that the CLI prints on a terminal.
 * `databaseOption` is the `--db` path to repeat in hints, or null for the default database.
 */
export function formatSummary(summary: IngestSummary, databaseOption: string | null = null): string {
  const lines = [
    `Processed ${plural(summary.files, "file")} for ${displayPath(summary.database)} in ${(summary.elapsedMs / 1000).toFixed(1)} s ` +
      `(reading and merging ${seconds(summary.stepsMs.load)}, tagging ${seconds(summary.stepsMs.tag)}, term index ${seconds(summary.stepsMs.index)})`,
    `  files: ${summary.loaded} loaded, ${summary.unchanged} unchanged, ${summary.skipped} skipped (no known format), ${summary.failed} failed` +
      (summary.replaced > 0 ? `; ${plural(summary.replaced, "earlier load")} replaced` : ""),
    `  papers parsed: ${summary.parsed} (${summary.newPapers} new, ${summary.updatedPapers} merged into known papers)`,
    `  rejected records: ${summary.rejected}` + (summary.failed > 0 ? ` (including ${plural(summary.failed, "unreadable file")})` : ""),
  ];
  const table = formatFormatTable(summary.digests);
  if (table.length > 0) lines.push("", ...table, "");
  for (const [reason, count] of Object.entries(summary.rejectedByReason)) lines.push(`    ${count} ${reason}`);
  for (const digest of summary.digests.filter((outcome) => outcome.status === "failed")) {
    lines.push(`  failed: ${digest.error ?? displayPath(digest.path)}`);
  }
  for (const digest of summary.digests.filter((outcome) => outcome.status === "skipped")) {
    lines.push(`  skipped: ${displayPath(digest.path)} (no known format; name the file itself, or pass --format, to read it anyway)`);
  }
  if (summary.rejected > 0) {
    const database = databaseOption ? ` --db ${displayPath(databaseOption)}` : "";
    lines.push(`  Rejected records are stored; list them with: npm run ingest -- --rejects${database}`);
  }
  lines.push(`  the database holds ${plural(summary.totalPapers, "paper")}`);
  return lines.join("\n");
}
