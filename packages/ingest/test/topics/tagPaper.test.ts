import type { Taxonomy } from "@alignment-trends/schema";
import { describe, expect, test } from "vitest";
import { hfPapersPageParser } from "../../src/formats/parsers/hfPapersPage";
import { loadOverrides, loadTaxonomy } from "../../src/topics/loadTaxonomy";
import { applyOverride, compileTaxonomy, tagPaper } from "../../src/topics/tagPaper";
import { parseFile } from "../parseWith";
import { SEED_PAGE } from "../sharedData";

const taxonomy = compileTaxonomy(loadTaxonomy());
const seed = await parseFile(hfPapersPageParser, SEED_PAGE);

function tagSeedPaper(titleStart: string) {
  const record = seed.records.find((candidate) => candidate.title.startsWith(titleStart))!;
  return tagPaper(taxonomy, { title: record.title, abstract: record.abstract, keywords: [] });
}

describe("tagPaper on real abstracts", () => {
  test("tags alignment theory that analyses best-of-N", () => {
    const assignment = tagSeedPaper("Asymptotics of Language Model Alignment");
    expect(assignment.scope).toBe("alignment");
    expect(assignment.topics.map((topic) => topic.topic)).toEqual(["inference-time-alignment", "theory-evaluation"]);
    expect(assignment.topics[0]!.evidence).toEqual(["best-of-n"]);
    expect(assignment.topics[1]!.evidence).toEqual(["asymptotics (title)", "kl-constrained"]);
  });

  test("tags image stitching as another sense of alignment", () => {
    const assignment = tagSeedPaper("Parallax-Tolerant Unsupervised Deep Image Stitching");
    expect(assignment).toEqual({ scope: "other-alignment", scopeEvidence: ["image registration", "image stitching (title)", "alignment"], topics: [] });
  });

  test("tags likelihood displacement as preference optimization and safety", () => {
    const assignment = tagSeedPaper("Unintentional Unalignment");
    expect(assignment.scope).toBe("alignment");
    expect(assignment.topics.map((topic) => topic.topic)).toEqual(["preference-optimization", "safety"]);
  });

  test("tags a paper without alignment words as off-topic", () => {
    expect(tagSeedPaper("Semi-Supervised Unconstrained Head Pose Estimation")).toEqual({ scope: "off-topic", scopeEvidence: [], topics: [] });
  });
});

describe("tagPaper scoring", () => {
  const rules = (phrases: Taxonomy["topics"][number]["rules"]["phrases"], minScore = 3, excludePhrases: string[] = []) => ({
    phrases,
    patterns: [],
    excludePhrases,
    excludePatterns: [],
    minScore,
  });
  const small = compileTaxonomy({
    version: "test",
    scopes: { alignment: rules(["dpo"], 3), "other-alignment": rules(["alignment"], 1) },
    topics: [
      { id: "preference-optimization", label: "P", description: "P", rules: rules(["dpo", { phrase: "preference pairs", weight: 2 }], 3) },
      { id: "safety", label: "S", description: "S", rules: rules([{ phrase: "jailbreak*", weight: 3 }], 3, ["image jailbreak"]) },
    ],
  });

  test("weighs a title match three times an abstract match", () => {
    expect(tagPaper(small, { title: "DPO done right", abstract: null, keywords: [] }).scope).toBe("alignment");
    expect(tagPaper(small, { title: "A study", abstract: "We use DPO.", keywords: [] }).scope).toBe("off-topic");
  });

  test("adds the weights of several rules", () => {
    const assignment = tagPaper(small, { title: "DPO", abstract: "We build preference pairs with DPO.", keywords: [] });
    expect(assignment.topics).toEqual([{ topic: "preference-optimization", evidence: ["dpo (title)", "preference pairs"] }]);
  });

  test("cancels a rule set on an exclude phrase", () => {
    const text = { title: "DPO against jailbreaks", abstract: "An image jailbreak benchmark.", keywords: [] };
    expect(tagPaper(small, text).topics.map((topic) => topic.topic)).toEqual(["preference-optimization"]);
  });

  test("matches whole words only", () => {
    expect(tagPaper(small, { title: "DPOX and adpo", abstract: null, keywords: [] }).scope).toBe("off-topic");
  });
});

describe("applyOverride", () => {
  const base = { scope: "alignment" as const, scopeEvidence: ["dpo"], topics: [{ topic: "safety", evidence: ["jailbreak"] }] };
  const override = { paperId: "x", addTopics: ["rlhf"], removeTopics: ["safety"], reason: "Reviewed by hand for a test.", reviewedBy: "t", reviewedOn: "2026-12-04" };

  test("adds and removes topics with the reason as evidence", () => {
    expect(applyOverride(base, override)).toEqual({
      scope: "alignment",
      scopeEvidence: ["dpo"],
      topics: [{ topic: "rlhf", evidence: ["override: Reviewed by hand for a test."] }],
    });
  });

  test("drops topics when the scope moves out of alignment", () => {
    expect(applyOverride(base, { ...override, scope: "off-topic" })).toEqual({
      scope: "off-topic",
      scopeEvidence: ["override: Reviewed by hand for a test."],
      topics: [],
    });
  });

  test("reads the shipped overrides", () => {
    const overrides = loadOverrides(loadTaxonomy());
    expect(overrides.get("2510.01070")?.addTopics).toEqual(["oversight-honesty"]);
  });
});
