import { mkdtempSync, renameSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { median } from "./benchmarkPage";
import { runInFreshProcess, type ProcessFigures } from "./runInFreshProcess";

const here = path.dirname(fileURLToPath(import.meta.url));

/** Ingest figures at one scale: each time and memory figure is the median over the runs. */
export interface IngestScaleFigures {
  runs: number;
  records: number;
  rejected: number;
  papers: number;
  ingestMs: number;
  ingestPeakRssMiB: number;
  /** Medians of the ingest's own steps: reading and merging the files, tagging, and writing the term index. */
  stepsMs: { load: number; tag: number; index: number };
  /** DuckDB's own `read_json` load of the same files into a table: the floor. */
  floorMs: number;
  floorPeakRssMiB: number;
  floorRows: number;
  /** A second ingest into the built database: the page-text digests, which merge into known papers. */
  pagesMs: number;
  pagesRecords: number;
  papersAfterPages: number;
  databaseBytes: number;
}

export interface IngestScaleOptions {
  /** Folder of daily-papers API JSON files, the input both the ingest and the floor load. */
  jsonFolder: string;
  /** Folder of page-text digests ingested afterwards into the built database. */
  pagesFolder: string;
  runs: number;
  /** Where the database of the last run is kept for the query benchmarks. */
  databasePath: string;
  log: (line: string) => void;
}

/**
 * Measures the ingest of the JSON digests against DuckDB's own load of the
 * same files. The two alternate in fresh processes, so that both see the
 * same state of the machine. Then the page-text digests are ingested into the
 * last run's database, which is kept at `databasePath`.
 */
export function measureIngestScale(options: IngestScaleOptions): IngestScaleFigures {
  const scratch = mkdtempSync(path.join(tmpdir(), "bench-scale-"));
  const ingests: ProcessFigures[] = [];
  const floors: ProcessFigures[] = [];
  try {
    for (let run = 1; run <= options.runs; run += 1) {
      const floorDatabase = path.join(scratch, `floor-${run}.duckdb`);
      floors.push(runInFreshProcess(path.join(here, "loadJsonOnce.ts"), [floorDatabase, path.join(options.jsonFolder, "**", "*.json")]));
      rmSync(floorDatabase, { force: true });

      const database = path.join(scratch, `ingest-${run}.duckdb`);
      ingests.push(runInFreshProcess(path.join(here, "ingestOnce.ts"), ["ingest", database, options.jsonFolder]));
      const [ingest, floor] = [ingests.at(-1)!, floors.at(-1)!];
      options.log(
        `ingest run ${run}/${options.runs}: ${(ingest.elapsedMs / 1000).toFixed(1)} s, peak ${Math.round(ingest.peakRssMiB)} MiB; ` +
          `read_json ${(floor.elapsedMs / 1000).toFixed(1)} s, peak ${Math.round(floor.peakRssMiB)} MiB`,
      );
      if (run < options.runs) rmSync(database, { force: true });
    }

    const built = path.join(scratch, `ingest-${options.runs}.duckdb`);
    const pages = runInFreshProcess(path.join(here, "ingestOnce.ts"), ["ingest", built, options.pagesFolder]);
    options.log(`page-text ingest: ${(pages.elapsedMs / 1000).toFixed(1)} s`);
    rmSync(options.databasePath, { force: true });
    renameSync(built, options.databasePath);

    const first = ingests[0]!;
    return {
      runs: options.runs,
      records: first.records ?? 0,
      rejected: first.rejected ?? 0,
      papers: first.papers ?? 0,
      ingestMs: median(ingests.map((run) => run.elapsedMs)),
      ingestPeakRssMiB: median(ingests.map((run) => run.peakRssMiB)),
      stepsMs: {
        load: median(ingests.map((run) => run.loadMs ?? 0)),
        tag: median(ingests.map((run) => run.tagMs ?? 0)),
        index: median(ingests.map((run) => run.indexMs ?? 0)),
      },
      floorMs: median(floors.map((run) => run.elapsedMs)),
      floorPeakRssMiB: median(floors.map((run) => run.peakRssMiB)),
      floorRows: floors[0]!.rows ?? 0,
      pagesMs: pages.elapsedMs,
      pagesRecords: pages.records ?? 0,
      papersAfterPages: pages.papers ?? 0,
      databaseBytes: statSync(options.databasePath).size,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
