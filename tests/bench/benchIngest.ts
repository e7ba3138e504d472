/**
 * Measures the ingest of a folder of digests and writes the figures to
 * `docs/benchmarks.md`: papers per second and peak memory (resident set
 * size), each the median of several runs in fresh processes, with the time
 * to merely read and decode the same files measured in the same run as the
 * reference. Usage: tsx benchIngest.ts [--runs N] [folder]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { describeMachine, median, REPOSITORY_ROOT as repositoryRoot, writeBenchmarkSection } from "./benchmarkPage";
import { runInFreshProcess } from "./runInFreshProcess";

const here = path.dirname(fileURLToPath(import.meta.url));

interface RunFigures {
  elapsedMs: number;
  peakRssMiB: number;
  papers?: number;
  records?: number;
}

function runOnce(mode: "ingest" | "read", folder: string): RunFigures {
  const scratch = mkdtempSync(path.join(tmpdir(), "bench-ingest-"));
  try {
    return runInFreshProcess(path.join(here, "ingestOnce.ts"), [mode, path.join(scratch, "bench.duckdb"), folder]);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function main(): void {
  const { values, positionals } = parseArgs({ options: { runs: { type: "string", default: "3" } }, allowPositionals: true });
  const runs = Number(values.runs);
  const folder = path.resolve(repositoryRoot, positionals[0] ?? "../shared/data/real");

  const ingests: RunFigures[] = [];
  const reads: RunFigures[] = [];
  for (let run = 1; run <= runs; run += 1) {
    reads.push(runOnce("read", folder));
    ingests.push(runOnce("ingest", folder));
    process.stderr.write(`run ${run}/${runs}: ingest ${(ingests.at(-1)!.elapsedMs / 1000).toFixed(1)} s, read ${(reads.at(-1)!.elapsedMs / 1000).toFixed(1)} s\n`);
  }

  const ingestMs = median(ingests.map((run) => run.elapsedMs));
  const readMs = median(reads.map((run) => run.elapsedMs));
  const records = ingests[0]!.records ?? 0;
  const papers = ingests[0]!.papers ?? 0;
  const markdown = [
    "## Ingest of a folder of real digests",
    "",
    `Command: \`npm run bench:ingest -- --runs ${runs} ${path.relative(repositoryRoot, folder)}\`, run on ${new Date().toISOString().slice(0, 10)}.`,
    `Machine: ${describeMachine()}.`,
    `Each figure is the median of ${runs} runs, each in a fresh process with a new database.`,
    "The reference run only streams and decodes the same files; the ratio shows what parsing and loading add to that floor.",
    "",
    "| measure | value |",
    "| --- | --- |",
    `| records parsed | ${records} |`,
    `| papers in the database | ${papers} |`,
    `| ingest time | ${(ingestMs / 1000).toFixed(2)} s |`,
    `| records per second | ${Math.round(records / (ingestMs / 1000))} |`,
    `| papers per second | ${Math.round(papers / (ingestMs / 1000))} |`,
    `| peak memory (RSS) of the ingest | ${median(ingests.map((run) => run.peakRssMiB)).toFixed(0)} MiB |`,
    `| reference: read and decode only | ${(readMs / 1000).toFixed(2)} s, peak ${median(reads.map((run) => run.peakRssMiB)).toFixed(0)} MiB |`,
    `| ingest time / reference time | ${(ingestMs / readMs).toFixed(1)} |`,
  ].join("\n");
  writeBenchmarkSection("ingest-benchmark", markdown);
  process.stdout.write(`${markdown}\n`);
}

main();
