import type { IngestUnderLoadResult } from "./loadWhileIngesting";
import type { MemoryTrend } from "./summarizeMemoryTrend";

const milliseconds = (value: number | undefined) => (value === undefined ? "none" : `${Math.round(value)} ms`);

/**
 * Writes the figures of a load with ingests, and of the server's memory, as
 * lines for the test's output. `switchDelaysMs` contains, for each ingest,
 * the delay from its exit to the server's switch to the new build, as
 * `measureBuildSwitches` returns it.
 */
export function formatIngestUnderLoad(result: IngestUnderLoadResult, switchDelaysMs: readonly (number | null)[], memory: MemoryTrend | null): string {
  const { load } = result;
  const lines = [
    `${load.responses} responses in ${load.elapsedSeconds.toFixed(1)} s over ${load.connections} connections (${load.requestsPerSecond.toFixed(1)} per second), ` +
      `latency p50 ${milliseconds(load.latencyMs?.p50)}, p99 ${milliseconds(load.latencyMs?.p99)}, max ${milliseconds(load.latencyMs?.max)}`,
    `errors: ${load.errors.non2xx} non-2xx, ${load.errors.timeouts} timeouts, ${load.errors.connection} connection errors, ${result.probeFailures.length} failed probes`,
    ...result.ingests.map(
      (ingest, index) =>
        `ingest ${index + 1}: ${ingest.run.summary.files} files, ${ingest.totalBefore} → ${ingest.run.summary.totalPapers} papers in ${(ingest.run.elapsedMs / 1000).toFixed(1)} s, ` +
        `exit status ${String(ingest.run.exitCode)}, server switched to the new build ${switchDelaysMs[index] == null ? "never" : milliseconds(switchDelaysMs[index]!)} ` +
        `and first served its papers ${ingest.newDataDelayMs === null ? "never" : milliseconds(ingest.newDataDelayMs)} after the exit`,
    ),
  ];
  if (memory) {
    lines.push(
      `server RSS over ${memory.samples} readings: start ${memory.startMiB.toFixed(0)} MiB, end ${memory.endMiB.toFixed(0)} MiB, peak ${memory.peakMiB.toFixed(0)} MiB`,
    );
  }
  return lines.join("\n");
}
