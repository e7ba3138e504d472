import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { generateDigests, type GenerateSummary } from "./generateDigests";

const PAPERS = 600;
let folder: string;
let first: GenerateSummary;

/** Returns every file below `root` with the SHA-256 of its bytes, by path relative to `root`. */
function hashFiles(root: string): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    hashes.set(path.relative(root, file), createHash("sha256").update(readFileSync(file)).digest("hex"));
  }
  return hashes;
}

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), "synthetic-digests-"));
  first = await generateDigests({ papers: PAPERS, seed: 7, outDir: path.join(folder, "first") });
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe("generateDigests", () => {
  test("same seed writes identical bytes", async () => {
    const again = await generateDigests({ papers: PAPERS, seed: 7, outDir: path.join(folder, "again") });
    expect(again).toEqual({ ...first, outDir: path.join(folder, "again") });
    expect(hashFiles(path.join(folder, "again"))).toEqual(hashFiles(path.join(folder, "first")));
  });

  test("other seed writes other papers", async () => {
    await generateDigests({ papers: PAPERS, seed: 8, outDir: path.join(folder, "other") });
    const firstHashes = hashFiles(path.join(folder, "first"));
    const otherHashes = hashFiles(path.join(folder, "other"));
    const shared = [...otherHashes].filter(([file, hash]) => firstHashes.get(file) === hash);
    expect(otherHashes.size).toBeGreaterThan(0);
    expect(shared).toEqual([]);
  });

  test("summary counts add up", () => {
    expect(first.papers).toBe(PAPERS);
    expect(first.files).toBe(first.apiFiles + first.pageFiles);
    expect(first.entries).toBe(first.apiEntries + first.pageCards);
    expect(first.apiEntries).toBe(PAPERS + first.relistedEntries);
    expect(first.distinctPapers).toBe(PAPERS + first.pageOnlyPapers);
    expect(first.pageOnlyPapers).toBe(first.pageFiles);
    expect(first.scopes.alignment + first.scopes["other-alignment"] + first.scopes["off-topic"]).toBe(first.distinctPapers);
    expect(first.taggingMisses).toBe(0);
    expect(first.scale).toBe(1);
    expect(first.lastDay).toBe("2026-08-10");
  });

  test("writes the files it reports", () => {
    const hashes = hashFiles(path.join(folder, "first"));
    const apiFiles = [...hashes.keys()].filter((file) => /^hf-daily-api\/\d{4}\/\d{4}-\d{2}-\d{2}\.json$/u.test(file));
    const pageFiles = [...hashes.keys()].filter((file) => /^hf-papers-page\/\d{4}\/papers-page-\d{4}-\d{2}-\d{2}\.txt$/u.test(file));
    expect(apiFiles).toHaveLength(first.apiFiles);
    expect(pageFiles).toHaveLength(first.pageFiles);
    expect(hashes.size).toBe(first.files);
    expect(apiFiles.toSorted()[0]).toBe(`hf-daily-api/${first.firstDay.slice(0, 4)}/${first.firstDay}.json`);
  });

  test("rejects a folder with files", async () => {
    const used = path.join(folder, "used");
    mkdirSync(used);
    writeFileSync(path.join(used, "old.json"), "[]");
    await expect(generateDigests({ papers: 10, seed: 1, outDir: used })).rejects.toThrow(`Output folder ${used} is not empty`);
  });

  test("rejects a paper count of zero", async () => {
    await expect(generateDigests({ papers: 0, seed: 1, outDir: path.join(folder, "none") })).rejects.toThrow(/papers/u);
  });
});
