import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { PINNED_TODAY } from "../support/paths";
import { chooseCrashInputs } from "./support/crashInputs";
import { lineStarting } from "./support/ingestStage";
import { snapshotDatabase, type DatabaseSnapshot } from "./support/snapshotDatabase";
import { runIngestCli, startIngestCli, type IngestExit, type IngestProcess } from "./support/startIngestCli";

const inputs = chooseCrashInputs();
let folder: string;
let databasePath: string;
let caseNumber = 0;
/** The content after the first digests and then the second, ingested one after the other. */
let firstThenSecond: DatabaseSnapshot;

function ingestArgs(digests: string[], ...options: string[]): string[] {
  return [...digests, "--db", databasePath, "--as-of", PINNED_TODAY, ...options];
}

/** Ingests this file started, so that a failed test leaves none of them paused. */
const started: IngestProcess[] = [];

/** Starts an ingest and pauses it with SIGSTOP once it has the lock, so the lock stays taken however fast the machine is. */
async function startPausedHolder(digests: string[]): Promise<IngestProcess> {
  const holder = startIngestCli(ingestArgs(digests, "--verbose"));
  started.push(holder);
  await holder.waitForLine(lineStarting("working copy"));
  holder.child.kill("SIGSTOP");
  return holder;
}

function expectNoStackTrace(exit: IngestExit): void {
  expect(exit.stderr).not.toMatch(/^\s+at /mu);
}

/** Ingests each list of digests in turn into a new database at `referencePath` and returns its content. */
async function ingestInOrder(referencePath: string, digestLists: string[][]): Promise<DatabaseSnapshot> {
  for (const digests of digestLists) {
    const exit = await runIngestCli([...digests, "--db", referencePath, "--as-of", PINNED_TODAY]);
    expect(exit.code, exit.stderr).toBeLessThanOrEqual(1);
  }
  return snapshotDatabase(referencePath, { stableOnly: true });
}

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), "concurrent-ingest-"));
  firstThenSecond = await ingestInOrder(path.join(folder, "first-then-second.duckdb"), [inputs.first, inputs.second]);
});

beforeEach(() => {
  caseNumber += 1;
  databasePath = path.join(folder, `case-${caseNumber}`, "trends.duckdb");
  mkdirSync(path.dirname(databasePath));
});

afterEach(() => {
  for (const ingest of started.splice(0)) if (ingest.child.exitCode === null && ingest.child.signalCode === null) ingest.child.kill("SIGKILL");
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe("two ingests into one database", () => {
  test("second stops naming the lock, then loads", async () => {
    const holder = await startPausedHolder(inputs.first);
    const second = await runIngestCli(ingestArgs(inputs.second));
    holder.child.kill("SIGCONT");
    const first = await holder.exited;

    expect(second.code).toBe(2);
    expect(second.stdout).toBe("");
    expect(second.stderr).toMatch(
      new RegExp(
        `^Another ingest \\(process ${holder.child.pid}, started \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\) is writing ${databasePath} and holds the lock ${databasePath}\\.lock\\. ` +
          `Run this one again when it finishes\\. If process ${holder.child.pid} is not an ingest, delete ${databasePath}\\.lock\\.\\n` +
          "To wait for it instead, add --wait SECONDS\\.\\n$",
        "u",
      ),
    );
    expectNoStackTrace(second);
    expect(first.code).toBeLessThanOrEqual(1);

    const rerun = await runIngestCli(ingestArgs(inputs.second));
    expect(rerun.code).toBeLessThanOrEqual(1);
    expect(await snapshotDatabase(databasePath, { stableOnly: true })).toEqual(firstThenSecond);
    expect(readdirSync(path.dirname(databasePath))).toEqual(["trends.duckdb"]);
  });

  test("second waits with --wait, then loads", async () => {
    const holder = await startPausedHolder(inputs.first);
    const second = startIngestCli(ingestArgs(inputs.second, "--wait", "600"));
    const waiting = await second.waitForLine(/^Waiting for /u);
    holder.child.kill("SIGCONT");
    const [first, secondExit] = await Promise.all([holder.exited, second.exited]);

    expect(waiting).toMatch(
      new RegExp(`^Waiting for the ingest \\(process ${holder.child.pid}, started [^)]+\\) to finish writing ${databasePath}; giving up in 600 s$`, "u"),
    );
    expect(first.code).toBeLessThanOrEqual(1);
    expect(secondExit.code).toBeLessThanOrEqual(1);
    expectNoStackTrace(secondExit);
    expect(await snapshotDatabase(databasePath, { stableOnly: true })).toEqual(firstThenSecond);
    expect(readdirSync(path.dirname(databasePath))).toEqual(["trends.duckdb"]);
  });

  test("--wait gives up after its timeout", async () => {
    const holder = await startPausedHolder(inputs.first);
    const second = await runIngestCli(ingestArgs(inputs.second, "--wait", "1"));
    holder.child.kill("SIGKILL");
    await holder.exited;

    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/^Waiting for the ingest \(process \d+, started [^)]+\) to finish writing .*; giving up in 1 s\n/u);
    expect(second.stderr).toContain(`Timed out after 1 s: another ingest (process ${holder.child.pid}, started `);
    expect(second.stderr).not.toContain("add --wait SECONDS");
    expectNoStackTrace(second);
  });

  test("both started at once lose nothing", async () => {
    const first = startIngestCli(ingestArgs(inputs.first));
    const second = startIngestCli(ingestArgs(inputs.second));
    const [firstExit, secondExit] = await Promise.all([first.exited, second.exited]);
    const endedAt = (ingest: IngestProcess, exit: IngestExit) => ingest.startedAt + exit.elapsedMs;

    console.log(`started at once: exit ${firstExit.code} and ${secondExit.code}`);
    expect([firstExit.code, secondExit.code].filter((code) => code === 2).length).toBeLessThanOrEqual(1);
    expectNoStackTrace(firstExit);
    expectNoStackTrace(secondExit);
    // The one that stopped at the lock runs again after the other, as its message instructs.
    const firstWentFirst = secondExit.code === 2 || (firstExit.code !== 2 && endedAt(first, firstExit) < endedAt(second, secondExit));
    if (firstExit.code === 2) expect((await runIngestCli(ingestArgs(inputs.first))).code).toBeLessThanOrEqual(1);
    if (secondExit.code === 2) expect((await runIngestCli(ingestArgs(inputs.second))).code).toBeLessThanOrEqual(1);

    const expected = firstWentFirst ? firstThenSecond : await ingestInOrder(path.join(folder, "second-then-first.duckdb"), [inputs.second, inputs.first]);
    expect(await snapshotDatabase(databasePath, { stableOnly: true })).toEqual(expected);
    expect(readdirSync(path.dirname(databasePath))).toEqual(["trends.duckdb"]);
  });
});
