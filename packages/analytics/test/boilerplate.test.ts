import { describe, expect, test } from "vitest";
import { dropNestedTerms, isBoilerplate, NESTED_TWIN_TOLERANCE } from "../src/terms/boilerplate";

describe("isBoilerplate", () => {
  test.each([
    ["code is publicly", true],
    ["experiments 2024", true],
    ["demonstrate strong performance", true],
    ["agent skills", false],
    ["opd", false],
    ["train constitutional classifiers", true],
    ["methods achieve", true],
    ["reward model", false],
  ])("%s is boilerplate: %s", (term, expected) => {
    expect(isBoilerplate(term)).toBe(expected);
  });
});

describe("dropNestedTerms", () => {
  test("keeps the longest of nested terms with nearly the same papers, at the best rank", () => {
    const ranked = [
      { term: "opd", recentPapers: 21 },
      { term: "agent skills", recentPapers: 12 },
      { term: "distillation opd", recentPapers: 16 },
      { term: "policy distillation opd", recentPapers: 16 },
    ];
    expect(dropNestedTerms(ranked).map((term) => term.term)).toEqual(["policy distillation opd", "agent skills"]);
  });

  test("joins a term to the group of any member it nests with", () => {
    const ranked = [
      { term: "constitutional", recentPapers: 9 },
      { term: "classifiers", recentPapers: 9 },
      { term: "constitutional classifiers", recentPapers: 9 },
      { term: "universal jailbreaks", recentPapers: 4 },
    ];
    expect(dropNestedTerms(ranked).map((term) => term.term)).toEqual(["constitutional classifiers", "universal jailbreaks"]);
  });

  test("keeps nested terms whose papers differ by more than a quarter", () => {
    const ranked = [
      { term: "distillation", recentPapers: 60 },
      { term: "policy distillation", recentPapers: 28 },
    ];
    expect(dropNestedTerms(ranked).map((term) => term.term)).toEqual(["distillation", "policy distillation"]);
  });

  test("matches comparing every pair on seeded random terms", () => {
    const words = ["opd", "policy", "distillation", "reward", "model", "agent"];
    let seed = 11;
    const next = (limit: number) => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      // The low bits of this generator repeat with a short period, so use the high ones.
      return (seed >>> 16) % limit;
    };
    for (let trial = 0; trial < 200; trial += 1) {
      const terms = new Map<string, number>();
      for (let index = 0; index < 12; index += 1) {
        const length = 1 + next(3);
        terms.set(Array.from({ length }, () => words[next(words.length)]!).join(" "), 10 + next(6));
      }
      const ranked = [...terms].map(([term, recentPapers]) => ({ term, recentPapers }));
      expect(dropNestedTerms(ranked), `trial ${trial}`).toEqual(dropNestedTermsByPairs(ranked));
    }
  });
});

/** Groups the terms as the definition states it, comparing every term with every member of every group. */
function dropNestedTermsByPairs<T extends { term: string; recentPapers: number }>(ranked: T[]): T[] {
  const twins = (a: T, b: T) =>
    (` ${a.term} `.includes(` ${b.term} `) || ` ${b.term} `.includes(` ${a.term} `)) &&
    Math.abs(a.recentPapers - b.recentPapers) <= NESTED_TWIN_TOLERANCE * Math.max(a.recentPapers, b.recentPapers);
  let groups: T[][] = [];
  for (const candidate of ranked) {
    const joined = groups.filter((members) => members.some((member) => twins(member, candidate)));
    if (joined.length === 0) {
      groups.push([candidate]);
      continue;
    }
    joined[0]!.push(candidate, ...joined.slice(1).flat());
    groups = groups.filter((members) => !joined.slice(1).includes(members));
  }
  return groups.map((members) => members.reduce((longest, member) => (member.term.length > longest.term.length ? member : longest)));
}
