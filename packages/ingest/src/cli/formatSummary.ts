import path from "node:path";
import type { IngestSummary } from "@alignment-trends/schema";
import { formatFormatTable } from "./formatFormatTable";

function displayPath(file: string): string {
  const relative = path.relative(process.env.INIT_CWD ?? process.cwd(), file);
  return relative.startsWith("..") ? file : relative;
}

/** Formats the end-of-run summary that the CLI prints on a terminal. */
export function formatSummary(summary: IngestSummary): string {
  const lines = [
    `Processed ${summary.files} file${summary.files === 1 ? "" : "s"} for ${displayPath(summary.database)} in ${(summary.elapsedMs / 1000).toFixed(1)} s`,
    `  files: ${summary.loaded} loaded, ${summary.unchanged} unchanged, ${summary.skipped} skipped (no known format), ${summary.failed} failed`,
    `  papers parsed: ${summary.parsed} (${summary.newPapers} new, ${summary.updatedPapers} merged into known papers)`,
    `  rejected records: ${summary.rejected}`,
  ];
  const table = formatFormatTable(summary.digests);
  if (table.length > 0) lines.push("", ...table, "");
  for (const [reason, count] of Object.entries(summary.rejectedByReason)) lines.push(`    ${count} ${reason}`);
  for (const digest of summary.digests.filter((outcome) => outcome.status === "failed")) {
    lines.push(`  failed: ${digest.error ?? displayPath(digest.path)}`);
  }
  for (const digest of summary.digests.filter((outcome) => outcome.status === "skipped")) {
    lines.push(`  skipped: ${displayPath(digest.path)}`);
  }
  if (summary.rejected > 0) lines.push("  Rejected records are stored; list them with: npm run ingest -- --rejects");
  lines.push(`  the database holds ${summary.totalPapers} papers`);
  return lines.join("\n");
}
