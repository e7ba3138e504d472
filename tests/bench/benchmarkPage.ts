import { readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

/** The repository root, where benchmark commands run. */
export const REPOSITORY_ROOT = path.resolve(here, "../..");

const BENCHMARKS_PAGE = path.join(REPOSITORY_ROOT, "docs", "benchmarks.md");

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Describes the machine a benchmark ran on, for the line under its command. */
export function describeMachine(): string {
  return `${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB memory, Node.js ${process.version}`;
}

/**
 * Replaces the section between `<!-- name:start -->` and `<!-- name:end -->`
 * in `docs/benchmarks.md` with `markdown`, or appends the section when the
 * page has none, so each benchmark rewrites only its own figures.
 */
export function writeBenchmarkSection(name: string, markdown: string): void {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  let page: string;
  try {
    page = readFileSync(BENCHMARKS_PAGE, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    page = "# Benchmarks\n\nFigures written by the benchmark scripts; each section names its command.\n";
  }
  const section = `${start}\n${markdown}\n${end}`;
  const from = page.indexOf(start);
  const to = page.indexOf(end);
  page = from !== -1 && to !== -1 ? `${page.slice(0, from)}${section}${page.slice(to + end.length)}` : `${page.trimEnd()}\n\n${section}\n`;
  writeFileSync(BENCHMARKS_PAGE, page);
}
