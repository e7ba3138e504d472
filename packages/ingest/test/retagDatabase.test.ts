import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { readRows } from "@alignment-trends/analytics";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { ingestDigests } from "../src/ingestDigests";
import { retagDatabase } from "../src/retagDatabase";
import { DEFAULT_TAXONOMY_PATH } from "../src/topics/loadTaxonomy";
import { SEED_PAGE } from "./sharedData";

let folder: string;
let databasePath: string;

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), "retag-test-"));
  databasePath = path.join(folder, "trends.duckdb");
});

afterEach(() => rmSync(folder, { recursive: true, force: true }));

async function query(sql: string, params?: Record<string, string>) {
  const instance = await DuckDBInstance.create(databasePath, { access_mode: "READ_ONLY" });
  const connection = await instance.connect();
  try {
    return await readRows(connection, { sql, params });
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe("retagDatabase", () => {
  test("applies a changed taxonomy without reading digests", async () => {
    await ingestDigests({ inputs: [SEED_PAGE], databasePath, today: "2026-12-04" });
    const [before] = await query("SELECT count(*)::INTEGER AS n FROM paper_topics WHERE topic_id = 'theory-evaluation'");
    expect(before!.n).toBeGreaterThan(0);

    // The changed taxonomy never applies theory-evaluation and has a new version.
    const taxonomy = JSON.parse(readFileSync(DEFAULT_TAXONOMY_PATH, "utf8")) as { version: string; topics: { id: string; rules: { minScore: number } }[] };
    taxonomy.version = "test-2";
    taxonomy.topics.find((topic) => topic.id === "theory-evaluation")!.rules.minScore = 1000;
    const taxonomyPath = path.join(folder, "taxonomy.json");
    writeFileSync(taxonomyPath, JSON.stringify(taxonomy));

    const summary = await retagDatabase({ databasePath, taxonomyPath });

    expect(summary).toMatchObject({ papers: 30, taxonomyVersion: "test-2", scopeChanges: 0, topicsAdded: 0, topicsRemoved: before!.n });
    expect(await query("SELECT count(*)::INTEGER AS n FROM paper_topics WHERE topic_id = 'theory-evaluation'")).toEqual([{ n: 0 }]);
    expect(await query("SELECT DISTINCT taxonomy_version FROM paper_topics")).toEqual([{ taxonomy_version: "test-2" }]);
    expect(await query("SELECT taxonomy_version FROM build_info")).toEqual([{ taxonomy_version: "test-2" }]);
    expect(await query("SELECT count(*)::INTEGER AS n FROM sightings")).toEqual([{ n: 30 }]);
    expect(await query("SELECT rules->>'minScore' AS min_score FROM topics WHERE topic_id = 'theory-evaluation'")).toEqual([{ min_score: "1000" }]);
  });

  test("applies a new override", async () => {
    await ingestDigests({ inputs: [SEED_PAGE], databasePath, today: "2026-12-04" });
    const [paper] = await query("SELECT paper_id FROM papers WHERE title LIKE 'Semi-Supervised Unconstrained Head Pose%'");
    const overridesPath = path.join(folder, "overrides.json");
    writeFileSync(
      overridesPath,
      JSON.stringify({
        overrides: [{ paperId: paper!.paper_id, scope: "other-alignment", reason: "Head pose alignment, reviewed for a test.", reviewedBy: "test", reviewedOn: "2026-12-04" }],
      }),
    );

    const summary = await retagDatabase({ databasePath, overridesPath });

    expect(summary.scopeChanges).toBe(1);
    expect(await query("SELECT scope, evidence FROM paper_scopes WHERE paper_id = $id", { id: String(paper!.paper_id) })).toEqual([
      { scope: "other-alignment", evidence: ["override: Head pose alignment, reviewed for a test."] },
    ]);
  });

  test("reports a missing database", async () => {
    await expect(retagDatabase({ databasePath })).rejects.toThrow(`No database at ${databasePath}`);
  });
});
