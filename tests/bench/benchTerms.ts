/**
 * Measures term comparisons and emerging terms on a database of real digests
 * and writes the figures to `docs/benchmarks.md`. A comparison of five terms
 * through the term index is timed against the same comparison by a scan of
 * every title and abstract, and against counting the papers per month
 * alone, the floor of any comparison. Each figure is the median of several
 * runs in one process. Usage: tsx benchTerms.ts [--runs N] [folder]
 */
import { statSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { compareSeries, findEmergingTerms, getTopicTrends, readRow, TrendsDatabase } from "@alignment-trends/analytics";
import { TrendFilterSchema, type SeriesSpec } from "@alignment-trends/schema";
import type { DuckDBConnection } from "@duckdb/node-api";
import { ingestDigests } from "@alignment-trends/ingest";
import { describeMachine, median, REPOSITORY_ROOT, writeBenchmarkSection } from "./benchmarkPage";

const SPECS: SeriesSpec[] = [
  { kind: "term", term: "DPO | direct preference optimization" },
  { kind: "term", term: "reward model" },
  { kind: "term", term: "jailbreak" },
  { kind: "term", term: "chain of thought" },
  { kind: "term", term: "GPT-4o" },
];

async function timeRuns(runs: number, work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return median(times);
}

async function measure(connection: DuckDBConnection, runs: number) {
  const all = TrendFilterSchema.parse({});
  const reference = await timeRuns(runs, () => getTopicTrends(connection, all, "month"));
  const indexed = await timeRuns(runs, () => compareSeries(connection, all, "month", SPECS));
  const scanned = await timeRuns(runs, () => compareSeries(connection, all, "month", SPECS, { scanText: true }));
  const emerging = await timeRuns(runs, () => findEmergingTerms(connection, all, { windowMonths: 3, minPapers: 5, limit: 30 }));
  const counts = await readRow(connection, {
    sql: "SELECT (SELECT count(*) FROM paper_terms)::INTEGER AS pairs, (SELECT count(DISTINCT term) FROM paper_terms)::INTEGER AS terms, (SELECT count(*) FROM papers)::INTEGER AS papers",
  });
  return { reference, indexed, scanned, emerging, pairs: Number(counts.pairs), terms: Number(counts.terms), papers: Number(counts.papers) };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { runs: { type: "string", default: "7" } }, allowPositionals: true });
  const runs = Number(values.runs);
  const folder = path.resolve(REPOSITORY_ROOT, positionals[0] ?? "../shared/data/real");
  const scratch = mkdtempSync(path.join(tmpdir(), "bench-terms-"));
  const databasePath = path.join(scratch, "bench.duckdb");
  try {
    await ingestDigests({ inputs: [folder], databasePath });
    const database = new TrendsDatabase(databasePath);
    const figures = await database.withConnection((connection) => measure(connection, runs));
    database.close();

    const milliseconds = (value: number) => `${value.toFixed(0)} ms`;
    const markdown = [
      "## Term comparisons and emerging terms",
      "",
      `Command: \`npm run bench:terms -- --runs ${runs} ${path.relative(REPOSITORY_ROOT, folder)}\`, run on ${new Date().toISOString().slice(0, 10)}.`,
      `Machine: ${describeMachine()}.`,
      `Each time is the median of ${runs} runs in one process after one warm-up run, over all ${figures.papers} papers by month.`,
      `The comparison holds five terms: ${SPECS.map((spec) => (spec.kind === "term" ? `\`${spec.term}\`` : spec.topic)).join(", ")}.`,
      "The reference counts the papers per month and topic, the work every chart does.",
      "",
      "| measure | value |",
      "| --- | --- |",
      `| (term, paper) pairs in the index | ${figures.pairs} (${figures.terms} distinct terms) |`,
      `| database file size | ${(statSync(databasePath).size / 2 ** 20).toFixed(0)} MiB |`,
      `| reference: papers per month and topic | ${milliseconds(figures.reference)} |`,
      `| comparison through the term index | ${milliseconds(figures.indexed)} |`,
      `| the same comparison by scanning titles and abstracts | ${milliseconds(figures.scanned)} |`,
      `| scan time / index time | ${(figures.scanned / figures.indexed).toFixed(1)} |`,
      `| index time / reference time | ${(figures.indexed / figures.reference).toFixed(1)} |`,
      `| emerging terms, 3-month windows | ${milliseconds(figures.emerging)} |`,
    ].join("\n");
    writeBenchmarkSection("terms-benchmark", markdown);
    process.stdout.write(`${markdown}\n`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
