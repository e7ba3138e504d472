import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { acquireIngestLock, IngestLockedError } from "../src/database/acquireIngestLock";
import { readProcessStartTime } from "../src/database/readProcessStartTime";

const execFileAsync = promisify(execFile);

let folder: string;
let databasePath: string;
let lockPath: string;

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), "ingest-lock-test-"));
  databasePath = path.join(folder, "trends.duckdb");
  lockPath = `${databasePath}.lock`;
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

function writeLock(holder: Record<string, unknown>): void {
  writeFileSync(lockPath, JSON.stringify(holder));
}

describe("acquireIngestLock", () => {
  test("writes its holder in full", async () => {
    const release = await acquireIngestLock(databasePath);
    const holder = JSON.parse(readFileSync(lockPath, "utf8"));
    expect(holder.pid).toBe(process.pid);
    expect(holder.processStart).toBe(readProcessStartTime(process.pid));
    expect(holder.token).toMatch(/^[0-9a-f-]{36}$/u);
    release();
    expect(readdirSync(folder)).toEqual([]);
  });

  test("stops at once while a running ingest holds it", async () => {
    const release = await acquireIngestLock(databasePath);
    const holder = JSON.parse(readFileSync(lockPath, "utf8"));
    const error = await acquireIngestLock(databasePath).catch((caught: unknown) => caught);
    release();
    expect(error).toBeInstanceOf(IngestLockedError);
    expect((error as IngestLockedError).waited).toBe(false);
    expect((error as Error).message).toBe(
      `Another ingest (process ${process.pid}, started ${holder.startedAt}) is writing ${databasePath} and holds the lock ${lockPath}. ` +
        `Run this one again when it finishes. If process ${process.pid} is not an ingest, delete ${lockPath}.`,
    );
  });

  test("waits until the holder releases it", async () => {
    const release = await acquireIngestLock(databasePath);
    const holder = JSON.parse(readFileSync(lockPath, "utf8"));
    const lines: string[] = [];
    setTimeout(release, 500);
    const releaseSecond = await acquireIngestLock(databasePath, { lockWaitMs: 20_000, onLockWait: (line) => lines.push(line) });
    expect(JSON.parse(readFileSync(lockPath, "utf8")).token).not.toBe(holder.token);
    releaseSecond();
    expect(lines).toEqual([
      `Waiting for the ingest (process ${process.pid}, started ${holder.startedAt}) to finish writing ${databasePath}; giving up in 20 s`,
    ]);
  });

  test("times out naming the holder", async () => {
    writeLock({ pid: process.pid, startedAt: "2026-12-04T00:00:00Z" });
    const error = await acquireIngestLock(databasePath, { lockWaitMs: 300 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IngestLockedError);
    expect((error as IngestLockedError).waited).toBe(true);
    expect((error as Error).message).toMatch(
      /^Timed out after 0\.3 s: another ingest \(process \d+, started 2026-12-04T00:00:00Z\) is writing /u,
    );
  });

  test("takes over the lock of a process that ended", async () => {
    writeLock({ pid: 2 ** 22 + 12345, startedAt: "2026-12-04T00:00:00Z" });
    const release = await acquireIngestLock(databasePath);
    expect(JSON.parse(readFileSync(lockPath, "utf8")).pid).toBe(process.pid);
    release();
  });

  test.skipIf(readProcessStartTime(process.pid) === null)("takes over a lock whose process id was reused", async () => {
    writeLock({ pid: process.pid, startedAt: "2026-12-04T00:00:00Z", processStart: "1" });
    const release = await acquireIngestLock(databasePath);
    expect(JSON.parse(readFileSync(lockPath, "utf8")).processStart).toBe(readProcessStartTime(process.pid));
    release();
  });

  test("takes over a lock that names no process", async () => {
    writeFileSync(lockPath, "");
    const release = await acquireIngestLock(databasePath);
    expect(JSON.parse(readFileSync(lockPath, "utf8")).pid).toBe(process.pid);
    release();
    expect(readdirSync(folder)).toEqual([]);
  });

  test("keeps a successor's lock on release", async () => {
    const release = await acquireIngestLock(databasePath);
    const successor = JSON.stringify({ pid: process.pid, startedAt: "2026-12-05T00:00:00Z", token: "successor" });
    writeFileSync(lockPath, successor);
    release();
    expect(readFileSync(lockPath, "utf8")).toBe(successor);
  });
});

describe("acquireIngestLock across processes", () => {
  const HOLDER = path.join(import.meta.dirname, "holdIngestLock.ts");

  /** Starts `count` processes that all try to take the lock at one moment, and returns what each printed. */
  async function raceForLock(count: number): Promise<string[]> {
    const startAt = Date.now() + 6_000;
    const runs = Array.from({ length: count }, () => execFileAsync(process.execPath, ["--import", "tsx", HOLDER, databasePath, String(startAt), "1500"]));
    return (await Promise.all(runs)).map((run) => run.stdout.trim());
  }

  /** Asserts that some process held the lock and that no two held it at once. */
  function expectOneHolderAtATime(outputs: string[]): void {
    const held = outputs
      .filter((output) => output.startsWith("held "))
      .map((output) => output.split(" ").slice(1).map(Number) as [number, number])
      .sort((a, b) => a[0] - b[0]);
    expect(outputs.filter((output) => output !== "locked" && !output.startsWith("held "))).toEqual([]);
    expect(held.length).toBeGreaterThanOrEqual(1);
    for (const [index, [from]] of held.entries()) if (index > 0) expect(from).toBeGreaterThanOrEqual(held[index - 1]![1]);
  }

  test.each([
    { case: "no lock", lock: null },
    { case: "a stale lock", lock: JSON.stringify({ pid: 2 ** 22 + 999, startedAt: "2026-12-04T00:00:00Z" }) },
    { case: "an empty lock", lock: "" },
  ])("lets one of six racers hold it, from $case", async ({ lock }) => {
    if (lock !== null) writeFileSync(lockPath, lock);
    expectOneHolderAtATime(await raceForLock(6));
    expect(readdirSync(folder)).toEqual([]);
  }, 60_000);
});
