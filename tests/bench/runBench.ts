/**
 * `npm run bench`: generates synthetic digests at each scale and measures the
 * ingest against DuckDB's own JSON load and every `/api/v1/` request in
 * process. At one scale it also loads the HTTP routes and measures the
 * dashboard page in Chromium. It writes the figures to `docs/benchmarks.md`.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { describeMachine, REPOSITORY_ROOT, writeBenchmarkSection } from "./benchmarkPage";
import { formatScaleReport, type ScaleResult, type ServerResult } from "./formatScaleReport";
import { measureIngestScale } from "./measureIngestScale";
import { measureApiQueries } from "./measure/measureApiQueries";
import { measureDashboardPage } from "./measure/measureDashboardPage";
import { runHttpLoad } from "./measure/runHttpLoad";
import { prepareSyntheticDigests } from "./prepareSyntheticDigests";
import { startWebServer } from "./startWebServer";
import { UsageError } from "./UsageError";

const USAGE = `Usage: npm run bench -- [options]

Options:
  --scales N,N,...   papers at each scale, 100 to 10,000,000 (default 10000,100000)
  --server-scale N   the scale at which the server runs under load and the
                     dashboard page is measured (default 100000, or the
                     largest scale when 100000 is not among them)
  --runs N           ingest runs per scale, 1 to 21, whose median is reported (default 3)
  --seed N           seed of the synthetic digests (default 1)
  --work DIR         folder for digests and databases, kept between runs so
                     the digests are generated once (default: $TMPDIR/alignment-trends-bench)
  --port N           port of the server under load (default 3600)
  --no-server        skip the server, load and page figures
  --help             show this text

The figures replace the "At scale" section of docs/benchmarks.md (a run with a
scale of 1,000,000 or more replaces the million-paper section instead). Exit
status: 0 when the figures were written, 1 when a step failed, 2 on a usage
error.`;

const BenchOptionsSchema = z.object({
  scales: z.array(z.number().int().min(100).max(10_000_000)).min(1),
  serverScale: z.number().int().nullable(),
  runs: z.number().int().min(1).max(21),
  seed: z.number().int().min(0),
  work: z.string().min(1),
  port: z.number().int().min(1024).max(65535),
  server: z.boolean(),
});
type BenchOptions = z.infer<typeof BenchOptionsSchema>;

/** Requests of the trends and papers routes that the load spreads its connections over. */
const LOAD_PATHS = [
  "/api/v1/trends?metric=papers&bucket=month",
  "/api/v1/trends?metric=code&bucket=quarter&scope=alignment",
  "/api/v1/trends?metric=upvotes&bucket=month&from=2024-01-01",
  "/api/v1/papers",
  "/api/v1/papers?scope=alignment&sort=upvotes&order=desc",
  "/api/v1/papers?q=reward%20model&from=2023-01-01",
];

/** Parses a whole number option within its bounds, or raises naming the option and the value given. */
function parseWholeNumber(option: string, text: string, min: number, max: number): number {
  const value = /^\d+$/u.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`Invalid ${option} "${text}": expected a whole number from ${min.toLocaleString("en-US")} to ${max.toLocaleString("en-US")}`);
  }
  return value;
}

function parseOptions(argv: string[]): BenchOptions | null {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        scales: { type: "string", default: "10000,100000" },
        "server-scale": { type: "string" },
        runs: { type: "string", default: "3" },
        seed: { type: "string", default: "1" },
        work: { type: "string", default: path.join(tmpdir(), "alignment-trends-bench") },
        port: { type: "string", default: "3600" },
        "no-server": { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return null;

  const scales = values.scales.split(",").map((scale) => parseWholeNumber("--scales", scale.trim(), 100, 10_000_000));
  const defaultServerScale = scales.includes(100_000) ? 100_000 : Math.max(...scales);
  const serverScale = values["server-scale"] ? parseWholeNumber("--server-scale", values["server-scale"], 100, 10_000_000) : defaultServerScale;
  if (!values["no-server"] && !scales.includes(serverScale)) {
    throw new UsageError(`Invalid --server-scale ${serverScale}: it must be one of --scales ${values.scales}`);
  }
  return BenchOptionsSchema.parse({
    scales,
    serverScale: values["no-server"] ? null : serverScale,
    runs: parseWholeNumber("--runs", values.runs, 1, 21),
    seed: parseWholeNumber("--seed", values.seed, 0, 0xffff_ffff),
    work: path.resolve(process.env.INIT_CWD ?? process.cwd(), values.work),
    port: parseWholeNumber("--port", values.port, 1024, 65535),
    server: !values["no-server"],
  });
}

function log(line: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

function buildWebApp(): void {
  log("building the web app (npm run build)");
  const result = spawnSync("npm", ["run", "build"], { cwd: REPOSITORY_ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`npm run build failed: ${result.stdout.slice(-2000)}${result.stderr.slice(-2000)}`);
}

async function measureScale(options: BenchOptions, papers: number): Promise<ScaleResult> {
  log(`scale ${papers}: preparing digests`);
  const digests = await prepareSyntheticDigests(options.work, papers, options.seed, log);
  if (digests.reused) log(`reusing ${digests.summary.files} generated files`);

  const databasePath = path.join(options.work, `bench-${papers}.duckdb`);
  const ingest = measureIngestScale({ jsonFolder: digests.jsonFolder, pagesFolder: digests.pagesFolder, runs: options.runs, databasePath, log });

  log(`scale ${papers}: API queries`);
  const api = await measureApiQueries({ databasePath, coldSamples: 5, warmSamples: 10 });
  return { papers, digests, ingest, api };
}

async function measureServer(options: BenchOptions, papers: number): Promise<ServerResult> {
  const server = await startWebServer(options.port, path.join(options.work, `bench-${papers}.duckdb`));
  try {
    log(`scale ${papers}: page measures`);
    const page = await measureDashboardPage({ baseUrl: server.baseUrl, path: "/", runs: 7 });
    log(`scale ${papers}: 50 connections for 20 s`);
    const load = await runHttpLoad({ baseUrl: server.baseUrl, paths: LOAD_PATHS, connections: 50, durationSeconds: 20 });
    return { papers, load, loadPaths: LOAD_PATHS, page };
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  const options = parseOptions(process.argv.slice(2));
  if (!options) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  mkdirSync(options.work, { recursive: true });
  if (options.serverScale !== null) buildWebApp();

  const scales: ScaleResult[] = [];
  let server: ServerResult | null = null;
  for (const papers of options.scales) {
    scales.push(await measureScale(options, papers));
    if (papers === options.serverScale) server = await measureServer(options, papers);
  }

  const markdown = formatScaleReport({
    command: `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim().replace(/ --$/u, ""),
    date: new Date().toISOString().slice(0, 10),
    machine: describeMachine(),
    seed: options.seed,
    runs: options.runs,
    scales,
    server,
    elapsedSeconds: (performance.now() - startedAt) / 1000,
  });
  const section = options.scales.some((papers) => papers >= 1_000_000) ? "million-benchmark" : "scale-benchmark";
  writeBenchmarkSection(section, markdown);
  log(`wrote the ${section} section of docs/benchmarks.md`);
  process.stdout.write(`${markdown}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  process.stderr.write(`Benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
