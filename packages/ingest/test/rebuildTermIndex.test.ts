import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { readRows } from "@alignment-trends/analytics";
import { beforeEach, describe, expect, test } from "vitest";
import { createPendingPapersTable } from "../src/database/createPendingPapersTable";
import { createSchema } from "../src/database/createSchema";
import { rebuildTermIndex, type TermIndexLimits } from "../src/database/rebuildTermIndex";

/** Limits that keep every change in place, so only a test that lowers them gets a rewrite. */
const IN_PLACE: TermIndexLimits = { rewriteShare: 2, maxDeletedRows: 1_000_000 };

let connection: DuckDBConnection;

beforeEach(async () => {
  const instance = await DuckDBInstance.create(":memory:");
  connection = await instance.connect();
  await createSchema(connection);
  await createPendingPapersTable(connection);
});

async function putPaper(paperId: string, title: string, abstract: string | null): Promise<void> {
  await connection.run("DELETE FROM papers WHERE paper_id = $paperId", { paperId });
  await connection.run(
    `INSERT INTO papers (paper_id, title, title_key, abstract, sightings, scope, updated_at)
     VALUES ($paperId, $title, lower($title), $abstract, 1, 'core', TIMESTAMP '2026-12-05 00:00:00')`,
    { paperId, title, abstract },
  );
}

async function refresh(paperIds: string[], limits: TermIndexLimits = IN_PLACE) {
  await connection.run("DELETE FROM pending_papers");
  for (const paperId of paperIds) await connection.run("INSERT INTO pending_papers VALUES ($paperId)", { paperId });
  return rebuildTermIndex(connection, limits);
}

function termsOf(paperId: string) {
  return readRows(connection, { sql: "SELECT term FROM paper_terms WHERE paper_id = $paperId ORDER BY term", params: { paperId } });
}

function allRows() {
  return readRows(connection, { sql: "SELECT paper_id, term, in_title FROM paper_terms" });
}

function textRecords() {
  return readRows(connection, { sql: "SELECT paper_id, terms FROM paper_term_texts ORDER BY paper_id" });
}

describe("rebuildTermIndex", () => {
  test("indexes new papers with row counts", async () => {
    await putPaper("a", "Reward hacking", "Models game proxies.");
    await putPaper("b", "Scalable oversight", null);

    const outcome = await refresh(["a", "b"]);

    expect(outcome).toEqual({ indexed: 2, removedRows: 0, rewritten: false });
    expect(await termsOf("b")).toEqual([{ term: "oversight" }, { term: "scalable" }, { term: "scalable oversight" }]);
    expect(await textRecords()).toEqual([
      { paper_id: "a", terms: 9 },
      { paper_id: "b", terms: 3 },
    ]);
  });

  test("keeps rows of unchanged text", async () => {
    await putPaper("a", "Reward hacking", "Models game proxies.");
    await refresh(["a"]);
    const before = await allRows();
    await connection.run("UPDATE papers SET upvotes = 40");

    const outcome = await refresh(["a"]);

    expect(outcome).toEqual({ indexed: 0, removedRows: 0, rewritten: false });
    expect(await allRows()).toEqual(before);
  });

  test("replaces rows of a changed abstract", async () => {
    await putPaper("a", "Reward hacking", "Models game proxies.");
    await putPaper("b", "Scalable oversight", null);
    await refresh(["a", "b"]);
    await putPaper("a", "Reward hacking", "Agents tamper.");

    const outcome = await refresh(["a", "b"]);

    expect(outcome).toEqual({ indexed: 1, removedRows: 9, rewritten: false });
    expect(await termsOf("a")).toEqual([
      { term: "agents" },
      { term: "agents tamper" },
      { term: "hacking" },
      { term: "reward" },
      { term: "reward hacking" },
      { term: "tamper" },
    ]);
    expect(await textRecords()).toEqual([
      { paper_id: "a", terms: 6 },
      { paper_id: "b", terms: 3 },
    ]);
  });

  test("removes rows of a gone paper", async () => {
    await putPaper("a", "Reward hacking", null);
    await putPaper("b", "Scalable oversight", null);
    await refresh(["a", "b"]);
    await connection.run("DELETE FROM papers WHERE paper_id = 'a'");

    const outcome = await refresh(["a"]);

    expect(outcome).toEqual({ indexed: 0, removedRows: 3, rewritten: false });
    expect(await readRows(connection, { sql: "SELECT DISTINCT paper_id FROM paper_terms" })).toEqual([{ paper_id: "b" }]);
    expect(await textRecords()).toEqual([{ paper_id: "b", terms: 3 }]);
  });

  test("rewrites past the delete bound", async () => {
    await putPaper("a", "Reward hacking", null);
    await putPaper("b", "Scalable oversight", null);
    await refresh(["a"]);
    await refresh(["b"]);
    await putPaper("a", "Weak to strong generalization", null);

    const outcome = await refresh(["a"], { rewriteShare: 2, maxDeletedRows: 2 });

    expect(outcome).toEqual({ indexed: 1, removedRows: 3, rewritten: true });
    const rows = await allRows();
    expect(rows.map((row) => row.term)).toEqual([
      "generalization",
      "oversight",
      "scalable",
      "scalable oversight",
      "strong",
      "strong generalization",
      "weak",
      "weak to strong",
    ]);
  });

  test("rewrites at the rewrite share", async () => {
    await putPaper("a", "Reward hacking", null);
    await putPaper("b", "Scalable oversight", null);
    await refresh(["b"]);

    const outcome = await refresh(["a"], { rewriteShare: 0.5, maxDeletedRows: 1_000_000 });

    expect(outcome).toEqual({ indexed: 1, removedRows: 0, rewritten: true });
    expect((await allRows()).map((row) => row.term)).toEqual(["hacking", "oversight", "reward", "reward hacking", "scalable", "scalable oversight"]);
  });

  test("createSchema fills texts of older databases", async () => {
    await putPaper("a", "Reward hacking", "Models game proxies.");
    await putPaper("b", "Scalable oversight", null);
    await refresh(["a", "b"]);
    const recorded = await readRows(connection, { sql: "SELECT paper_id, text_hash::VARCHAR AS text_hash, terms FROM paper_term_texts ORDER BY paper_id" });
    await connection.run("DROP TABLE paper_term_texts");

    await createSchema(connection);

    expect(await readRows(connection, { sql: "SELECT paper_id, text_hash::VARCHAR AS text_hash, terms FROM paper_term_texts ORDER BY paper_id" })).toEqual(recorded);
    expect(await refresh(["a", "b"])).toEqual({ indexed: 0, removedRows: 0, rewritten: false });
  });
});
