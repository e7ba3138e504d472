#!/usr/bin/env tsx
import { existsSync } from "node:fs";
import { IngestLockedError } from "../database/acquireIngestLock";
import { resolveDatabasePath } from "@alignment-trends/analytics";
import { ingestDigests } from "../ingestDigests";
import { InputNotFoundError } from "../listDigestFiles";
import { drawProgressBar } from "./drawProgressBar";
import { formatSummary } from "./formatSummary";
import { listRejects } from "./listRejects";
import { parseCliArgs, UsageError, USAGE } from "./parseCliArgs";

async function main(): Promise<number> {
  const options = parseCliArgs(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (options.listRejects) {
    const rejects = await listRejects(options.databasePath);
    if (options.json) process.stdout.write(`${JSON.stringify(rejects, null, 2)}\n`);
    else for (const reject of rejects) process.stdout.write(`${reject.path} ${reject.location}: ${reject.reason}: ${reject.detail}\n`);
    if (!options.json) process.stderr.write(`${rejects.length} rejected records in ${options.databasePath}\n`);
    return 0;
  }
  if (options.ifMissing && existsSync(options.databasePath)) {
    process.stderr.write(`The database ${options.databasePath} exists; nothing to do (--if-missing)\n`);
    return 0;
  }

  const showProgress = process.stderr.isTTY && !options.json;
  const summary = await ingestDigests({
    inputs: options.inputs,
    databasePath: options.databasePath,
    asOf: options.asOf,
    format: options.format,
    reload: options.reload,
    onProgress: showProgress ? (done, total, file) => drawProgressBar(process.stderr, done, total, file) : undefined,
    log: options.verbose ? (line) => process.stderr.write(`${line}\n`) : undefined,
    lockWaitMs: options.lockWaitMs,
    onLockWait: (line) => process.stderr.write(`${line}\n`),
  });

  if (options.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else process.stdout.write(`${formatSummary(summary, options.databasePath === resolveDatabasePath() ? null : options.databasePath)}\n`);
  return summary.failed > 0 || summary.rejected > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      process.exitCode = 2;
    } else if (error instanceof IngestLockedError) {
      process.stderr.write(`${error.message}\n${error.waited ? "" : "To wait for it instead, add --wait SECONDS.\n"}`);
      process.exitCode = 2;
    } else if (error instanceof InputNotFoundError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`Ingest failed: ${error instanceof Error ? error.message : String(error)}\n`);
      if (process.env.DEBUG) console.error(error);
      process.exitCode = 1;
    }
  },
);
