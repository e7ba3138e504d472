/**
 * Runs DuckDB's own load of JSON digests into a table in a fresh process, the
 * floor an ingest of the same files is measured against, and prints its
 * figures as one JSON line. DuckDB runs with its default settings: with the
 * ingest's 1 GB memory limit, this load of 100,000 papers ran out of memory.
 * The load ends with a checkpoint as an ingest does.
 * Usage: tsx loadJsonOnce.ts <database> <glob>
 */
import { DuckDBInstance } from "@duckdb/node-api";

async function main(): Promise<void> {
  const [databasePath, glob] = process.argv.slice(2);
  if (!databasePath || !glob) throw new Error("Usage: tsx loadJsonOnce.ts <database> <glob>");

  const startedAt = performance.now();
  const instance = await DuckDBInstance.create(databasePath);
  const connection = await instance.connect();
  await connection.run("CREATE TABLE daily_papers AS SELECT * FROM read_json($glob, format = 'array', union_by_name = true)", { glob });
  await connection.run("CHECKPOINT");
  const reader = await connection.runAndReadAll("SELECT count(*)::INTEGER AS n FROM daily_papers");
  const rows = Number(reader.getRowObjects()[0]!.n);
  connection.closeSync();
  instance.closeSync();
  const elapsedMs = performance.now() - startedAt;

  // maxRSS is in kibibytes on Linux.
  process.stdout.write(`${JSON.stringify({ elapsedMs, peakRssMiB: process.resourceUsage().maxRSS / 1024, rows })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`JSON load failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
