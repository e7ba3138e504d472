import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DATASET_MANIFEST_FILE, type DatasetManifest } from "@alignment-trends/schema";
import { readTaxonomyVersions } from "../queries/taxonomyVersions";
import { buildDatasetManifest } from "./buildDatasetManifest";
import { copyTableToParquet, type CopiedTable } from "./copyTableToParquet";
import { DATASET_TABLES } from "./datasetTables";
import type { DatasetTableSpec } from "./datasetTableSpec";
import { checkDatabaseFile, openExportSource } from "./openExportSource";
import { checkOutputFolder, createStagingFolder, publishStagingFolder, siblingPath } from "./outputFolder";

export interface ExportParquetOptions {
  databasePath: string;
  /** The folder the dataset is written to: absent, empty, or with `overwrite` an earlier export. */
  outputFolder: string;
  overwrite: boolean;
  /** The command line to record in the manifest. */
  command: string;
  /** DuckDB's `memory_limit`, such as `2GB`; DuckDB's default when null or absent. */
  memoryLimit?: string | null;
  /** Receives one line per table written, with its counts and time. */
  log?: (line: string) => void;
  /** Stops the export: the running query is interrupted and the output folder is left as it was. */
  signal?: AbortSignal;
  now?: () => Date;
}

export interface ExportParquetResult {
  manifest: DatasetManifest;
  /** Bytes of every Parquet file written. */
  bytes: number;
  elapsedMs: number;
}

/** The export was stopped through its abort signal; nothing was published. */
export class ExportAbortedError extends Error {
  constructor(outputFolder: string) {
    super(`Export to ${outputFolder} was interrupted; the folder is as it was before`);
    this.name = "ExportAbortedError";
  }
}

/**
 * Writes the database's tables and the dashboard's monthly aggregates as a
 * Parquet dataset: one folder per table, the per-paper tables split into
 * hive-style `month=YYYY-MM` folders, and `_manifest.json` at the top. Every
 * file goes into a temporary folder beside the output folder, which is renamed
 * into place once complete, so a failed or interrupted export publishes
 * nothing and leaves an earlier export whole.
 */
export async function exportParquetDataset(options: ExportParquetOptions): Promise<ExportParquetResult> {
  const startedAt = Date.now();
  const log = options.log ?? (() => {});
  const now = options.now ?? (() => new Date());
  const signal = options.signal;

  // Check the arguments before creating anything.
  checkOutputFolder(options.outputFolder, options.overwrite);
  checkDatabaseFile(options.databasePath);

  const staging = createStagingFolder(options.outputFolder);
  const tempDirectory = siblingPath(options.outputFolder, "spill");
  let published = false;
  try {
    const source = await openExportSource(options.databasePath, { memoryLimit: options.memoryLimit ?? null, tempDirectory });
    const interrupt = () => source.connection.interrupt();
    signal?.addEventListener("abort", interrupt);
    const tables: { spec: DatasetTableSpec; copied: CopiedTable }[] = [];
    let tagTaxonomyVersions: string[];
    try {
      // Copy each table; DuckDB streams the rows from the database to the files.
      for (const spec of DATASET_TABLES) {
        if (signal?.aborted) throw new ExportAbortedError(options.outputFolder);
        const tableStartedAt = Date.now();
        const copied = await copyTableToParquet(source.connection, spec, path.join(staging, spec.name), source.build.buildId);
        tables.push({ spec, copied });
        log(`${spec.name}: ${copied.rows} rows in ${copied.files} ${copied.files === 1 ? "file" : "files"}, ${copied.bytes} bytes, ${Date.now() - tableStartedAt} ms`);
      }
      tagTaxonomyVersions = await readTaxonomyVersions(source.connection);
    } catch (error) {
      if (signal?.aborted) throw new ExportAbortedError(options.outputFolder);
      throw error;
    } finally {
      signal?.removeEventListener("abort", interrupt);
      source.connection.closeSync();
      source.instance.closeSync();
    }

    // Describe the dataset, then move it into place.
    const manifest = buildDatasetManifest({
      command: options.command,
      exportedAt: now(),
      databasePath: options.databasePath,
      build: source.build,
      schemaVersion: source.schemaVersion,
      tagTaxonomyVersions,
      tables,
    });
    writeFileSync(path.join(staging, DATASET_MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    if (signal?.aborted) throw new ExportAbortedError(options.outputFolder);
    publishStagingFolder(staging, options.outputFolder, options.overwrite);
    published = true;

    const bytes = tables.reduce((total, table) => total + table.copied.bytes, 0);
    return { manifest, bytes, elapsedMs: Date.now() - startedAt };
  } finally {
    if (!published) rmSync(staging, { recursive: true, force: true });
    rmSync(tempDirectory, { recursive: true, force: true });
  }
}
