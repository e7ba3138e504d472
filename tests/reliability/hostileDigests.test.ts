import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { quoteIdentifier, type Row } from "@alignment-trends/analytics";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FIXTURE_FILES, HOSTILE_FIXTURES, prepareFixture, type HostileFixture } from "../fixtures/hostile/manifest";
import { writeGeneratedFixture } from "../fixtures/hostile/writeGeneratedFixture";
import { API_DAYS, REPOSITORY_ROOT } from "../support/paths";
import { expectFixtureOutcome, readIngestResult, STACK_FRAME, type IngestResult } from "./support/expectFixtureOutcome";
import { queryDatabase } from "./support/queryDatabase";
import { runMeasuredIngest, type CliRun } from "./support/runMeasuredIngest";

/** Bounds that catch unbounded growth on a shared two-core machine, not slowness. */
const MAX_PEAK_RSS_BYTES = 1.5 * 1024 ** 3;
const MAX_ELAPSED_MS = 120_000;

const sharedFixtures = HOSTILE_FIXTURES.filter((fixture) => fixture.generated === undefined || fixture.generated.run === "shared");
const aloneFixtures = HOSTILE_FIXTURES.filter((fixture) => fixture.generated?.run === "alone");
const committedFixtures = HOSTILE_FIXTURES.filter((fixture) => fixture.generated === undefined);

let folder: string;

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), "hostile-digests-"));
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

function expectNoStackTrace(run: CliRun): void {
  expect(run.stdout).not.toMatch(STACK_FRAME);
  expect(run.stderr).not.toMatch(STACK_FRAME);
}

describe("ingest CLI on every hostile fixture at once", () => {
  const files = new Map<HostileFixture, string>();
  const databasePath = () => path.join(folder, "shared.duckdb");
  let run: CliRun;
  let result: IngestResult;

  beforeAll(async () => {
    for (const fixture of sharedFixtures) files.set(fixture, prepareFixture(fixture, path.join(folder, "generated")));
    run = await runMeasuredIngest([...files.values(), "--db", databasePath(), "--json"]);
    result = await readIngestResult(run, databasePath());
  });

  test("exits 1 without a stack trace", () => {
    expect(run.timedOut).toBe(false);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe("");
    expectNoStackTrace(run);
  });

  test("counts every file in the summary", () => {
    const count = (status: string) => sharedFixtures.filter((fixture) => fixture.expect.status === status).length;
    expect(result.summary).toMatchObject({ files: sharedFixtures.length, loaded: count("loaded"), failed: count("failed"), skipped: 0, unchanged: 0 });
    expect(result.summary.rejected).toBe(sharedFixtures.reduce((total, fixture) => total + fixture.expect.rejects.length, 0));
    expect(result.rejects).toHaveLength(result.summary.rejected);
  });

  test.each(sharedFixtures.map((fixture) => [fixture.file, fixture] as const))("%s", (_, fixture) => {
    expectFixtureOutcome(fixture, files.get(fixture)!, result, "named");
  });

  test("lists the stored rejects with --rejects", async () => {
    const listed = await runMeasuredIngest(["--rejects", "--json", "--db", databasePath()]);
    expect(listed.exitCode).toBe(0);
    expectNoStackTrace(listed);
    const rows = JSON.parse(listed.stdout) as Row[];
    const key = (row: Row) => `${String(row.path)} ${String(row.location)} ${String(row.reason)}`;
    expect(rows.map(key).sort()).toEqual(result.rejects.map(key).sort());
  });
});

describe("ingest CLI on the fixture folder", () => {
  test("skips files of no known format", async () => {
    const databasePath = path.join(folder, "folder.duckdb");
    const run = await runMeasuredIngest([FIXTURE_FILES, "--db", databasePath, "--json"]);
    const result = await readIngestResult(run, databasePath);

    expect(run.exitCode).toBe(1);
    expectNoStackTrace(run);
    const skipped = committedFixtures.filter((fixture) => fixture.expect.statusInFolder === "skipped");
    expect(result.summary).toMatchObject({ files: committedFixtures.length, skipped: skipped.length });
    for (const fixture of committedFixtures) expectFixtureOutcome(fixture, path.join(FIXTURE_FILES, fixture.file), result, "in folder");
  });
});

describe("ingest CLI on large hostile fixtures", () => {
  test.each(aloneFixtures.map((fixture) => [fixture.file, fixture] as const))("%s in bounded time and memory", async (_, fixture) => {
    const file = prepareFixture(fixture, path.join(folder, "large"));
    const databasePath = path.join(folder, `${path.basename(file)}.duckdb`);
    try {
      const run = await runMeasuredIngest([file, "--db", databasePath, "--json"], MAX_ELAPSED_MS);
      console.info(`${fixture.file}: ${(run.elapsedMs / 1000).toFixed(1)} s, peak RSS ${Math.round((run.peakRssBytes ?? 0) / 1024 ** 2)} MiB`);

      expect(run.timedOut).toBe(false);
      expect(run.exitCode).toBe(fixture.expect.rejects.length > 0 ? 1 : 0);
      expectNoStackTrace(run);
      expect(run.peakRssBytes).not.toBeNull();
      expect(run.peakRssBytes!).toBeLessThan(MAX_PEAK_RSS_BYTES);
      expectFixtureOutcome(fixture, file, await readIngestResult(run, databasePath), "named");
    } finally {
      rmSync(file, { force: true });
    }
  });
});

/** Tables that a failed file must leave exactly as they were. */
const PAPER_TABLES = ["papers", "sightings", "paper_topics", "paper_terms", "paper_scopes", "term_months"];

/** Returns each paper table's row count and an order-independent checksum of its rows. */
async function snapshotPaperTables(databasePath: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (const table of PAPER_TABLES) {
    const sql = `SELECT $table AS name, count(*)::INTEGER AS rows, coalesce(sum(hash(t::VARCHAR)), 0)::VARCHAR AS checksum FROM ${quoteIdentifier(table)} t`;
    rows.push(...(await queryDatabase(databasePath, sql, { table })));
  }
  return rows;
}

describe("ingest CLI on files that fail", () => {
  test("leaves the database as it was", async () => {
    const databasePath = path.join(folder, "failures.duckdb");
    const apiDay = path.join(API_DAYS, "2024-05-27.json.gz");
    const replaced = path.join(folder, "failures", "papers_list.csv");
    mkdirSync(path.dirname(replaced), { recursive: true });
    writeFileSync(replaced, "date,title,url\n2025-01-02,An earlier version that loaded,https://arxiv.org/abs/2501.24001\n");
    const first = await runMeasuredIngest([apiDay, replaced, "--db", databasePath, "--json"]);
    expect(first.exitCode).toBe(0);
    const tablesBefore = await snapshotPaperTables(databasePath);
    const papersBefore = await queryDatabase(databasePath, "SELECT * FROM papers ORDER BY paper_id");
    const digestsBefore = await queryDatabase(databasePath, "SELECT digest_id, path, status FROM digests ORDER BY digest_id");

    // A new version of a loaded file that breaks mid-stream, and every committed fixture that fails as a whole.
    writeGeneratedFixture("invalid-utf8-mid-stream", replaced, 0);
    const failing = committedFixtures.filter((fixture) => fixture.expect.status === "failed").map((fixture) => path.join(FIXTURE_FILES, fixture.file));
    const run = await runMeasuredIngest([replaced, ...failing, "--db", databasePath, "--json"]);
    const result = await readIngestResult(run, databasePath);

    expect(run.exitCode).toBe(1);
    expectNoStackTrace(run);
    expect(result.summary).toMatchObject({ files: failing.length + 1, loaded: 0, failed: failing.length + 1, replaced: 0 });
    expect(await snapshotPaperTables(databasePath)).toEqual(tablesBefore);
    expect(await queryDatabase(databasePath, "SELECT * FROM papers ORDER BY paper_id")).toEqual(papersBefore);
    const digestsAfter = await queryDatabase(databasePath, "SELECT digest_id, path, status FROM digests ORDER BY digest_id");
    expect(digestsAfter.slice(0, digestsBefore.length)).toEqual(digestsBefore);
    expect(digestsAfter.slice(digestsBefore.length).map((row) => row.status)).toEqual(Array.from({ length: failing.length + 1 }, () => "failed"));
    expect(result.rejects).toHaveLength(failing.length + 1);
    for (const reject of result.rejects) {
      expect(reject.location).toBe("file");
      expect(reject.reason).toBe("unreadable digest");
      expect(String(reject.detail).startsWith(`${path.resolve(REPOSITORY_ROOT, String(reject.path))}: `)).toBe(true);
    }
    const replacedReject = result.rejects.find((reject) => path.resolve(REPOSITORY_ROOT, String(reject.path)) === replaced);
    expect(replacedReject!.detail).toBe(`${replaced}: invalid UTF-8 at byte 363923 (line 5002); save the digest as UTF-8 and ingest it again`);
  });
});
