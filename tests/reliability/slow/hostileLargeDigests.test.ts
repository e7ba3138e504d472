import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { HOSTILE_FIXTURES, prepareFixture } from "../../fixtures/hostile/manifest";
import { expectFixtureOutcome, readIngestResult, STACK_FRAME } from "../support/expectFixtureOutcome";
import { runMeasuredIngest } from "../support/runMeasuredIngest";

/** Bounds that catch unbounded growth on a shared two-core machine, not slowness. */
const MAX_PEAK_RSS_BYTES = 1.5 * 1024 ** 3;
const MAX_ELAPSED_MS = 120_000;

const slowFixtures = HOSTILE_FIXTURES.filter((fixture) => fixture.generated?.run === "slow");
let folder: string;

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), "hostile-large-digests-"));
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe("ingest CLI on 100 MiB hostile fixtures", () => {
  test.each(slowFixtures.map((fixture) => [fixture.file, fixture] as const))("%s in bounded time and memory", async (_, fixture) => {
    const file = prepareFixture(fixture, folder);
    const databasePath = path.join(folder, `${path.basename(file)}.duckdb`);
    try {
      const run = await runMeasuredIngest([file, "--db", databasePath, "--json"], MAX_ELAPSED_MS);
      console.info(`${fixture.file}: ${(run.elapsedMs / 1000).toFixed(1)} s, peak RSS ${Math.round((run.peakRssBytes ?? 0) / 1024 ** 2)} MiB`);

      expect(run.timedOut).toBe(false);
      expect(run.exitCode).toBe(fixture.expect.rejects.length > 0 ? 1 : 0);
      expect(run.stdout).not.toMatch(STACK_FRAME);
      expect(run.stderr).not.toMatch(STACK_FRAME);
      expect(run.peakRssBytes).not.toBeNull();
      expect(run.peakRssBytes!).toBeLessThan(MAX_PEAK_RSS_BYTES);
      expectFixtureOutcome(fixture, file, await readIngestResult(run, databasePath), "named");
    } finally {
      rmSync(file, { force: true });
    }
  });
});
