import { describe, expect, test } from "vitest";
import { hfDailyApiParser } from "../../src/formats/parsers/hfDailyApi";
import { parseText } from "../parseWith";

/** Parses one daily-papers entry with the given paper fields and returns its record. */
async function parseEntry(paper: Record<string, unknown>) {
  const entry = { paper: { id: "2503.00001", title: "A paper", summary: "Text.", authors: [{ name: "Ada" }], ...paper } };
  const parsed = await parseText(hfDailyApiParser, JSON.stringify([entry]), "2025-03-02.json");
  expect(parsed.rejects).toEqual([]);
  return parsed.records[0]!;
}

describe("hfDailyApiParser projectPage", () => {
  test.each([
    ["https://ada.github.io/paper/", "https://ada.github.io/paper/"],
    ["http://example.org/p?a=1&b=2", "http://example.org/p?a=1&b=2"],
    ["  https://ada.github.io/paper/\n", "https://ada.github.io/paper/"],
  ])("keeps http(s) URL %j", async (projectPage, expected) => {
    const record = await parseEntry({ projectPage });
    expect(record.projectPage).toBe(expected);
    expect(record.extra?.invalidProjectPage).toBeUndefined();
  });

  test.each([["javascript:alert(1)"], [" JAVASCRIPT:alert(1)"], ["data:text/html,<script>alert(1)</script>"], ["//example.org/"], ["ada.github.io"], ["{{7*7}}"]])(
    "moves %j to extra",
    async (projectPage) => {
      const record = await parseEntry({ projectPage });
      expect(record.projectPage).toBeNull();
      expect(record.extra?.invalidProjectPage).toBe(projectPage);
    },
  );
});

describe("hfDailyApiParser hostile links", () => {
  test("githubRepo with a javascript: URL gives no code link", async () => {
    const record = await parseEntry({ githubRepo: "javascript:alert(1)//github.com/owner/repo" });
    expect(record.codeUrl).toBeNull();
    expect(record.links).toEqual([]);
  });

  test("markdown link with a javascript: URL in the abstract gives no link", async () => {
    const record = await parseEntry({ summary: "See [the code](javascript:alert(1)) and <a href=\"javascript:alert(2)\">this</a>." });
    expect(record.links).toEqual([]);
    expect(record.codeUrl).toBeNull();
  });

  test("markup in a title stays text, with entities decoded once", async () => {
    const record = await parseEntry({ title: "<script>alert(1)</script> &lt;b&gt;bold&lt;/b&gt; &amp;lt;i&amp;gt;" });
    expect(record.title).toBe("<script>alert(1)</script> <b>bold</b> &lt;i&gt;");
  });
});
