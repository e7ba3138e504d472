import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { readRows, type SqlQuery } from "@alignment-trends/analytics";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { IngestLockedError } from "../src/database/acquireIngestLock";
import { ingestDigests } from "../src/ingestDigests";
import { API_DAYS, SEED_PAGE } from "./sharedData";

let folder: string;
let databasePath: string;

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), "ingest-test-"));
  databasePath = path.join(folder, "trends.duckdb");
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

async function query(sql: string, params?: SqlQuery["params"]) {
  const instance = await DuckDBInstance.create(databasePath, { access_mode: "READ_ONLY" });
  const connection = await instance.connect();
  try {
    return await readRows(connection, { sql, params });
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function ingest(inputs: string[], asOf: string | null = null) {
  return ingestDigests({ inputs, databasePath, asOf, today: "2026-12-04" });
}

function writeDay(name: string, entries: unknown[]): string {
  const file = path.join(folder, name);
  writeFileSync(file, JSON.stringify(entries));
  return file;
}

function apiEntry(id: string, upvotes: number, extra: Record<string, unknown> = {}) {
  return {
    paper: {
      id,
      title: `Paper ${id}`,
      summary: "We align language models with human preferences.\nCode: https://github.com/o/r.",
      authors: [{ name: "Ada Lovelace" }, { name: "Alan Turing" }],
      publishedAt: "2025-03-01T12:00:00.000Z",
      upvotes,
      ...extra,
    },
    numComments: 1,
  };
}

describe("ingestDigests", () => {
  test("loads the seed page and API days with exact counts", async () => {
    const days = ["2025-06-03", "2024-12-11", "2025-01-10"].map((day) => path.join(API_DAYS, `${day}.json.gz`));
    const summary = await ingest([SEED_PAGE, ...days]);

    expect(summary).toMatchObject({ files: 4, loaded: 4, failed: 0, parsed: 94, newPapers: 94, updatedPapers: 0, rejected: 0, totalPapers: 94 });
    expect(await query("SELECT format, digest_date, digest_date_source, records FROM digests ORDER BY digest_id")).toEqual([
      { format: "hf-papers-page", digest_date: "2025-12-11", digest_date_source: "page header", records: 30 },
      { format: "hf-daily-api", digest_date: "2025-06-03", digest_date_source: "file name", records: 29 },
      { format: "hf-daily-api", digest_date: "2024-12-11", digest_date_source: "file name", records: 26 },
      { format: "hf-daily-api", digest_date: "2025-01-10", digest_date_source: "file name", records: 9 },
    ]);
    expect(await query("SELECT count(*)::INTEGER AS n FROM sightings")).toEqual([{ n: 94 }]);
    expect(await query("SELECT len(authors)::INTEGER AS n, authors_count FROM papers WHERE paper_id = '2506.01939'")).toEqual([{ n: 18, authors_count: 18 }]);
  });

  test("changes nothing when the same files are ingested again", async () => {
    const day = path.join(API_DAYS, "2025-06-03.json.gz");
    await ingest([SEED_PAGE, day]);
    const before = statSync(databasePath);
    const [build] = await query("SELECT build_id FROM build_info");

    const summary = await ingest([SEED_PAGE, day]);

    expect(summary).toMatchObject({ loaded: 0, unchanged: 2, newPapers: 0, updatedPapers: 0, totalPapers: 59 });
    expect(statSync(databasePath).ino).toBe(before.ino);
    expect(await query("SELECT build_id FROM build_info")).toEqual([build]);
    expect(await query("SELECT count(*)::INTEGER AS n FROM sightings")).toEqual([{ n: 59 }]);
  });

  test("keeps one paper with two sightings", async () => {
    const first = writeDay("2025-03-02.json", [apiEntry("2503.00001", 4)]);
    const second = writeDay("2025-03-09.json", [apiEntry("2503.00001v2", 11)]);
    await ingest([second]);
    const summary = await ingest([first]);

    expect(summary).toMatchObject({ newPapers: 0, updatedPapers: 1, totalPapers: 1 });
    expect(await query("SELECT paper_id, upvotes, first_listed_on, authors_count, code_url FROM papers")).toEqual([
      { paper_id: "2503.00001", upvotes: 11, first_listed_on: "2025-03-02", authors_count: 2, code_url: "https://github.com/o/r" },
    ]);
    expect(await query("SELECT listed_on, upvotes FROM sightings ORDER BY listed_on")).toEqual([
      { listed_on: "2025-03-02", upvotes: 4 },
      { listed_on: "2025-03-09", upvotes: 11 },
    ]);
  });

  test("takes the higher count when two digests of one day disagree", async () => {
    const morning = writeDay("2025-03-09.json", [apiEntry("2503.00001", 1)]);
    const evening = path.join(folder, "evening");
    mkdirSync(evening);
    writeFileSync(path.join(evening, "2025-03-09.json"), JSON.stringify([apiEntry("2503.00001", 14)]));
    await ingest([path.join(evening, "2025-03-09.json"), morning]);
    expect(await query("SELECT upvotes FROM papers")).toEqual([{ upvotes: 14 }]);
  });

  test("leaves upvotes unknown when no digest gives them", async () => {
    const csv = path.join(folder, "list.csv");
    writeFileSync(csv, "date,title,url\n2025-03-02,A listed paper,https://arxiv.org/abs/2503.00001\n");
    await ingest([csv]);
    expect(await query("SELECT upvotes, upvotes_first_week FROM papers")).toEqual([{ upvotes: null, upvotes_first_week: null }]);
  });

  test("replaces a file fixed in place", async () => {
    const file = writeDay("2025-03-02.json", []);
    writeFileSync(file, `${JSON.stringify([apiEntry("2503.00001", 4)]).slice(0, -1)}, {"paper": {"id": "2503.0`);
    await ingest([file]);
    writeFileSync(file, JSON.stringify([apiEntry("2503.00001", 5), apiEntry("2503.00002", 1)]));

    const summary = await ingest([file]);

    expect(summary).toMatchObject({ loaded: 1, replaced: 1, newPapers: 1, updatedPapers: 1 });
    expect(await query("SELECT count(*)::INTEGER AS n FROM digests")).toEqual([{ n: 1 }]);
    expect(await query("SELECT paper_id, upvotes, sightings FROM papers ORDER BY paper_id")).toEqual([
      { paper_id: "2503.00001", upvotes: 5, sightings: 1 },
      { paper_id: "2503.00002", upvotes: 1, sightings: 1 },
    ]);
    expect(await query("SELECT count(*)::INTEGER AS n FROM rejects")).toEqual([{ n: 0 }]);
  });

  test("drops a paper that a new version no longer lists", async () => {
    const file = writeDay("2025-03-02.json", [apiEntry("2503.00001", 4), apiEntry("2503.00002", 1)]);
    await ingest([file]);
    writeFileSync(file, JSON.stringify([apiEntry("2503.00001", 4)]));
    await ingest([file]);
    expect(await query("SELECT paper_id FROM papers")).toEqual([{ paper_id: "2503.00001" }]);
    expect(await query("SELECT count(*)::INTEGER AS n FROM paper_scopes")).toEqual([{ n: 1 }]);
    expect(await query("SELECT DISTINCT paper_id FROM paper_terms")).toEqual([{ paper_id: "2503.00001" }]);
  });

  test("indexes new papers in term order", async () => {
    await ingest([writeDay("2025-03-02.json", [apiEntry("2503.00001", 4)])]);
    await ingest([writeDay("2025-03-03.json", [apiEntry("2503.00002", 1)])]);

    const terms = await query("SELECT paper_id, term, in_title FROM paper_terms");
    expect(terms.filter((row) => row.term === "human preferences")).toEqual([
      { paper_id: "2503.00001", term: "human preferences", in_title: false },
      { paper_id: "2503.00002", term: "human preferences", in_title: false },
    ]);
    expect(terms.filter((row) => row.term === "2503")).toEqual([
      { paper_id: "2503.00001", term: "2503", in_title: true },
      { paper_id: "2503.00002", term: "2503", in_title: true },
    ]);
    const order = terms.map((row) => `${String(row.term)}\u0000${String(row.paper_id)}`);
    expect(order).toEqual([...order].sort());
    expect(terms).toHaveLength(2 * terms.filter((row) => row.paper_id === "2503.00001").length);
  });

  test("appends a small load's terms unsorted", async () => {
    const many = Array.from({ length: 20 }, (_, index) => apiEntry(`2503.${String(index + 1).padStart(5, "0")}`, 1));
    await ingest([writeDay("2025-03-02.json", many)]);
    const before = await query("SELECT paper_id, term, in_title FROM paper_terms");
    await ingest([writeDay("2025-03-03.json", [apiEntry("2503.00099", 1)])]);

    const after = await query("SELECT paper_id, term, in_title FROM paper_terms");
    expect(after.slice(0, before.length)).toEqual(before);
    const added = after.slice(before.length);
    expect(new Set(added.map((row) => row.paper_id))).toEqual(new Set(["2503.00099"]));
    expect(added).toHaveLength(before.length / 20);
    expect(added.map((row) => row.term)).toEqual(added.map((row) => String(row.term)).sort());
  });

  test("loads unchanged content again with reload", async () => {
    const file = writeDay("2025-03-02.json", [apiEntry("2503.00001", 4)]);
    await ingest([file]);
    const summary = await ingestDigests({ inputs: [file], databasePath, today: "2026-12-04", reload: true });
    expect(summary).toMatchObject({ loaded: 1, unchanged: 0, replaced: 1, updatedPapers: 1, newPapers: 0 });
    expect(await query("SELECT count(*)::INTEGER AS digests, (SELECT count(*) FROM sightings)::INTEGER AS sightings FROM digests")).toEqual([
      { digests: 1, sightings: 1 },
    ]);
  });

  test("loads content again when forced to another format", async () => {
    const file = writeDay("2025-03-02.json", [apiEntry("2503.00001", 4)]);
    const wrong = await ingestDigests({ inputs: [file], databasePath, today: "2026-12-04", format: "hf-scraped-daily" });
    expect(wrong.loaded + wrong.failed).toBe(1);
    const again = await ingest([file]);
    expect(again.unchanged + again.loaded).toBe(1);

    const forced = await ingestDigests({ inputs: [file], databasePath, today: "2026-12-04", format: "hf-daily-api" });

    expect(forced).toMatchObject({ loaded: 1 });
    expect(await query("SELECT format FROM digests WHERE status = 'loaded'")).toEqual([{ format: "hf-daily-api" }]);
    expect(await query("SELECT paper_id FROM papers")).toEqual([{ paper_id: "2503.00001" }]);
  });

  test("lists each failed file of the same content", async () => {
    writeFileSync(path.join(folder, "a.json"), "");
    writeFileSync(path.join(folder, "b.json"), "");
    await ingest([path.join(folder, "a.json"), path.join(folder, "b.json")]);
    expect(await query("SELECT path FROM rejects ORDER BY path")).toEqual([{ path: path.join(folder, "a.json") }, { path: path.join(folder, "b.json") }]);
  });

  test("logs one line per file, batch and step", async () => {
    const lines: string[] = [];
    const file = writeDay("2025-03-02.json", [apiEntry("2503.00001", 4), apiEntry("x", 1)]);
    const workingPath = path.join(folder, `.trends.duckdb.ingest-${process.pid}`);
    await ingestDigests({ inputs: [file], databasePath, today: "2026-12-04", log: (line) => lines.push(line) });
    expect(lines.map((line) => line.replace(/\d+ ms$/u, "N ms"))).toEqual([
      `creating the working copy of ${databasePath}`,
      `opened the working copy ${workingPath}`,
      `loaded ${file}: 1 parsed, 1 new, 0 merged, 1 rejected`,
      "batch of 1 files in N ms",
      "tagging the new and changed papers",
      "tagged 1 paper; rebuilding their term index",
      "updating the monthly term counts",
      `checkpointing the working copy ${workingPath}`,
      `publishing: renaming ${workingPath} to ${databasePath}`,
      `published ${databasePath}`,
    ]);
  });

  test("counts a paper repeated within one file once", async () => {
    const file = writeDay("2025-03-02.json", [apiEntry("2503.00001", 4), apiEntry("2503.00001", 5), apiEntry("2503.00002", 1)]);
    const summary = await ingest([file]);
    expect(summary.digests[0]).toMatchObject({ parsed: 3, newPapers: 2, duplicatesInFile: 1 });
    expect(await query("SELECT count(*)::INTEGER AS n FROM sightings")).toEqual([{ n: 2 }]);
  });

  test("merges a title-only paper into its arXiv paper", async () => {
    const page = path.join(folder, "page.txt");
    writeFileSync(page, ["Paper 2503.00001", "", "An abstract.", "", "  • 2 authors", "·", "Mar 1, 2025 7"].join("\n"));
    await ingest([page], "2025-03-05");
    const [titleOnly] = await query("SELECT paper_id FROM papers");
    expect(titleOnly!.paper_id).toMatch(/^t[0-9a-f]{16}$/u);

    await ingest([writeDay("2025-03-09.json", [apiEntry("2503.00001", 11)])]);

    expect(await query("SELECT paper_id, arxiv_id, upvotes FROM papers")).toEqual([{ paper_id: "2503.00001", arxiv_id: "2503.00001", upvotes: 11 }]);
    expect(await query("SELECT DISTINCT paper_id FROM sightings")).toEqual([{ paper_id: "2503.00001" }]);
    expect(await query("SELECT count(*)::INTEGER AS n FROM sightings")).toEqual([{ n: 2 }]);
    expect(await query("SELECT DISTINCT paper_id FROM paper_terms")).toEqual([{ paper_id: "2503.00001" }]);
    expect(await query("SELECT DISTINCT paper_id FROM paper_scopes")).toEqual([{ paper_id: "2503.00001" }]);
  });

  test("stores rejected records with file, location and reason", async () => {
    const file = writeDay("2025-03-02.json", [apiEntry("2503.00001", 4), apiEntry("bad-id", 1), { paper: {} }]);
    const summary = await ingest([file]);

    expect(summary).toMatchObject({ loaded: 1, rejected: 2, rejectedByReason: { "invalid arXiv id": 1, "invalid record shape": 1 } });
    expect(await query("SELECT path, location, reason FROM rejects ORDER BY location")).toEqual([
      { path: file, location: "index 1", reason: "invalid arXiv id" },
      { path: file, location: "index 2", reason: "invalid record shape" },
    ]);
  });

  test("records a file that is not UTF-8, loads the others", async () => {
    const broken = path.join(folder, "2025-03-01.json");
    writeFileSync(broken, Buffer.from([0x5b, 0x22, 0xff, 0xfe, 0x22, 0x5d]));
    const good = writeDay("2025-03-02.json", [apiEntry("2503.00001", 4)]);

    const summary = await ingest([broken, good]);

    expect(summary).toMatchObject({ files: 2, loaded: 1, failed: 1, totalPapers: 1 });
    expect(summary.digests[0]!.error).toBe(
      `${broken}: invalid UTF-8 at byte 2 (line 1); save the digest as UTF-8 and ingest it again`,
    );
    expect(await query("SELECT status, path FROM digests ORDER BY digest_id")).toEqual([
      { status: "failed", path: broken },
      { status: "loaded", path: good },
    ]);
    expect(await query("SELECT location, reason FROM rejects")).toEqual([{ location: "file", reason: "unreadable digest" }]);
  });

  test("drops a file that breaks mid-stream, keeps the batch", async () => {
    const entries = Array.from({ length: 300 }, (_, index) => apiEntry(`2503.${String(index + 100).padStart(5, "0")}`, 1));
    const text = JSON.stringify(entries);
    const broken = path.join(folder, "2025-03-01.json");
    // The invalid byte sits after the first 64 KiB, so detection passes and the parse fails part-way.
    writeFileSync(broken, Buffer.concat([Buffer.from(`${text.slice(0, -1)}, "`), Buffer.from([0xff]), Buffer.from('"]')]));
    const good = writeDay("2025-03-02.json", [apiEntry("2503.00001", 4)]);

    const summary = await ingest([broken, good]);

    expect(Buffer.byteLength(text)).toBeGreaterThan(64 * 1024);
    expect(summary).toMatchObject({ loaded: 1, failed: 1, totalPapers: 1 });
    expect(summary.digests[0]!.error).toBe(`${broken}: invalid UTF-8 at byte ${Buffer.byteLength(text) + 2} (line 1); save the digest as UTF-8 and ingest it again`);
    expect(await query("SELECT count(*)::INTEGER AS n FROM sightings")).toEqual([{ n: 1 }]);
  });

  test("keeps the earlier version when a new one breaks mid-stream", async () => {
    const file = writeDay("2025-03-01.json", [apiEntry("2503.00001", 4)]);
    await ingest([file]);
    const entries = Array.from({ length: 300 }, (_, index) => apiEntry(`2503.${String(index + 100).padStart(5, "0")}`, 1));
    writeFileSync(file, Buffer.concat([Buffer.from(`${JSON.stringify(entries).slice(0, -1)}, "`), Buffer.from([0xff]), Buffer.from('"]')]));

    const summary = await ingest([file]);

    expect(summary).toMatchObject({ loaded: 0, failed: 1, replaced: 0, totalPapers: 1 });
    expect(await query("SELECT paper_id, upvotes FROM papers")).toEqual([{ paper_id: "2503.00001", upvotes: 4 }]);
    expect(await query("SELECT status FROM digests ORDER BY digest_id")).toEqual([{ status: "loaded" }, { status: "failed" }]);
  });

  test("loads the complete records of a truncated file", async () => {
    const file = writeDay("2025-03-02.json", [apiEntry("2503.00001", 4)]);
    writeFileSync(file, `${JSON.stringify([apiEntry("2503.00001", 4)]).slice(0, -1)}, {"paper": {"id": "2503.0`);
    const summary = await ingest([file]);
    expect(summary).toMatchObject({ loaded: 1, failed: 0, newPapers: 1, rejectedByReason: { "truncated file": 1 } });
  });

  test("records an empty file as failed", async () => {
    const empty = path.join(folder, "empty.json");
    writeFileSync(empty, "  \n");
    const summary = await ingest([empty]);
    expect(summary).toMatchObject({ failed: 1, rejectedByReason: { "unreadable digest": 1 } });
    expect(summary.digests[0]!.error).toBe(`${empty}: empty file`);
  });

  test("skips files of no known format found in a folder", async () => {
    writeFileSync(path.join(folder, "README.md"), "# Notes\n");
    writeDay("2025-03-02.json", [apiEntry("2503.00001", 4)]);
    const summary = await ingest([folder]);
    expect(summary).toMatchObject({ files: 2, loaded: 1, skipped: 1, failed: 0 });
  });

  test("leaves no working copy or lock behind", async () => {
    await ingest([writeDay("2025-03-02.json", [apiEntry("2503.00001", 4)])]);
    expect(readdirSync(folder).sort()).toEqual(["2025-03-02.json", "trends.duckdb"]);
  });

  test("stops while another ingest holds the lock", async () => {
    writeFileSync(`${databasePath}.lock`, JSON.stringify({ pid: process.pid, startedAt: "2026-12-04T00:00:00Z" }));
    const promise = ingest([writeDay("2025-03-02.json", [apiEntry("2503.00001", 4)])]);
    await expect(promise).rejects.toThrow(IngestLockedError);
    await expect(promise).rejects.toThrow(
      `Another ingest (process ${process.pid}, started 2026-12-04T00:00:00Z) is writing ${databasePath} and holds the lock ${databasePath}.lock. ` +
        `Run this one again when it finishes. If process ${process.pid} is not an ingest, delete ${databasePath}.lock.`,
    );
  });

  test("takes over a stale lock", async () => {
    writeFileSync(`${databasePath}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, startedAt: "2026-12-04T00:00:00Z" }));
    const summary = await ingest([writeDay("2025-03-02.json", [apiEntry("2503.00001", 4)])]);
    expect(summary.loaded).toBe(1);
  });
});
