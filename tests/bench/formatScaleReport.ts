import type { IngestScaleFigures } from "./measureIngestScale";
import type { ApiQueryReport } from "./measure/measureApiQueries";
import type { DashboardPageResult } from "./measure/measureDashboardPage";
import type { HttpLoadResult } from "./measure/runHttpLoad";
import type { SyntheticDigests } from "./prepareSyntheticDigests";

/** The figures of one scale: its digests, its ingest and its in-process API queries. */
export interface ScaleResult {
  papers: number;
  digests: SyntheticDigests;
  ingest: IngestScaleFigures;
  api: ApiQueryReport;
}

/** The figures taken against a running server at one scale. */
export interface ServerResult {
  papers: number;
  load: HttpLoadResult;
  loadPaths: string[];
  page: DashboardPageResult;
}

export interface ScaleBenchReport {
  command: string;
  date: string;
  machine: string;
  seed: number;
  runs: number;
  scales: ScaleResult[];
  server: ServerResult | null;
  elapsedSeconds: number;
}

/** Targets the figures are held to. */
export const TARGETS = {
  ingestRatio: 1.5,
  ingestPeakRssMiBAtMillion: 1536,
  apiP95Ms: (papers: number) => (papers >= 1_000_000 ? 500 : 100),
  loadP99Ms: 500,
  javascriptGzipKB: 300,
  largestContentfulPaintMs: 1500,
} as const;

const count = (value: number) => value.toLocaleString("en-US");
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const milliseconds = (ms: number) => `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
const verdict = (met: boolean) => (met ? "met" : "**missed**");

function formatIngestTable(scales: ScaleResult[]): string[] {
  const row = (label: string, cell: (scale: ScaleResult) => string) => `| ${label} | ${scales.map(cell).join(" | ")} |`;
  return [
    `| measure | ${scales.map((scale) => `${count(scale.papers)} papers`).join(" | ")} |`,
    `| --- | ${scales.map(() => "---:").join(" | ")} |`,
    row("API JSON files", (scale) => count(scale.digests.summary.apiFiles)),
    row("size of all digest files", (scale) => `${(scale.digests.summary.bytes / 2 ** 20).toFixed(0)} MiB`),
    row("records parsed (rejected)", (scale) => `${count(scale.ingest.records)} (${count(scale.ingest.rejected)})`),
    row("papers in the database", (scale) => count(scale.ingest.papers)),
    row("ingest time", (scale) => seconds(scale.ingest.ingestMs)),
    row("of which reading and merging / tagging / term index", (scale) =>
      [scale.ingest.stepsMs.load, scale.ingest.stepsMs.tag, scale.ingest.stepsMs.index].map(seconds).join(" / "),
    ),
    row("papers per second", (scale) => count(Math.round(scale.ingest.papers / (scale.ingest.ingestMs / 1000)))),
    row("ingest peak memory (RSS)", (scale) => `${Math.round(scale.ingest.ingestPeakRssMiB)} MiB`),
    row("floor: DuckDB `read_json` into a table", (scale) => seconds(scale.ingest.floorMs)),
    row("floor peak memory (RSS)", (scale) => `${Math.round(scale.ingest.floorPeakRssMiB)} MiB`),
    row(`ingest time / floor time (target ≤ ${TARGETS.ingestRatio})`, (scale) => {
      const ratio = scale.ingest.ingestMs / scale.ingest.floorMs;
      return `${ratio.toFixed(1)}, ${verdict(ratio <= TARGETS.ingestRatio)}`;
    }),
    row("then page-text digests: records, time", (scale) => `${count(scale.ingest.pagesRecords)}, ${seconds(scale.ingest.pagesMs)}`),
    row("papers after the pages", (scale) => count(scale.ingest.papersAfterPages)),
    row("database file", (scale) => `${(scale.ingest.databaseBytes / 2 ** 20).toFixed(0)} MiB`),
  ];
}

function formatApiTable(scales: ScaleResult[]): string[] {
  const names = scales[0]?.api.measurements.map((measurement) => measurement.name) ?? [];
  const header = scales.map((scale) => `${count(scale.papers)}: cold p50 / p95 | warm p50 / p95`).join(" | ");
  const lines = [`| request | ${header} |`, `| --- | ${scales.map(() => "---: | ---:").join(" | ")} |`];
  for (const name of names) {
    const cells = scales.map((scale) => {
      const measurement = scale.api.measurements.find((entry) => entry.name === name);
      if (!measurement) return "not measured | not measured";
      const target = TARGETS.apiP95Ms(scale.papers);
      const mark = (p95: number) => (p95 <= target ? "" : " ✗");
      return `${milliseconds(measurement.cold.p50)} / ${milliseconds(measurement.cold.p95)}${mark(measurement.cold.p95)} | ${milliseconds(measurement.warm.p50)} / ${milliseconds(measurement.warm.p95)}${mark(measurement.warm.p95)}`;
    });
    lines.push(`| ${name} | ${cells.join(" | ")} |`);
  }
  return lines;
}

function summarizeApiTargets(scales: ScaleResult[]): string[] {
  return scales.map((scale) => {
    const target = TARGETS.apiP95Ms(scale.papers);
    const over = scale.api.measurements.filter((measurement) => Math.max(measurement.cold.p95, measurement.warm.p95) > target);
    const list = over.map((measurement) => `${measurement.name} (cold ${milliseconds(measurement.cold.p95)}, warm ${milliseconds(measurement.warm.p95)})`).join("; ");
    return `- ${count(scale.papers)} papers, target p95 ≤ ${target} ms: ${over.length === 0 ? "met by every request, cold and warm" : `**missed** by ${over.length} of ${scale.api.measurements.length} requests: ${list}`}.`;
  });
}

function formatServerSection(server: ServerResult): string[] {
  const { load, page } = server;
  const errors = load.errors.non2xx + load.errors.timeouts + load.errors.connection;
  const p99 = load.latencyMs?.p99 ?? Number.NaN;
  const lcp = page.largestContentfulPaintMs;
  const javascriptKB = page.javascript.gzipBytes / 1000;
  return [
    `### Under load and in the browser, at ${count(server.papers)} papers`,
    "",
    `${load.connections} connections for ${load.durationSeconds} s against \`npm start\` on 127.0.0.1, spread over ${server.loadPaths.length} requests of the trends and papers routes: ${server.loadPaths.map((loadPath) => `\`${loadPath}\``).join(", ")}.`,
    "The server caches results per database build, so after the first request of each URL the load reads cached answers: the maximum latency is those first computations, and the figures measure serving, not the queries (the table above measures those).",
    `The dashboard page (\`/\`) loaded ${page.runs} times in headless Chromium, each in a new context with the HTTP cache off.`,
    "",
    "| measure | value | target |",
    "| --- | ---: | --- |",
    `| requests per second | ${count(Math.round(load.requestsPerSecond))} | |`,
    `| latency p50 / p99 / max | ${milliseconds(load.latencyMs?.p50 ?? Number.NaN)} / ${milliseconds(p99)} / ${milliseconds(load.latencyMs?.max ?? Number.NaN)} | p99 ≤ ${TARGETS.loadP99Ms} ms: ${verdict(p99 <= TARGETS.loadP99Ms)} |`,
    `| errors (non-2xx, timeouts, connection) | ${errors} (${load.errors.non2xx}, ${load.errors.timeouts}, ${load.errors.connection}) of ${count(load.responses)} | none: ${verdict(errors === 0)} |`,
    `| JavaScript of the dashboard page, gzip | ${javascriptKB.toFixed(1)} kB in ${page.javascript.scriptCount} scripts (${page.javascript.gzipSource === "transferred" ? "as sent" : "gzip level 9 of each script"}) | ≤ ${TARGETS.javascriptGzipKB} kB: ${verdict(javascriptKB <= TARGETS.javascriptGzipKB)} |`,
    `| largest contentful paint, median / p95 | ${lcp ? `${milliseconds(lcp.median)} / ${milliseconds(lcp.p95)}` : "not recorded"} | ≤ ${TARGETS.largestContentfulPaintMs} ms: ${verdict(lcp !== null && lcp.median <= TARGETS.largestContentfulPaintMs)} |`,
    `| first contentful paint, median | ${page.firstContentfulPaintMs ? milliseconds(page.firstContentfulPaintMs.median) : "not recorded"} | |`,
    `| load event, median | ${milliseconds(page.loadEventMs.median)} | |`,
  ];
}

function listScales(scales: ScaleResult[]): string {
  const sizes = scales.map((scale) => count(scale.papers));
  return sizes.length === 1 ? sizes[0]! : `${sizes.slice(0, -1).join(", ")} and ${sizes.at(-1)!}`;
}

/** Formats the figures of a run of `npm run bench` as the section of `docs/benchmarks.md`. */
export function formatScaleReport(report: ScaleBenchReport): string {
  const largest = report.scales.at(-1);
  const lines = [
    `## At scale: synthetic digests of ${listScales(report.scales)} papers`,
    "",
    `Command: \`${report.command}\`, run on ${report.date}; the run took ${report.elapsedSeconds < 120 ? `${Math.round(report.elapsedSeconds)} s` : `${Math.round(report.elapsedSeconds / 60)} min`}.`,
    `Machine: ${report.machine}.`,
    `Digests: the synthetic generator (\`npm run bench:generate\`) with seed ${report.seed}: daily-papers API JSON files, then papers-page text files listing a share of the papers again.`,
    `${report.runs === 1 ? "Ingest and floor figures are from one run" : `Ingest and floor figures are medians of ${report.runs} runs, alternating`}, each in a fresh process with a new database. API figures are in-process calls of each route's handler without the result cache: cold is the first request on a newly opened database, warm the requests after it.`,
    "",
    "### Ingest",
    "",
    ...formatIngestTable(report.scales),
    "",
    largest && largest.papers >= 1_000_000
      ? `Peak memory at ${count(largest.papers)} papers: ${Math.round(largest.ingest.ingestPeakRssMiB)} MiB against ${TARGETS.ingestPeakRssMiBAtMillion} MiB, ${verdict(largest.ingest.ingestPeakRssMiB <= TARGETS.ingestPeakRssMiBAtMillion)}.`
      : `The 1.5 GiB memory target applies at a million papers, a manual run (\`npm run bench -- --scales 1000000 --runs 1\`).`,
    "",
    "### API queries",
    "",
    ...formatApiTable(report.scales),
    "",
    ...summarizeApiTargets(report.scales),
    "",
    ...(report.server ? formatServerSection(report.server) : ["No server figures: the run was given `--no-server`."]),
  ];
  return lines.join("\n");
}
