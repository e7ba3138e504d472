/**
 * Measures the Parquet export of a database of real digests and of the same
 * database scaled to about a million papers, and writes the figures to
 * `docs/benchmarks.md`. The scaled copy repeats every paper with its
 * sightings and tags under new ids, each copy dated 0 to 7 whole years
 * earlier, so the months have more papers and the date span grows by seven
 * years. With `--memory-limit`, the scaled database is exported a second
 * time under that DuckDB memory limit. Each figure is the median of several
 * runs in fresh processes.
 * Usage: tsx benchExport.ts [--runs N] [--copies N] [--memory-limit SIZE] [folder]
 */
import { copyFileSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { DuckDBInstance } from "@duckdb/node-api";
import { ingestDigests } from "@alignment-trends/ingest";
import { describeMachine, median, REPOSITORY_ROOT, writeBenchmarkSection } from "./benchmarkPage";
import { runInFreshProcess, type ProcessFigures } from "./runInFreshProcess";

const here = path.dirname(fileURLToPath(import.meta.url));

type RunFigures = ProcessFigures & { bytes: number; rows: number; files: number; papers: number };

/** The id suffix of copy `k`; the original rows are copy 0 and keep their ids. */
const SUFFIX = "'~' || k";
const shifted = (column: string) => `CAST(${column} - INTERVAL (k % 8) YEAR AS DATE)`;

/** Statements that add copies 1 to $copies - 1 of every paper, with its sightings and tags, to a database. */
const SCALE_STATEMENTS = [
  `INSERT INTO papers SELECT * EXCLUDE (k) REPLACE (
     paper_id || ${SUFFIX} AS paper_id, arxiv_id || ${SUFFIX} AS arxiv_id,
     ${shifted("published_on")} AS published_on, ${shifted("first_listed_on")} AS first_listed_on)
   FROM papers, range(1, $copies) copies(k)`,
  `INSERT INTO sightings SELECT * EXCLUDE (k) REPLACE (
     paper_id || ${SUFFIX} AS paper_id, arxiv_id || ${SUFFIX} AS arxiv_id,
     ${shifted("published_on")} AS published_on, ${shifted("listed_on")} AS listed_on, ${shifted("seen_on")} AS seen_on)
   FROM sightings, range(1, $copies) copies(k)`,
  `INSERT INTO paper_topics SELECT * EXCLUDE (k) REPLACE (paper_id || ${SUFFIX} AS paper_id) FROM paper_topics, range(1, $copies) copies(k)`,
  `INSERT INTO paper_scopes SELECT * EXCLUDE (k) REPLACE (paper_id || ${SUFFIX} AS paper_id) FROM paper_scopes, range(1, $copies) copies(k)`,
  "CHECKPOINT",
];

/** Writes a copy of `source` to `target` with `copies` copies of every paper. */
async function scaleDatabase(source: string, target: string, copies: number): Promise<void> {
  copyFileSync(source, target);
  const instance = await DuckDBInstance.create(target);
  const connection = await instance.connect();
  try {
    for (const statement of SCALE_STATEMENTS) await connection.run(statement, statement === "CHECKPOINT" ? undefined : { copies });
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function exportOnce(databasePath: string, scratch: string, memoryLimit: string | null): RunFigures {
  const output = path.join(scratch, "dataset");
  try {
    return runInFreshProcess(path.join(here, "exportOnce.ts"), [databasePath, output, ...(memoryLimit ? [memoryLimit] : [])]) as RunFigures;
  } finally {
    rmSync(output, { recursive: true, force: true });
  }
}

/** Returns the table rows of one database's figures; a repeat of a database already measured gets only time and memory. */
function measure(label: string, databasePath: string, scratch: string, runs: number, memoryLimit: string | null, repeat = false) {
  const figures: RunFigures[] = [];
  for (let run = 1; run <= runs; run += 1) {
    figures.push(exportOnce(databasePath, scratch, memoryLimit));
    process.stderr.write(`${label} run ${run}/${runs}: ${(figures.at(-1)!.elapsedMs / 1000).toFixed(1)} s\n`);
  }
  const first = figures[0]!;
  const seconds = median(figures.map((run) => run.elapsedMs)) / 1000;
  const timing = [
    `| ${label}: export time | ${seconds.toFixed(2)} s (${Math.round(first.rows / seconds)} rows per second) |`,
    `| ${label}: peak memory (RSS) | ${median(figures.map((run) => run.peakRssMiB)).toFixed(0)} MiB |`,
  ];
  if (repeat) return timing;
  return [
    `| ${label}: papers | ${first.papers} |`,
    `| ${label}: database file size | ${(statSync(databasePath).size / 2 ** 20).toFixed(0)} MiB |`,
    `| ${label}: rows and files written | ${first.rows} rows in ${first.files} files |`,
    `| ${label}: dataset size | ${(first.bytes / 2 ** 20).toFixed(1)} MiB |`,
    ...timing,
  ];
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { runs: { type: "string", default: "3" }, copies: { type: "string", default: "53" }, "memory-limit": { type: "string" } },
    allowPositionals: true,
  });
  const runs = Number(values.runs);
  const copies = Number(values.copies);
  const memoryLimit = values["memory-limit"] ?? null;
  const folder = path.resolve(REPOSITORY_ROOT, positionals[0] ?? "../shared/data/real");
  const scratch = mkdtempSync(path.join(tmpdir(), "bench-export-"));
  try {
    const real = path.join(scratch, "real.duckdb");
    const scaled = path.join(scratch, "scaled.duckdb");
    const load = loadavg()[0]!;
    await ingestDigests({ inputs: [folder], databasePath: real });
    await scaleDatabase(real, scaled, copies);

    const rows = [...measure("real digests", real, scratch, runs, null), ...measure(`${copies} copies`, scaled, scratch, runs, null)];
    if (memoryLimit !== null) rows.push(...measure(`${copies} copies, memory limit ${memoryLimit}`, scaled, scratch, runs, memoryLimit, true));
    const limitFlag = memoryLimit ? ` --memory-limit ${memoryLimit}` : "";
    const markdown = [
      "## Parquet export",
      "",
      `Command: \`npm run bench:export -- --runs ${runs} --copies ${copies}${limitFlag} ${path.relative(REPOSITORY_ROOT, folder)}\`, run on ${new Date().toISOString().slice(0, 10)}.`,
      `Machine: ${describeMachine()}, load average ${load.toFixed(1)} over the minute before the run on ${cpus().length} cores.`,
      `Each figure is ${runs === 1 ? "from one run" : `the median of ${runs} runs`}, each a fresh process exporting to a new folder on the temporary file system.`,
      `The scaled database repeats every paper ${copies} times with its sightings and tags under new ids, each copy dated 0 to 7 years earlier.`,
      `DuckDB's memory limit is its default, 80% of the machine's memory, unless a row names another.`,
      "",
      "| measure | value |",
      "| --- | --- |",
      ...rows,
    ].join("\n");
    writeBenchmarkSection("export-benchmark", markdown);
    process.stdout.write(`${markdown}\n`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
