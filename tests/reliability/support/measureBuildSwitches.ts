import type { IngestRun } from "./runIngestWithSummary";

/** The pino event the web server logs when it starts serving a database build. */
const SERVING_BUILD_MESSAGE = "serving database build";

/** Returns the epoch times, in milliseconds, of the server's "serving database build" events in `log`, oldest first. */
function readBuildSwitchTimes(log: string): number[] {
  return log
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as { msg?: unknown; time?: unknown })
    .filter((event) => event.msg === SERVING_BUILD_MESSAGE && typeof event.time === "number")
    .map((event) => event.time as number);
}

/**
 * Returns, for each ingest, the milliseconds from its exit to the first time
 * the server logged that it serves a new build after the ingest started, or
 * null when it logged none. The ingest renames its file before it exits, so
 * a server that switches at once gives a negative delay. Unlike the delay
 * until a request shows the new papers, this one leaves out the time the
 * request waits behind the load.
 */
export function measureBuildSwitches(log: string, runs: readonly IngestRun[]): (number | null)[] {
  const switches = readBuildSwitchTimes(log);
  return runs.map((run) => {
    const switchedAt = switches.find((time) => time >= run.startedAtEpochMs);
    return switchedAt === undefined ? null : switchedAt - run.exitedAtEpochMs;
  });
}
