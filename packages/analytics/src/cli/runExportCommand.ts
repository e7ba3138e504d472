import { isDatabaseUnavailable } from "../database/TrendsDatabase";
import { ExportAbortedError, exportParquetDataset } from "../export/exportParquetDataset";
import { OutputFolderError } from "../export/outputFolder";
import { EXPORT_USAGE, parseExportArgs, UsageError } from "./parseExportArgs";

export interface CommandStreams {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** Characters a POSIX shell reads literally in an unquoted word. */
const PLAIN_WORD = /^[\w./:=@%+,-]+$/u;

/** Returns the arguments as a shell would need them typed: each word with other characters in single quotes. */
export function formatCommandLine(words: string[]): string {
  return words.map((word) => (PLAIN_WORD.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`)).join(" ");
}

/** Formats a byte count with a binary unit, such as 12.3 MiB. */
function formatBytes(bytes: number): string {
  const units = ["bytes", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}

/**
 * Runs the export command line and returns its exit status: 0 when the
 * dataset was written, 1 when the export failed, 2 on a usage error or an
 * output folder that may not be written. Progress goes to stderr, one line
 * per table, and the summary to stdout.
 */
export async function runExportCommand(
  argv: string[],
  environment: NodeJS.ProcessEnv,
  streams: CommandStreams,
  signal?: AbortSignal,
): Promise<number> {
  let outputFolder: string | null = null;
  try {
    const options = parseExportArgs(argv, environment);
    if (options.help) {
      streams.stdout.write(`${EXPORT_USAGE}\n`);
      return 0;
    }
    outputFolder = options.outputFolder;
    const program = environment.npm_lifecycle_event === "export" ? ["npm", "run", "export", "--"] : ["tsx", "packages/analytics/src/cli/exportDataset.ts"];
    const result = await exportParquetDataset({
      databasePath: options.databasePath,
      outputFolder: options.outputFolder,
      overwrite: options.overwrite,
      memoryLimit: options.memoryLimit,
      command: formatCommandLine([...program, ...argv]),
      log: (line) => streams.stderr.write(`${line}\n`),
      signal,
    });
    const rows = result.manifest.tables.reduce((total, table) => total + table.rows, 0);
    const files = result.manifest.tables.reduce((total, table) => total + table.files, 0);
    streams.stdout.write(
      `Wrote ${result.manifest.tables.length} tables, ${rows} rows in ${files} Parquet files (${formatBytes(result.bytes)}) to ${options.outputFolder} in ${(result.elapsedMs / 1000).toFixed(1)} s\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      streams.stderr.write(`${error.message}\n\n${EXPORT_USAGE}\n`);
      return 2;
    }
    if (error instanceof OutputFolderError) {
      streams.stderr.write(`${error.message}\n`);
      return 2;
    }
    if (isDatabaseUnavailable(error) || error instanceof ExportAbortedError) {
      streams.stderr.write(`${error.message}\n`);
      return 1;
    }
    const unchanged = outputFolder === null ? "" : `; ${outputFolder} is as it was before`;
    streams.stderr.write(`Export failed: ${error instanceof Error ? error.message : String(error)}${unchanged}\n`);
    if (environment.DEBUG) streams.stderr.write(`${error instanceof Error ? error.stack : ""}\n`);
    return 1;
  }
}
