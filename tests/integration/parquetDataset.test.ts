import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  exportParquetDataset,
  getAuthorTrends,
  getCodeTrends,
  getTopicTrends,
  getUpvoteTrends,
  LEFT_OUT_TABLES,
  readRows,
  type Row,
} from "@alignment-trends/analytics";
import { TrendFilterSchema, type DatasetManifest } from "@alignment-trends/schema";
import type { DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { withSamples } from "../support/openSamples";

const noFilter = TrendFilterSchema.parse({});

let folder: string;
let dataset: string;
let manifest: DatasetManifest;

/** Returns `SELECT select FROM <exported table> rest`, the table read with hive partitioning through the samples connection. */
function readTable(connection: DuckDBConnection, name: string, select = "*", rest = ""): Promise<Row[]> {
  const entry = manifest.tables.find((table) => table.name === name);
  const pattern = entry?.partitionColumn ? "**/*.parquet" : "*.parquet";
  return readRows(connection, {
    sql: `SELECT ${select} FROM read_parquet($files, hive_partitioning = true) ${rest}`,
    params: { files: path.join(dataset, name, pattern) },
  });
}

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), "alignment-trends-dataset-"));
  dataset = path.join(folder, "dataset");
  const result = await exportParquetDataset({ databasePath: inject("samplesDatabase"), outputFolder: dataset, overwrite: false, command: "test" });
  manifest = result.manifest;
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe("Parquet dataset of the bundled samples", () => {
  test("exports every table and column the ingest writes", async () => {
    const columns = await withSamples((connection) =>
      readRows(connection, {
        sql: "SELECT table_name, list(column_name ORDER BY column_index) AS columns FROM duckdb_columns() WHERE database_name = current_database() GROUP BY table_name ORDER BY table_name",
      }),
    );
    const leftOut = LEFT_OUT_TABLES.map((table) => table.name);
    for (const { table_name: table, columns: databaseColumns } of columns) {
      if (leftOut.includes(String(table))) continue;
      const entry = manifest.tables.find((candidate) => candidate.name === table);
      const exported = entry?.columns.map((column) => column.name).filter((name) => name !== "month" || entry.partitionColumn === null);
      expect(exported, String(table)).toEqual(databaseColumns);
    }
  });

  test("has as many rows as the database", async () => {
    await withSamples(async (connection) => {
      for (const table of ["papers", "sightings", "paper_topics", "paper_scopes", "topics", "digests", "build_info"]) {
        const [expected] = await readRows(connection, { sql: `SELECT count(*) AS n FROM ${table}` });
        const [exported] = await readTable(connection, table, "count(*) AS n");
        expect(exported, table).toEqual(expected);
        expect(manifest.tables.find((entry) => entry.name === table)?.rows, table).toBe(expected?.n);
      }
    });
    expect(manifest.tables.find((entry) => entry.name === "papers")?.rows).toBe(3382);
  });

  test("round-trips papers and sightings exactly", async () => {
    const differences = await withSamples((connection) =>
      readRows(connection, {
        sql: `SELECT
          (SELECT count(*) FROM (SELECT * EXCLUDE (month) FROM read_parquet($papers, hive_partitioning = true) EXCEPT ALL SELECT * FROM papers)) AS papers_extra,
          (SELECT count(*) FROM (SELECT * FROM papers EXCEPT ALL SELECT * EXCLUDE (month) FROM read_parquet($papers, hive_partitioning = true))) AS papers_missing,
          (SELECT count(*) FROM (SELECT * EXCLUDE (month) FROM read_parquet($sightings, hive_partitioning = true)
             EXCEPT ALL SELECT * REPLACE (extra::VARCHAR AS extra) FROM sightings)) AS sightings_extra`,
        params: { papers: path.join(dataset, "papers", "**", "*.parquet"), sightings: path.join(dataset, "sightings", "**", "*.parquet") },
      }),
    );
    expect(differences).toEqual([{ papers_extra: 0, papers_missing: 0, sightings_extra: 0 }]);
  });

  test("monthly aggregates equal the dashboard's charts", async () => {
    await withSamples(async (connection) => {
      const topics = await getTopicTrends(connection, noFilter, "month");
      const code = await getCodeTrends(connection, noFilter, "month");
      const authors = await getAuthorTrends(connection, noFilter, "month");
      const upvotes = await getUpvoteTrends(connection, noFilter, "month");
      const summary = await readTable(connection, "monthly_summary", "*", "ORDER BY month");

      expect(summary.map((row) => row.month)).toEqual(topics.points.map((point) => point.label));
      expect(summary.map((row) => [row.papers, row.alignment_papers])).toEqual(topics.points.map((point) => [point.papers, point.alignmentPapers]));
      expect(summary.map((row) => [row.papers_with_code, row.code_share === null ? null : Math.round(Number(row.code_share) * 10_000) / 10_000])).toEqual(
        code.map((point) => [point.withCode, point.codeShare]),
      );
      expect(
        summary.map((row) => [row.papers_with_author_count, row.mean_authors === null ? null : Math.round(Number(row.mean_authors) * 100) / 100, row.median_authors]),
      ).toEqual(authors.map((point) => [point.papersWithAuthorCount, point.meanAuthors, point.medianAuthors]));
      expect(summary.map((row) => [row.total_upvotes, row.median_upvotes, row.max_upvotes])).toEqual(
        upvotes.map((point) => [point.totalUpvotes, point.medianUpvotes, point.maxUpvotes]),
      );

      const topicRows = await readTable(connection, "monthly_topic_papers");
      const exported = topicRows.map((row) => `${String(row.month)} ${String(row.topic_id)} ${String(row.papers)}`);
      const charted = topics.points.flatMap((point) => topics.topics.map((topic) => `${point.label} ${topic.id} ${point.topics[topic.id]}`));
      expect(exported).toEqual(charted);
    });
  });

  test("puts each paper under its charted month", async () => {
    const perMonth = await withSamples((connection) => readTable(connection, "papers", "month, count(*) AS papers", "GROUP BY month ORDER BY month"));
    const charted = await withSamples((connection) => getTopicTrends(connection, noFilter, "month"));
    const nonEmpty = charted.points.filter((point) => point.papers > 0).map((point) => ({ month: point.label, papers: point.papers }));
    expect(perMonth).toEqual(nonEmpty);
  });
});
