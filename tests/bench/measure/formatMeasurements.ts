import type { ApiQueryMeasurement } from "./measureApiQueries";
import type { DashboardPageResult, MedianAndP95 } from "./measureDashboardPage";
import type { HttpLoadResult } from "./runHttpLoad";
import type { LatencySummary } from "./summarizeLatencies";

const milliseconds = (value: number) => `${value.toFixed(1)} ms`;
const kilobytes = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

function formatLatency(latency: LatencySummary | null): string {
  if (!latency) return "no responses";
  return `p50 ${milliseconds(latency.p50)}, p90 ${milliseconds(latency.p90)}, p99 ${milliseconds(latency.p99)}, max ${milliseconds(latency.max)}`;
}

function formatMedianAndP95(timing: MedianAndP95 | null): string {
  return timing ? `median ${milliseconds(timing.median)}, p95 ${milliseconds(timing.p95)}` : "not recorded";
}

/** Writes a load run as lines of text: the totals, then one line per path. */
export function formatHttpLoad(result: HttpLoadResult): string {
  const { errors } = result;
  const lines = [
    `${result.baseUrl}: ${result.connections} connections for ${result.elapsedSeconds} s`,
    `  ${result.requestsPerSecond.toFixed(1)} requests/s, ${result.responses} responses of ${result.requestsSent} requests sent`,
    `  latency ${formatLatency(result.latencyMs)}`,
    `  errors: ${errors.non2xx} non-2xx, ${errors.timeouts} timeouts, ${errors.connection} connection errors`,
  ];
  for (const path of result.perPath) {
    lines.push(`  ${path.path}: ${path.responses} responses, ${path.non2xx} non-2xx, ${formatLatency(path.latencyMs)}`);
  }
  return lines.join("\n");
}

/** Writes a page measurement as lines of text. */
export function formatDashboardPage(result: DashboardPageResult): string {
  const { javascript } = result;
  const source = javascript.gzipSource === "transferred" ? "as sent by the server" : "gzip level 9 of each script";
  return [
    `${result.url}: ${result.runs} runs`,
    `  JavaScript: ${javascript.scriptCount} scripts, ${kilobytes(javascript.gzipBytes)} gzip (${source}), ${kilobytes(javascript.decodedBytes)} decoded, ${kilobytes(javascript.gzip9Bytes)} at gzip level 9`,
    `  largest contentful paint: ${formatMedianAndP95(result.largestContentfulPaintMs)}, element in the first run: ${result.perRun[0]?.largestContentfulPaintElement ?? "none"}`,
    `  first contentful paint: ${formatMedianAndP95(result.firstContentfulPaintMs)}`,
    `  load event end: ${formatMedianAndP95(result.loadEventMs)}`,
  ].join("\n");
}

/** Writes one request's cold and warm figures as one line of text. */
export function formatApiQueryMeasurement(measurement: ApiQueryMeasurement): string {
  const { cold, warm } = measurement;
  return [
    measurement.name.padEnd(30),
    `cold p50 ${milliseconds(cold.p50).padStart(10)} p95 ${milliseconds(cold.p95).padStart(10)}`,
    `warm p50 ${milliseconds(warm.p50).padStart(10)} p95 ${milliseconds(warm.p95).padStart(10)}`,
    `${kilobytes(measurement.bodyBytes).padStart(11)}`,
    `cache hits ${measurement.cacheHits.cold}/${cold.samples} cold, ${measurement.cacheHits.warm}/${warm.samples} warm`,
    measurement.path,
  ].join("  ");
}
