import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { daysBetween, isoWeekday } from "./calendarDays";
import { generateDigests, type GenerateSummary } from "./generateDigests";
import { loadProfile } from "./loadProfile";
import { isNamedTitle } from "./measureApiEntries";
import { ProfileSamplers } from "./ProfileSamplers";
import { countWords } from "./tokenizeText";

const PAPERS = 2000;
const profile = loadProfile();
const samplers = new ProfileSamplers(profile);

interface Entry {
  day: string;
  paper: {
    id: string;
    title: string;
    summary: string;
    authors: unknown[];
    publishedAt: string;
    upvotes: number;
    githubRepo?: string;
    ai_keywords?: string[];
    ai_summary?: string;
  };
  numComments: number;
}

/** A daily file's size, entries and JSON indent, as the profile counts them per indent. */
interface DayFile {
  spaces: number;
  bytes: number;
  entries: number;
}

let folder: string;
let summary: GenerateSummary;
let entries: Entry[] = [];
let days: string[] = [];
const files: DayFile[] = [];

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function share<T>(items: T[], test: (item: T) => boolean): number {
  return items.filter(test).length / items.length;
}

/** Returns the mean of a profile histogram. */
function histogramMean(histogram: Record<string, number>): number {
  let total = 0;
  let sum = 0;
  for (const [value, count] of Object.entries(histogram)) {
    total += count;
    sum += Number(value) * count;
  }
  return sum / total;
}

/** Returns the bytes per entry of the files indented by `spaces`. */
function bytesPerEntry(sizes: DayFile[], spaces: number): number {
  const matching = sizes.filter((size) => size.spaces === spaces);
  return matching.reduce((sum, size) => sum + size.bytes, 0) / matching.reduce((sum, size) => sum + size.entries, 0);
}

/** Returns the share of a profile histogram's counts whose value passes `test`. */
function histogramShare(histogram: Record<string, number>, test: (value: number) => boolean): number {
  let total = 0;
  let passing = 0;
  for (const [value, count] of Object.entries(histogram)) {
    total += count;
    if (test(Number(value))) passing += count;
  }
  return passing / total;
}

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), "synthetic-distributions-"));
  summary = await generateDigests({ papers: PAPERS, seed: 5, outDir: folder });
  const apiFolder = path.join(folder, "hf-daily-api");
  for (const entry of readdirSync(apiFolder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const day = entry.name.slice(0, 10);
    days.push(day);
    const text = readFileSync(path.join(entry.parentPath, entry.name), "utf8");
    const dayEntries = JSON.parse(text) as Omit<Entry, "day">[];
    entries.push(...dayEntries.map((item) => ({ ...item, day })));
    files.push({ spaces: /\n( *)\S/u.exec(text)![1]!.length, bytes: Buffer.byteLength(text), entries: dayEntries.length });
  }
  // Repeat listings would count a paper twice; the default share makes them rare, and they are left out here.
  const seen = new Set<string>();
  entries = entries.filter((entry) => !seen.has(entry.paper.id) && seen.add(entry.paper.id));
  days = days.sort();
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** A measure of the generated set, the profile's value, and how far apart they may be (relative, or absolute for shares). */
interface Check {
  name: string;
  generated: () => number;
  expected: () => number;
  tolerance: number;
  relative: boolean;
}

const CHECKS: Check[] = [
  { name: "papers per listing day", generated: () => PAPERS / days.length, expected: () => samplers.meanEntriesPerDay(), tolerance: 0.1, relative: true },
  { name: "authors per paper", generated: () => mean(entries.map((entry) => entry.paper.authors.length)), expected: () => histogramMean(profile.authors.perPaper), tolerance: 0.1, relative: true },
  { name: "title words", generated: () => mean(entries.map((entry) => countWords(entry.paper.title))), expected: () => histogramMean(profile.title.words), tolerance: 0.1, relative: true },
  { name: "abstract words", generated: () => mean(entries.map((entry) => countWords(entry.paper.summary))), expected: () => histogramMean(profile.abstract.wordsByTen) + 4.5, tolerance: 0.1, relative: true },
  { name: "upvotes", generated: () => mean(entries.map((entry) => entry.paper.upvotes)), expected: () => histogramMean(profile.upvotes), tolerance: 0.2, relative: true },
  { name: "share with 50 upvotes or more", generated: () => share(entries, (entry) => entry.paper.upvotes >= 50), expected: () => histogramShare(profile.upvotes, (value) => value >= 50), tolerance: 0.03, relative: false },
  { name: "share with no upvote", generated: () => share(entries, (entry) => entry.paper.upvotes === 0), expected: () => histogramShare(profile.upvotes, (value) => value === 0), tolerance: 0.02, relative: false },
  { name: "comments", generated: () => mean(entries.map((entry) => entry.numComments)), expected: () => histogramMean(profile.comments), tolerance: 0.15, relative: true },
  {
    name: "keywords per paper",
    generated: () => mean(entries.filter((entry) => entry.paper.ai_keywords).map((entry) => entry.paper.ai_keywords!.length)),
    expected: () => histogramMean(profile.aiKeywords.perPaper),
    tolerance: 0.15,
    relative: true,
  },
  { name: "share with keywords", generated: () => share(entries, (entry) => entry.paper.ai_keywords !== undefined), expected: () => samplers.shares.aiKeywords, tolerance: 0.04, relative: false },
  { name: "share with AI summary", generated: () => share(entries, (entry) => entry.paper.ai_summary !== undefined), expected: () => samplers.shares.aiSummary, tolerance: 0.04, relative: false },
  { name: "share of named titles", generated: () => share(entries, (entry) => isNamedTitle(entry.paper.title)), expected: () => samplers.shares.titleNamed, tolerance: 0.05, relative: false },
  { name: "days from publication to listing", generated: () => mean(entries.map((entry) => daysBetween(entry.paper.publishedAt, entry.day))), expected: () => histogramMean(profile.publicationLagDays), tolerance: 0.15, relative: true },
  { name: "share with a code repository", generated: () => share(entries, (entry) => entry.paper.githubRepo !== undefined), expected: () => mean(entries.map((entry) => samplers.repositoryShare(entry.day.slice(0, 7)))), tolerance: 0.04, relative: false },
  { name: "bytes per entry", generated: () => bytesPerEntry(files, 2), expected: () => bytesPerEntry(profile.files.bytesByIndent, 2), tolerance: 0.15, relative: true },
  { name: "alignment share", generated: () => summary.scopes.alignment / summary.distinctPapers, expected: () => profile.tagging.scopes.alignment / profile.sources.apiPapers, tolerance: 0.02, relative: false },
  { name: "other-alignment share", generated: () => summary.scopes["other-alignment"] / summary.distinctPapers, expected: () => profile.tagging.scopes["other-alignment"] / profile.sources.apiPapers, tolerance: 0.006, relative: false },
  { name: "share listed again on a page", generated: () => (summary.pageCards - summary.pageOnlyPapers) / PAPERS, expected: () => 0.03, tolerance: 0.012, relative: false },
];

describe("synthetic digests against the profile", () => {
  test.each(CHECKS)("$name", (check) => {
    const generated = check.generated();
    const expected = check.expected();
    const allowed = check.relative ? check.tolerance * expected : check.tolerance;
    expect(Math.abs(generated - expected), `generated ${generated.toFixed(4)}, profile ${expected.toFixed(4)}`).toBeLessThanOrEqual(allowed);
  });

  test("indent follows the real files", () => {
    expect(samplers.indentOf("2017-01-02")).toBe(4);
    expect(samplers.indentOf("2025-01-31")).toBe(4);
    expect(samplers.indentOf("2025-02-03")).toBe(2);
    expect(new Set(files.map((file) => file.spaces))).toEqual(new Set([2]));
  });

  test("lists papers on weekdays only", () => {
    expect(days.filter((day) => isoWeekday(day) > 5)).toEqual([]);
  });

  test("topic shares among alignment papers", () => {
    const realAlignment = profile.tagging.scopes.alignment;
    for (const topic of Object.keys(profile.tagging.topicEvidence)) {
      const real = profile.tagging.topicSets.filter((set) => set.topics.includes(topic)).reduce((sum, set) => sum + set.papers, 0) / realAlignment;
      const generated = (summary.topics[topic] ?? 0) / summary.scopes.alignment;
      expect(Math.abs(generated - real), `${topic}: generated ${generated.toFixed(3)}, profile ${real.toFixed(3)}`).toBeLessThanOrEqual(0.1);
    }
  });

  test("arXiv ids name the publication month", () => {
    const ids = entries.map((entry) => entry.paper.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of entries) {
      const month = entry.paper.publishedAt.slice(2, 4) + entry.paper.publishedAt.slice(5, 7);
      expect(entry.paper.id).toMatch(new RegExp(`^${month}\\.\\d{5}$`, "u"));
    }
  });
});
