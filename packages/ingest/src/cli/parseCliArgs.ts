import path from "node:path";
import { parseArgs } from "node:util";
import { CalendarDateSchema, type DigestFormat } from "@alignment-trends/schema";
import { DIGEST_PARSERS } from "../formats/detectFormat";
import { resolveDatabasePath } from "@alignment-trends/analytics";

export const USAGE = `Usage: npm run ingest -- <file|folder>... [options]

Loads digest files into the trends database. Folders are read recursively;
.gz files are decompressed. Formats are detected from the content.

Options:
  --db PATH          database file (default: $TRENDS_DB, else data/trends.duckdb)
  --as-of YYYY-MM-DD capture date of pages whose dates have no year
                     (default: inferred from the page, never after today)
  --format NAME      parse every file as NAME, one of:
${DIGEST_PARSERS.map((parser) => `                       ${parser.format}: ${parser.description}`).join("\n")}
  --reload           load files again even when their content already loaded,
                     replacing the earlier load (also implied by a --format other
                     than the one a file loaded as)
  --json             print the summary as JSON on stdout
  --verbose          print one line per file with its outcome and counts, and
                     one per step (working copy, tagging, term index, publish)
  --if-missing       do nothing when the database file already exists
  --wait SECONDS     when another ingest is writing the database, wait up to
                     SECONDS for it to finish (default: stop at once)
  --rejects          list the rejected records stored in the database and exit
  --help             show this text

Exit status: 0 when every file loaded; 1 when a file failed or records were
rejected (they are stored; list them with --rejects); 2 on a usage error or
when another ingest holds the database (after --wait, if given).`;

export interface CliOptions {
  inputs: string[];
  databasePath: string;
  asOf: string | null;
  format: DigestFormat | null;
  json: boolean;
  ifMissing: boolean;
  reload: boolean;
  listRejects: boolean;
  verbose: boolean;
  /** Milliseconds to wait for another ingest's lock; 0 stops at once. */
  lockWaitMs: number;
  help: boolean;
}

/** A command line the CLI cannot run; the message says which argument and why. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/**
 * Parses the ingest command line. Relative paths are taken from the folder the
 * user ran npm in (`INIT_CWD`), not the repository root npm switches to.
 */
export function parseCliArgs(argv: string[], environment: NodeJS.ProcessEnv = process.env): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: "string" },
        "as-of": { type: "string" },
        format: { type: "string" },
        json: { type: "boolean", default: false },
        "if-missing": { type: "boolean", default: false },
        reload: { type: "boolean", default: false },
        rejects: { type: "boolean", default: false },
        verbose: { type: "boolean", default: false },
        wait: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const baseFolder = environment.INIT_CWD ?? process.cwd();

  const asOf = values["as-of"] ?? null;
  if (asOf !== null && !CalendarDateSchema.safeParse(asOf).success) {
    throw new UsageError(`Invalid --as-of "${asOf}": expected a calendar date as YYYY-MM-DD`);
  }
  const today = new Date().toISOString().slice(0, 10);
  if (asOf !== null && asOf > today) {
    throw new UsageError(`Invalid --as-of "${asOf}": a page cannot have been captured after today (${today})`);
  }
  const format = values.format ?? null;
  if (format !== null && !DIGEST_PARSERS.some((parser) => parser.format === format)) {
    throw new UsageError(`Invalid --format "${format}": expected one of ${DIGEST_PARSERS.map((parser) => parser.format).join(", ")}`);
  }
  const wait = values.wait ?? "0";
  if (!/^\d+(\.\d+)?$/u.test(wait)) {
    throw new UsageError(`Invalid --wait "${wait}": expected a number of seconds, such as 60`);
  }
  const help = values.help ?? false;
  const listRejects = values.rejects ?? false;
  if (positionals.length === 0 && !help && !listRejects) {
    throw new UsageError("Missing input: name at least one digest file or folder");
  }

  return {
    inputs: positionals.map((input) => path.resolve(baseFolder, input)),
    databasePath: values.db ? path.resolve(baseFolder, values.db) : resolveDatabasePath(environment),
    asOf,
    format: format as DigestFormat | null,
    json: values.json ?? false,
    ifMissing: values["if-missing"] ?? false,
    reload: values.reload ?? false,
    listRejects,
    verbose: values.verbose ?? false,
    lockWaitMs: Math.round(Number(wait) * 1000),
    help,
  };
}
