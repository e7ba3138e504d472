import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { hfDailyApiParser } from "../../src/formats/parsers/hfDailyApi";
import { evaluateTopics, LabelledPaperSchema } from "../../src/topics/evaluateTopics";
import { loadTaxonomy } from "../../src/topics/loadTaxonomy";
import { compileTaxonomy, type TaggableText } from "../../src/topics/tagPaper";
import { parseFile } from "../parseWith";
import { API_DAYS, REPOSITORY_ROOT } from "../sharedData";

describe("evaluateTopics arithmetic", () => {
  const taxonomy = compileTaxonomy({
    version: "test",
    scopes: {
      alignment: { phrases: ["dpo", "jailbreak"], patterns: [], excludePhrases: [], excludePatterns: [], minScore: 1 },
      "other-alignment": { phrases: ["registration"], patterns: [], excludePhrases: [], excludePatterns: [], minScore: 1 },
    },
    topics: [
      { id: "preference-optimization", label: "P", description: "P", rules: { phrases: ["dpo"], patterns: [], excludePhrases: [], excludePatterns: [], minScore: 1 } },
      { id: "safety", label: "S", description: "S", rules: { phrases: ["jailbreak"], patterns: [], excludePhrases: [], excludePatterns: [], minScore: 1 } },
    ],
  });
  const label = (id: string, scope: "alignment" | "other-alignment" | "off-topic", topics: string[]) => ({ id, title: id, scope, topics });
  const texts = new Map<string, TaggableText>([
    ["a", { title: "DPO", abstract: null, keywords: [] }],
    ["b", { title: "DPO against a jailbreak", abstract: null, keywords: [] }],
    ["c", { title: "Image registration", abstract: null, keywords: [] }],
    ["d", { title: "A tokenizer", abstract: null, keywords: [] }],
  ]);

  test("counts scope accuracy and per-topic precision and recall", () => {
    const result = evaluateTopics(
      taxonomy,
      [label("a", "alignment", ["preference-optimization"]), label("b", "alignment", ["safety"]), label("c", "off-topic", []), label("d", "off-topic", []), label("z", "off-topic", [])],
      texts,
    );
    expect(result.papers).toBe(4);
    expect(result.missingTexts).toEqual(["z"]);
    expect(result.scopeAccuracy).toBe(0.75);
    expect(result.topics).toEqual([
      { topic: "preference-optimization", truePositives: 1, falsePositives: 1, falseNegatives: 0, precision: 0.5, recall: 1, f1: 2 / 3 },
      { topic: "safety", truePositives: 1, falsePositives: 0, falseNegatives: 0, precision: 1, recall: 1, f1: 1 },
    ]);
    expect(result.macroF1).toBeCloseTo(5 / 6, 10);
    expect(result.errors.map((error) => error.id)).toEqual(["b", "c"]);
  });
});

describe("evaluateTopics on the labelled dev set", () => {
  test("meets the scope and macro F1 targets", async () => {
    const labels = z.array(LabelledPaperSchema).parse(JSON.parse(readFileSync(path.join(REPOSITORY_ROOT, "..", "shared", "data", "labels", "dev.json"), "utf8")));
    const texts = new Map<string, TaggableText>();
    for (const name of readdirSync(API_DAYS)) {
      for (const record of (await parseFile(hfDailyApiParser, path.join(API_DAYS, name))).records) {
        texts.set(record.arxivId!, { title: record.title, abstract: record.abstract, keywords: record.aiKeywords ?? [] });
      }
    }
    const result = evaluateTopics(compileTaxonomy(loadTaxonomy()), labels, texts);
    expect(result.papers).toBe(180);
    expect(result.scopeAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(result.macroF1).toBeGreaterThanOrEqual(0.75);
  });
});
