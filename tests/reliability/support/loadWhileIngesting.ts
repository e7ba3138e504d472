import { setTimeout as sleep } from "node:timers/promises";
import { runHttpLoad, type HttpLoadResult } from "../../bench/measure/runHttpLoad";
import { readPaperTotal } from "./readPaperTotal";
import { runIngestWithSummary, type IngestRun } from "./runIngestWithSummary";

/** A load on a running server with ingests into its database file while the load runs. */
export interface IngestUnderLoadPlan {
  baseUrl: string;
  paths: readonly string[];
  connections: number;
  /**
   * How long one response may take before it counts as a timeout, in
   * seconds. It is there to catch a request that never completes; slow
   * responses show in the latency figures.
   */
  timeoutSeconds: number;
  /** The database file the server reads and the ingests replace. */
  databasePath: string;
  /** The inputs of each ingest, run one after the other. */
  ingests: readonly (readonly string[])[];
  /** Seconds of load before the first ingest starts. */
  warmUpSeconds: number;
  /** Seconds of load after the last ingest's papers are served. */
  coolDownSeconds: number;
  /** The minimum duration of the load, in seconds. The load runs longer when the ingests need it. */
  minimumSeconds?: number;
  /**
   * Seconds from the first ingest's start during which an ingest is always
   * running. When the ingests end sooner, their inputs load again with
   * `--reload`, in turn, until the span has passed.
   */
  ingestingSeconds?: number;
}

/** One ingest of a plan and how soon the server served its papers. */
export interface ServedIngest {
  run: IngestRun;
  /** The number of papers the server served just before the ingest started. */
  totalBefore: number;
  /**
   * Milliseconds from the ingest's exit to the first response whose total is
   * the ingest's `totalPapers`, or null when none came within
   * `NEW_DATA_TIMEOUT_MS`.
   */
  newDataDelayMs: number | null;
  /** The `performance.now()` time of that first response, or null. */
  servedAt: number | null;
}

export interface IngestUnderLoadResult {
  load: HttpLoadResult;
  ingests: ServedIngest[];
  /** The `--reload` runs that kept an ingest running for `ingestingSeconds`, in order. */
  reloads: IngestRun[];
  /** Milliseconds from the first ingest's start to the last run's exit. */
  ingestingMs: number;
  /** The error messages of the probe requests, which read the number of papers served, that failed. */
  probeFailures: string[];
}

/** The maximum duration of the load, in seconds, which the plan stops far earlier. */
const MAX_LOAD_SECONDS = 900;
/** How long to wait for an ingest's papers before recording them as never served; far above the 5 s the tests require. */
const NEW_DATA_TIMEOUT_MS = 30_000;
const PROBE_INTERVAL_MS = 50;

/** Polls the number of papers served until it is `expected` and returns the milliseconds since `since`, or null after the timeout. */
async function waitForTotal(baseUrl: string, expected: number, since: number, probeFailures: string[]): Promise<number | null> {
  while (performance.now() - since < NEW_DATA_TIMEOUT_MS) {
    try {
      if ((await readPaperTotal(baseUrl)) === expected) return performance.now() - since;
    } catch (error) {
      probeFailures.push((error as Error).message);
    }
    await sleep(PROBE_INTERVAL_MS);
  }
  return null;
}

async function runIngests(plan: IngestUnderLoadPlan, probeFailures: string[]) {
  const startedAt = performance.now();
  const served: ServedIngest[] = [];
  for (const inputs of plan.ingests) {
    const totalBefore = await readPaperTotal(plan.baseUrl);
    const run = await runIngestWithSummary(inputs, plan.databasePath);
    const newDataDelayMs = await waitForTotal(plan.baseUrl, run.summary.totalPapers, run.exitedAt, probeFailures);
    served.push({ run, totalBefore, newDataDelayMs, servedAt: newDataDelayMs === null ? null : run.exitedAt + newDataDelayMs });
  }

  // A reload changes no figure, so there is no new total to wait for; each one still replaces the served file.
  const reloads: IngestRun[] = [];
  const ingestingUntil = startedAt + (plan.ingestingSeconds ?? 0) * 1000;
  while (performance.now() < ingestingUntil) {
    const inputs = plan.ingests[reloads.length % plan.ingests.length]!;
    reloads.push(await runIngestWithSummary([...inputs, "--reload"], plan.databasePath));
  }
  return { served, reloads, ingestingMs: performance.now() - startedAt };
}

/**
 * Loads the server with `connections` keep-alive connections over `paths`
 * and, after the warm-up, runs each ingest of the plan in turn. After each
 * ingest exits, it polls the number of papers served every 50 ms until it
 * is the ingest's `totalPapers`. Reloads then keep an ingest running until
 * `ingestingSeconds` have passed. The load stops `coolDownSeconds` after
 * the last run, and not before `minimumSeconds`.
 */
export async function loadWhileIngesting(plan: IngestUnderLoadPlan): Promise<IngestUnderLoadResult> {
  const startedAt = performance.now();
  const stopLoad = new AbortController();
  const loadRun = runHttpLoad({
    baseUrl: plan.baseUrl,
    paths: [...plan.paths],
    connections: plan.connections,
    durationSeconds: MAX_LOAD_SECONDS,
    timeoutSeconds: plan.timeoutSeconds,
    signal: stopLoad.signal,
  });

  const probeFailures: string[] = [];
  let ingests: Awaited<ReturnType<typeof runIngests>>;
  try {
    await sleep(plan.warmUpSeconds * 1000);
    ingests = await runIngests(plan, probeFailures);
    await sleep(plan.coolDownSeconds * 1000);
    const remainingMs = (plan.minimumSeconds ?? 0) * 1000 - (performance.now() - startedAt);
    if (remainingMs > 0) await sleep(remainingMs);
  } catch (error) {
    // Stop the load before reporting, so that no request keeps the server busy after the test failed.
    stopLoad.abort();
    await loadRun.catch(() => undefined);
    throw error;
  }
  stopLoad.abort();
  return { load: await loadRun, ingests: ingests.served, reloads: ingests.reloads, ingestingMs: ingests.ingestingMs, probeFailures };
}
