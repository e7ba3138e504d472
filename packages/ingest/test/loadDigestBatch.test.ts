import { DuckDBInstance } from "@duckdb/node-api";
import { readRows } from "@alignment-trends/analytics";
import type { PaperRecord, RejectedRecord } from "@alignment-trends/schema";
import { describe, expect, test } from "vitest";
import { createPendingPapersTable } from "../src/database/createPendingPapersTable";
import { createSchema } from "../src/database/createSchema";
import { loadDigestBatch, type PreparedDigest } from "../src/database/loadDigestBatch";
import { refreshPendingPapers } from "../src/database/refreshPendingPapers";
import type { ParsedDigest } from "../src/formats/digestParser";
import { loadTaxonomy } from "../src/topics/loadTaxonomy";
import { compileTaxonomy } from "../src/topics/tagPaper";

const taxonomy = compileTaxonomy(loadTaxonomy());

function record(arxivId: string): PaperRecord {
  return {
    location: "index 0",
    arxivId,
    title: `Direct preference optimization study ${arxivId}`,
    abstract: "We study DPO for aligning language models with human preferences.",
    authors: ["Ada Lovelace"],
    authorsCount: 1,
    publishedOn: { date: "2025-03-01", precision: "day" },
    listedOn: "2025-03-02",
    upvotes: 3,
    comments: 0,
    codeUrl: null,
    links: [],
    projectPage: null,
    aiKeywords: ["DPO"],
    extra: null,
  };
}

function digest(records: PaperRecord[], rejects: RejectedRecord[] = []): ParsedDigest {
  async function* items() {
    for (const record of records) yield { record };
    for (const reject of rejects) yield { reject };
  }
  return { format: "hf-daily-api", digestDate: "2025-03-02", digestDateSource: "file name", items: items() };
}

function prepared(path: string, parsed: ParsedDigest): PreparedDigest {
  return { file: { path, contentHash: path }, format: parsed.format, priority: 50, replaces: [], parse: async () => parsed };
}

async function openDatabase() {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  await createSchema(connection);
  await createPendingPapersTable(connection);
  return connection;
}

describe("loadDigestBatch", () => {
  test("leaves papers pending until refreshed", async () => {
    const connection = await openDatabase();
    await loadDigestBatch(connection, [prepared("a.json", digest([record("2503.00001")]))], 1);
    expect(await readRows(connection, { sql: "SELECT paper_id FROM pending_papers" })).toEqual([{ paper_id: "2503.00001" }]);
    expect(await readRows(connection, { sql: "SELECT count(*)::INTEGER AS n FROM paper_topics" })).toEqual([{ n: 0 }]);

    expect((await refreshPendingPapers(connection, taxonomy)).tagged).toBe(1);

    expect(await readRows(connection, { sql: "SELECT scope FROM papers" })).toEqual([{ scope: "alignment" }]);
    const topics = await readRows(connection, { sql: "SELECT topic_id, evidence FROM paper_topics ORDER BY topic_id" });
    expect(topics).toEqual([
      {
        topic_id: "preference-optimization",
        evidence: ["dpo (keywords)", "direct preference optimization (title)", "preference optimization (title)", "dpo"],
      },
    ]);
    expect(await readRows(connection, { sql: "SELECT DISTINCT taxonomy_version FROM paper_topics" })).toEqual([{ taxonomy_version: taxonomy.version }]);
  });

  test("rolls the whole file back when a step fails", async () => {
    const connection = await openDatabase();
    await loadDigestBatch(connection, [prepared("a.json", digest([record("2503.00001")]))], 1);
    // Without the rejects table the last step of the load fails, after papers and sightings were written.
    await connection.run("DROP TABLE rejects");

    const failing = loadDigestBatch(
      connection,
      [prepared("b.json", digest([record("2503.00001"), record("2503.00002")], [{ location: "index 2", reason: "invalid field", detail: "x", raw: null }]))],
      2,
    );
    await expect(failing).rejects.toThrow(/rejects/u);

    expect(await readRows(connection, { sql: "SELECT paper_id FROM papers" })).toEqual([{ paper_id: "2503.00001" }]);
    expect(await readRows(connection, { sql: "SELECT count(*)::INTEGER AS n FROM sightings" })).toEqual([{ n: 1 }]);
    expect(await readRows(connection, { sql: "SELECT path FROM digests" })).toEqual([{ path: "a.json" }]);
  });
});
