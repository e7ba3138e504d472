import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { parsePythonLiteral } from "@alignment-trends/ingest";
import { API_DAYS, SEED_PAGE } from "./paths";

/** What a test needs to know of one paper, read straight from a sample file without the ingest. */
export interface SourcePaper {
  key: string;
  /** The date a trend counts the paper under: its listing day for API papers, its page date otherwise. */
  trendDate: string;
  authors: number;
  upvotes: number;
  hasCode: boolean;
}

const CODE_LINK = /github\.com\/[A-Za-z0-9-]+\/[A-Za-z0-9._-]+|gitlab\.com\/[\w.-]+\/[\w.-]+|anonymous\.4open\.science\/r\/[\w.-]+/u;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

interface ApiEntry {
  paper: { id: string; authors: unknown[]; upvotes: number; summary: string; githubRepo?: string | null; submittedOnDailyAt?: string };
}

/** Reads the API sample files with `JSON.parse` and a Python literal reader only. */
export function readApiPapers(): SourcePaper[] {
  const papers: SourcePaper[] = [];
  for (const file of readdirSync(API_DAYS).sort()) {
    const json = JSON.parse(gunzipSync(readFileSync(path.join(API_DAYS, file))).toString("utf8")) as unknown;
    const items = (Array.isArray(json) ? json : (json as { data: unknown[] }).data) as unknown[];
    for (const item of items) {
      const entry = (typeof item === "string" ? parsePythonLiteral(item) : item) as unknown as ApiEntry;
      papers.push({
        key: entry.paper.id,
        trendDate: file.slice(0, 10),
        authors: entry.paper.authors.length,
        upvotes: entry.paper.upvotes,
        hasCode: Boolean(entry.paper.githubRepo) || CODE_LINK.test(entry.paper.summary),
      });
    }
  }
  return papers;
}

/**
 * Reads the seed page with three regular expressions: the author line, the
 * date line two lines below it, and the title four lines above it. Dates
 * without a year are in 2025, the year the page was captured.
 */
export function readSeedPapers(): SourcePaper[] {
  const lines = readFileSync(SEED_PAGE, "utf8").split("\n");
  const papers: SourcePaper[] = [];
  lines.forEach((line, index) => {
    const authors = /^\s*•\s*(\d+) authors?$/u.exec(line);
    if (!authors) return;
    const date = /^(\w{3}) (\d{1,2})(?:, (\d{4}))?(?: (\d+))?$/u.exec(lines[index + 2]!)!;
    const month = String(MONTHS.indexOf(date[1]!) + 1).padStart(2, "0");
    papers.push({
      key: lines[index - 4]!,
      trendDate: `${date[3] ?? "2025"}-${month}-${date[2]!.padStart(2, "0")}`,
      authors: Number(authors[1]),
      upvotes: Number(date[4] ?? 0),
      hasCode: CODE_LINK.test(lines[index - 2]!),
    });
  });
  return papers;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
