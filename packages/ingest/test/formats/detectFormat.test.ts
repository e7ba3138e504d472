import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { detectFormat, DIGEST_PARSERS } from "../../src/formats/detectFormat";
import { DigestSource } from "../../src/source/DigestSource";
import { REAL_DATA, SAMPLES } from "../sharedData";

/** The format of every real file, by its path below the real-data folder. */
function expectedFormat(relativePath: string): string | null {
  const rules: [RegExp, string][] = [
    [/^hf-daily-api-cn-newsletter\//u, "hf-daily-api"],
    [/^hf-papers-scrapper-mwoedlinger\//u, "hf-papers-json"],
    [/^daily-hf-ai-papers-atharvadomale\//u, "hf-scraped-daily"],
    [/^nlp-arxiv-daily-monologg\//u, "nlp-arxiv-daily"],
    [/^daily-papers-ko-lyohai\/paper_logs\/papers_list\.csv$/u, "papers-list-csv"],
    [/^daily-papers-ko-lyohai\/.*\.md$/u, "ko-daily-markdown"],
    [/^daily-ai-papers-gabrielchua\//u, "daily-table-markdown"],
    [/^ml-papers-of-the-week-dair\/README\.md$/u, "weekly-table-markdown"],
    [/^ml-papers-of-the-week-dair\/research\//u, "paper-abstracts-csv"],
    [/^ai-security-digest-rss\//u, "security-digest-rss"],
    [/^hf-daily-paper-newsletter-deepdiver\//u, "paper-yaml"],
    [/^awesome-rlhf-opendilab\//u, "awesome-list-markdown"],
    [/^awesome-llm-safety-ydyjya\//u, "dated-table-markdown"],
  ];
  return rules.find(([pattern]) => pattern.test(relativePath))?.[1] ?? null;
}

function listFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

describe("detectFormat", () => {
  test("names each real file's own format", async () => {
    const files = listFiles(REAL_DATA);
    expect(files).toHaveLength(290);
    const mismatches: string[] = [];
    for (const file of files) {
      const relative = path.relative(REAL_DATA, file);
      const detected = detectFormat(await new DigestSource(file).head(), path.basename(file))?.format ?? null;
      if (detected !== expectedFormat(relative)) mismatches.push(`${relative}: ${detected} instead of ${expectedFormat(relative)}`);
    }
    expect(mismatches).toEqual([]);
  });

  test("names each bundled sample's format", async () => {
    const detected = await Promise.all(
      listFiles(SAMPLES).map(async (file) => [path.relative(SAMPLES, file).split(path.sep)[0], detectFormat(await new DigestSource(file).head(), path.basename(file))?.format ?? null]),
    );
    expect(new Set(detected.map(([folder, format]) => `${folder}: ${format}`))).toEqual(
      new Set(["SOURCES.md: null", "hf-daily-api: hf-daily-api", "hf-papers-search-alignment.txt: hf-papers-page"]),
    );
  });

  test("lists each format id once", () => {
    const ids = DIGEST_PARSERS.map((parser) => parser.format);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(14);
  });
});
