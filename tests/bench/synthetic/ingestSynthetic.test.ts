import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readRows, type Row } from "@alignment-trends/analytics";
import { ingestDigests } from "@alignment-trends/ingest";
import type { IngestSummary } from "@alignment-trends/schema";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PINNED_TODAY } from "../../support/paths";
import { generateDigests, type GenerateSummary } from "./generateDigests";

/** Papers of the test set; a repeat share far above the real one makes sure several papers are listed twice. */
const PAPERS = 1500;
const RELIST_SHARE = 0.02;

let folder: string;
let databasePath: string;
let generated: GenerateSummary;
let ingested: IngestSummary;

async function query(sql: string): Promise<Row[]> {
  const instance = await DuckDBInstance.create(databasePath, { access_mode: "READ_ONLY" });
  const connection = await instance.connect();
  try {
    return await readRows(connection, { sql });
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), "synthetic-ingest-"));
  databasePath = path.join(folder, "synthetic.duckdb");
  const digests = path.join(folder, "digests");
  generated = await generateDigests({ papers: PAPERS, seed: 11, outDir: digests, relistShare: RELIST_SHARE });
  ingested = await ingestDigests({ inputs: [digests], databasePath, today: PINNED_TODAY });
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe("ingest of synthetic digests", () => {
  test("loads every file without rejects", () => {
    expect(ingested.files).toBe(generated.files);
    expect(ingested.loaded).toBe(generated.files);
    expect(ingested.failed).toBe(0);
    expect(ingested.rejected).toBe(0);
    expect(ingested.parsed).toBe(generated.entries);
  });

  test("holds each distinct paper once", async () => {
    expect(ingested.totalPapers).toBe(generated.distinctPapers);
    const [counts] = await query(
      "SELECT count(arxiv_id)::INTEGER AS with_id, count(*) FILTER (WHERE arxiv_id IS NULL)::INTEGER AS title_only, count(DISTINCT title_key)::INTEGER AS titles FROM papers",
    );
    expect(counts).toEqual({ with_id: PAPERS, title_only: generated.pageOnlyPapers, titles: generated.distinctPapers });
  });

  test("merges repeat listings into one paper", async () => {
    expect(generated.relistedEntries).toBeGreaterThan(5);
    const [repeats] = await query(
      `SELECT count(*) FILTER (WHERE api_sightings = 2 AND listed_days = 2)::INTEGER AS listed_twice, max(api_sightings)::INTEGER AS most
      FROM (
        SELECT paper_id, count(*) AS api_sightings, count(DISTINCT listed_on) AS listed_days
        FROM sightings JOIN digests USING (digest_id) WHERE digests.format = 'hf-daily-api' GROUP BY paper_id
      )`,
    );
    expect(repeats).toEqual({ listed_twice: generated.relistedEntries, most: 2 });
  });

  test("merges page cards into listed papers", async () => {
    const [pages] = await query(
      `SELECT count(*)::INTEGER AS cards, count(*) FILTER (WHERE p.arxiv_id IS NOT NULL)::INTEGER AS listed
      FROM sightings s JOIN digests d USING (digest_id) JOIN papers p USING (paper_id) WHERE d.format = 'hf-papers-page'`,
    );
    expect(pages).toEqual({ cards: generated.pageCards, listed: generated.pageCards - generated.pageOnlyPapers });
  });

  test("tags scopes and topics as generated", async () => {
    const scopes = await query("SELECT scope, count(*)::INTEGER AS papers FROM papers GROUP BY scope");
    const topics = await query("SELECT topic_id, count(*)::INTEGER AS papers FROM paper_topics GROUP BY topic_id");
    expect(Object.fromEntries(scopes.map((row) => [row.scope, row.papers]))).toEqual(generated.scopes);
    expect(Object.fromEntries(topics.map((row) => [row.topic_id, row.papers]))).toEqual(generated.topics);
  });
});
