import { TrendFilterSchema } from "@alignment-trends/schema";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import type { BuildInfo } from "@alignment-trends/analytics";
import { buildProvenance } from "../../lib/export/buildProvenance";

/** A build of its own for each test: a process reads each build's taxonomy versions once. */
let buildNumber = 0;
let build: BuildInfo;
const NOW = new Date("2026-02-03T04:05:06.789Z");

let instance: DuckDBInstance;
let connection: DuckDBConnection;

beforeEach(async () => {
  buildNumber += 1;
  build = { buildId: `build-${buildNumber}`, builtAt: "2026-01-02 03:04:05", taxonomyVersion: "build-version" };
  instance = await DuckDBInstance.create(":memory:");
  connection = await instance.connect();
  await connection.run("CREATE TABLE paper_scopes (paper_id VARCHAR, scope VARCHAR, evidence VARCHAR[], taxonomy_version VARCHAR)");
  await connection.run("CREATE TABLE paper_topics (paper_id VARCHAR, topic_id VARCHAR, evidence VARCHAR[], taxonomy_version VARCHAR)");
});

afterEach(() => {
  connection.closeSync();
  instance.closeSync();
});

describe("buildProvenance", () => {
  test("records filters, options, build and tag taxonomy", async () => {
    await connection.run("INSERT INTO paper_scopes VALUES ('p1', 'alignment', [], '2026.1'), ('p2', 'off-topic', [], '2026.1')");
    await connection.run("INSERT INTO paper_topics VALUES ('p1', 'rlhf', ['rlhf'], '2026.1')");
    const filter = TrendFilterSchema.parse({ topics: ["rlhf"], from: "2025-01-01", q: "reward" });

    const provenance = await buildProvenance(connection, build, {
      url: new URL("http://127.0.0.1:3000/api/v1/trends?metric=code&topic=rlhf&from=2025-01-01&q=reward&format=csv"),
      filter,
      options: { metric: "code", bucket: "year" },
      bucket: "year",
      notes: ["2 papers have no date."],
      now: NOW,
    });

    expect(provenance).toEqual({
      source: "Alignment Trends",
      request: "/api/v1/trends?metric=code&topic=rlhf&from=2025-01-01&q=reward&format=csv",
      generatedAt: "2026-02-03T04:05:06.789Z",
      filters: {
        from: "2025-01-01",
        to: null,
        scope: null,
        topic: ["rlhf"],
        hasCode: null,
        codeHost: null,
        minUpvotes: null,
        minAuthors: null,
        maxAuthors: null,
        q: "reward",
        term: [],
        allTopics: [],
        dateBasis: "listed",
        upvoteBasis: "latest",
      },
      options: { metric: "code", bucket: "year" },
      bucket: "year",
      dateBasis: "first listed, else published",
      taxonomyVersion: "2026.1",
      database: { buildId: build.buildId, builtAt: "2026-01-02 03:04:05" },
      rows: null,
      notes: ["2 papers have no date."],
    });
  });

  test("falls back to the build's taxonomy without tags", async () => {
    const provenance = await buildProvenance(connection, build, { url: new URL("http://127.0.0.1/api/v1/cooccurrence"), filter: TrendFilterSchema.parse({}), options: {}, bucket: null, now: NOW });
    expect(provenance.taxonomyVersion).toBe("build-version");
    expect(provenance.request).toBe("/api/v1/cooccurrence");
    expect(provenance.notes).toEqual([]);
  });

  test("notes tags of several taxonomy versions", async () => {
    await connection.run("INSERT INTO paper_scopes VALUES ('p1', 'alignment', [], '2026.1'), ('p2', 'alignment', [], '2026.2')");
    const provenance = await buildProvenance(connection, build, { url: new URL("http://127.0.0.1/api/v1/papers"), filter: TrendFilterSchema.parse({}), options: {}, bucket: null, now: NOW });
    expect(provenance.taxonomyVersion).toBe("2026.1, 2026.2");
    expect(provenance.notes).toEqual(["The papers were tagged by 2 taxonomy versions (2026.1, 2026.2); npm run retag tags them all with the current one."]);
  });

  test("reads versions once per build", async () => {
    await connection.run("INSERT INTO paper_scopes VALUES ('p1', 'alignment', [], '2026.1')");
    const request = { url: new URL("http://127.0.0.1/api/v1/papers"), filter: TrendFilterSchema.parse({}), options: {}, bucket: null, now: NOW };
    expect((await buildProvenance(connection, build, request)).taxonomyVersion).toBe("2026.1");
    await connection.run("UPDATE paper_scopes SET taxonomy_version = '2026.2'");

    expect((await buildProvenance(connection, build, request)).taxonomyVersion).toBe("2026.1");
    expect((await buildProvenance(connection, { ...build, buildId: `${build.buildId}-next` }, request)).taxonomyVersion).toBe("2026.2");
  });
});
