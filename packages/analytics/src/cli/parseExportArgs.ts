import path from "node:path";
import { parseArgs } from "node:util";
import { resolveDatabasePath } from "../databasePath";

export const EXPORT_USAGE = `Usage: npm run export -- --parquet DIR [options]

Writes the trends database as a Parquet dataset in DIR: one folder per
table, the per-paper tables split into month=YYYY-MM folders, and
_manifest.json with the build, row counts and columns. docs/export.md
describes the layout.

Options:
  --parquet DIR        output folder; it must be new or empty unless
                       --overwrite is given
  --db PATH            database file (default: $TRENDS_DB, else
                       data/trends.duckdb)
  --overwrite          replace an earlier export in DIR (a folder with
                       _manifest.json); other folders are never replaced
  --memory-limit SIZE  memory DuckDB may use, such as 2GB; beyond it DuckDB
                       spills to a temporary folder beside DIR
                       (default: 80% of the machine's memory)
  --help               show this text

Exit status: 0 when the dataset was written; 1 when the export failed,
leaving DIR as it was; 2 on a usage error.`;

/** A memory size as DuckDB's memory_limit setting reads it. */
const MEMORY_SIZE = /^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/iu;

export interface ExportCliOptions {
  help: false;
  outputFolder: string;
  databasePath: string;
  overwrite: boolean;
  memoryLimit: string | null;
}

/** A command line the export cannot run; the message names the argument and the fix. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/**
 * Parses the export command line. Relative paths are taken from the folder
 * the user ran npm in (`INIT_CWD`), not the repository root npm switches to.
 */
export function parseExportArgs(argv: string[], environment: NodeJS.ProcessEnv = process.env): ExportCliOptions | { help: true } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        parquet: { type: "string" },
        db: { type: "string" },
        overwrite: { type: "boolean", default: false },
        "memory-limit": { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values } = parsed;
  if (values.help) return { help: true };
  const baseFolder = environment.INIT_CWD ?? process.cwd();

  if (values.parquet === undefined) throw new UsageError("Missing --parquet DIR: name the folder to write the dataset to");
  if (values.parquet.trim() === "") throw new UsageError('Invalid --parquet "": name a folder');
  if (values.db !== undefined && values.db.trim() === "") throw new UsageError('Invalid --db "": name a database file');
  const memoryLimit = values["memory-limit"] ?? null;
  if (memoryLimit !== null && !MEMORY_SIZE.test(memoryLimit)) {
    throw new UsageError(`Invalid --memory-limit "${memoryLimit}": expected a size such as 512MB or 2GB`);
  }

  return {
    help: false,
    outputFolder: path.resolve(baseFolder, values.parquet),
    databasePath: values.db !== undefined ? path.resolve(baseFolder, values.db) : resolveDatabasePath(environment),
    overwrite: values.overwrite ?? false,
    memoryLimit,
  };
}
