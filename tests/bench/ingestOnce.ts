/**
 * Runs one measured ingest in a fresh process and prints its figures as one
 * JSON line: `ingest` loads the inputs into a new database, `read` only
 * streams and decodes every input file (the floor any parser pays).
 * Usage: tsx ingestOnce.ts ingest|read <database> <input>...
 */
import { DigestSource, ingestDigests, listDigestFiles } from "@alignment-trends/ingest";

async function readAll(inputs: string[]): Promise<number> {
  let characters = 0;
  for (const entry of await listDigestFiles(inputs)) {
    for await (const chunk of new DigestSource(entry.path).chunks()) characters += chunk.length;
  }
  return characters;
}

async function main(): Promise<void> {
  const [mode, databasePath, ...inputs] = process.argv.slice(2);
  if ((mode !== "ingest" && mode !== "read") || !databasePath || inputs.length === 0) {
    throw new Error("Usage: tsx ingestOnce.ts ingest|read <database> <input>...");
  }
  const startedAt = performance.now();
  const result =
    mode === "ingest"
      ? await ingestDigests({ inputs, databasePath }).then((summary) => ({ papers: summary.totalPapers, records: summary.parsed, rejected: summary.rejected }))
      : { characters: await readAll(inputs) };
  const elapsedMs = performance.now() - startedAt;
  // maxRSS is in kibibytes on Linux.
  process.stdout.write(`${JSON.stringify({ mode, elapsedMs, peakRssMiB: process.resourceUsage().maxRSS / 1024, ...result })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Benchmark run failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
