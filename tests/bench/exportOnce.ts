/**
 * Runs one measured Parquet export in a fresh process and prints its figures
 * as one JSON line. Usage: tsx exportOnce.ts <database> <output folder> [memory limit]
 */
import { exportParquetDataset } from "@alignment-trends/analytics";

async function main(): Promise<void> {
  const [databasePath, outputFolder, memoryLimit] = process.argv.slice(2);
  if (!databasePath || !outputFolder) throw new Error("Usage: tsx exportOnce.ts <database> <output folder> [memory limit]");
  const result = await exportParquetDataset({
    databasePath,
    outputFolder,
    overwrite: false,
    command: "bench:export",
    memoryLimit: memoryLimit ?? null,
  });
  const rows = result.manifest.tables.reduce((total, table) => total + table.rows, 0);
  const files = result.manifest.tables.reduce((total, table) => total + table.files, 0);
  const papers = result.manifest.tables.find((table) => table.name === "papers")?.rows ?? 0;
  // maxRSS is in kibibytes on Linux.
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ elapsedMs: result.elapsedMs, bytes: result.bytes, rows, files, papers, peakRssMiB })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Benchmark run failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
