#!/usr/bin/env tsx
import path from "node:path";
import { parseArgs } from "node:util";
import { resolveDatabasePath } from "@alignment-trends/analytics";
import { IngestLockedError } from "../database/acquireIngestLock";
import { retagDatabase } from "../retagDatabase";

const USAGE = `Usage: npm run retag -- [--db PATH] [--json]

Tags every paper in the database again with the current taxonomy
(packages/ingest/taxonomy/taxonomy.json) and overrides (overrides.json),
without reading any digest. A running dashboard switches to the new tags
when the retag finishes.

Options:
  --db PATH   database file (default: $TRENDS_DB, else data/trends.duckdb)
  --json      print the summary as JSON on stdout`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { db: { type: "string" }, json: { type: "boolean", default: false }, help: { type: "boolean", short: "h", default: false } },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const databasePath = values.db ? path.resolve(process.env.INIT_CWD ?? process.cwd(), values.db) : resolveDatabasePath();
  const summary = await retagDatabase({ databasePath });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } else {
    process.stdout.write(
      [
        `Retagged ${summary.papers} papers in ${summary.database} with taxonomy ${summary.taxonomyVersion} in ${(summary.elapsedMs / 1000).toFixed(1)} s`,
        `  ${summary.scopeChanges} changed scope; ${summary.topicsAdded} topic tags added, ${summary.topicsRemoved} removed`,
        `  ${summary.alignmentPapers} papers are alignment research`,
      ].join("\n") + "\n",
    );
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Retag failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = error instanceof IngestLockedError ? 2 : 1;
  },
);
