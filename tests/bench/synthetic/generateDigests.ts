import path from "node:path";
import { z } from "zod";
import { ArxivIdAllocator } from "./ArxivIdAllocator";
import { addDays, daysBetween } from "./calendarDays";
import { FOUR_SYLLABLE_NAMES } from "./coinWord";
import { DigestFolder } from "./DigestFolder";
import { formatApiEntry } from "./formatApiEntry";
import { authorPoolSize, generatePaper, type PaperSetting, type SyntheticPaper } from "./generatePaper";
import { loadProfile } from "./loadProfile";
import { PageCollector } from "./PageCollector";
import { planDays, type DayPlan, type ListingDay } from "./planDays";
import { ProfileSamplers } from "./ProfileSamplers";
import type { SyntheticProfile } from "./profileSchema";
import { SeededRandom } from "./SeededRandom";

export const GenerateOptionsSchema = z.object({
  /** Distinct papers in the daily API files. */
  papers: z.number().int().min(1).max(10_000_000),
  seed: z.number().int().min(0).max(0xffff_ffff),
  /** A folder that does not exist or is empty. */
  outDir: z.string().min(1),
  /** Calendar days between two papers-page files. */
  pageEvery: z.number().int().min(1).default(28),
  /** The share of papers that a papers page lists again. */
  pageShare: z.number().min(0).max(1).default(0.03),
  /** The share of papers listed again on a later day; by default the profile's measured share. */
  relistShare: z.number().min(0).max(1).optional(),
});

export type GenerateOptions = z.input<typeof GenerateOptionsSchema>;

/** What a caller may pass besides the options: another profile, and a progress callback called after each daily file. */
export interface GenerateContext {
  profile?: SyntheticProfile;
  onProgress?: (daysDone: number, days: number) => void;
}

export interface GenerateSummary {
  outDir: string;
  files: number;
  apiFiles: number;
  pageFiles: number;
  /** Entries in all files: API entries, repeated listings included, and page cards. */
  entries: number;
  apiEntries: number;
  relistedEntries: number;
  pageCards: number;
  /** Papers of the API files, each with its own arXiv id. */
  papers: number;
  /** Papers that only a page lists, known by title alone: one older paper per page. */
  pageOnlyPapers: number;
  distinctPapers: number;
  bytes: number;
  firstDay: string;
  lastDay: string;
  listingDays: number;
  /** The factor on real per-day counts; 1 unless the papers needed more days than the span has. */
  scale: number;
  /** Distinct papers by the scope the product's tagger gives them. */
  scopes: Record<"alignment" | "other-alignment" | "off-topic", number>;
  /** Distinct papers by topic. */
  topics: Record<string, number>;
  /** Papers whose text missed its target tags after every attempt; they keep the tags the tagger gave. */
  taggingMisses: number;
}

/** The folder that daily API files go to, below the output folder. */
const API_FOLDER = "hf-daily-api";

/** A multiplier coprime to 80^4, so that index * multiplier mod 80^4 visits every four-syllable name once. */
const NAME_MULTIPLIER = 2_654_435_761 % FOUR_SYLLABLE_NAMES;

/** A repeat listing waiting for its day: the paper, its arXiv id, and the day it was first listed. */
interface PendingRelisting {
  paper: SyntheticPaper;
  arxivId: string;
  firstDay: string;
}

const profileSamplers = new WeakMap<SyntheticProfile, ProfileSamplers>();

function samplersOf(profile: SyntheticProfile): ProfileSamplers {
  let samplers = profileSamplers.get(profile);
  if (!samplers) {
    samplers = new ProfileSamplers(profile);
    profileSamplers.set(profile, samplers);
  }
  return samplers;
}

/** Returns a paper's arXiv publication time: its listing day minus a lag drawn from the real lags, at a random time of day. */
function drawPublishedAt(samplers: ProfileSamplers, seed: number, index: number, listedDay: string): string {
  const random = SeededRandom.derive(seed, "published", index);
  const lag = samplers.publicationLag.sample(random);
  const seconds = random.int(86_400);
  return `${addDays(listedDay, -lag)}T${new Date(seconds * 1000).toISOString().slice(11, 19)}.000Z`;
}

/** Returns the papers expected per publication month: the larger of that month's and the next month's listings. */
function expectedPublications(days: ListingDay[]): (month: string) => number {
  const listed = new Map<string, number>();
  for (const day of days) listed.set(day.day.slice(0, 7), (listed.get(day.day.slice(0, 7)) ?? 0) + day.count);
  const mean = [...listed.values()].reduce((a, b) => a + b, 0) / Math.max(1, listed.size);
  return (month) => {
    const next = addDays(`${month}-28`, 7).slice(0, 7);
    return Math.max(listed.get(month) ?? 0, listed.get(next) ?? 0) || mean;
  };
}

function createSummary(outDir: string, papers: number, plan: DayPlan): GenerateSummary {
  return {
    outDir,
    files: 0,
    apiFiles: 0,
    pageFiles: 0,
    entries: 0,
    apiEntries: 0,
    relistedEntries: 0,
    pageCards: 0,
    papers,
    pageOnlyPapers: 0,
    distinctPapers: papers,
    bytes: 0,
    firstDay: plan.days[0]!.day,
    lastDay: plan.days.at(-1)!.day,
    listingDays: plan.days.length,
    scale: plan.scale,
    scopes: { alignment: 0, "other-alignment": 0, "off-topic": 0 },
    topics: {},
    taggingMisses: 0,
  };
}

/** Adds the counts of the files written and of the pages to the summary. */
function completeSummary(summary: GenerateSummary, folder: DigestFolder, pages: PageCollector): GenerateSummary {
  return {
    ...summary,
    files: folder.files,
    bytes: folder.bytes,
    pageFiles: pages.pages,
    pageCards: pages.cardsWritten,
    pageOnlyPapers: pages.pages,
    distinctPapers: summary.papers + pages.pages,
    entries: summary.apiEntries + pages.cardsWritten,
  };
}

/** Counts a paper's tags into the summary. */
function tallyTags(summary: GenerateSummary, paper: SyntheticPaper): void {
  summary.scopes[paper.assignment.scope] += 1;
  for (const topic of paper.assignment.topics) summary.topics[topic.topic] = (summary.topics[topic.topic] ?? 0) + 1;
  if (!paper.matched) summary.taggingMisses += 1;
}

/**
 * Writes synthetic digests of `papers` papers to `outDir`, file by file. Each
 * listing day gets one Hugging Face daily-papers API file
 * (`hf-daily-api/YYYY/YYYY-MM-DD.json`, indented like the real files of
 * its time: 4 spaces before 2025, 2 after). Every `pageEvery` days a papers-page text file
 * (`hf-papers-page/YYYY/papers-page-YYYY-MM-DD.txt`) lists again a share of
 * the papers listed since the last page, plus one older paper that only the
 * page lists. Counts, lengths, words and tags follow the profile, and the
 * same options and profile give byte-identical files. Memory keeps one day's
 * entries, the cards of one page and the repeat listings due, never the
 * whole run. Raises when `outDir` contains files.
 */
export async function generateDigests(input: GenerateOptions, context: GenerateContext = {}): Promise<GenerateSummary> {
  const options = GenerateOptionsSchema.parse(input);
  const profile = context.profile ?? loadProfile();
  const folder = await DigestFolder.open(path.resolve(options.outDir));
  const samplers = samplersOf(profile);
  const relistShare = options.relistShare ?? samplers.relistShare;
  const plan = planDays(samplers, options.seed, options.papers, profile.sources.lastDay);
  const nameOffset = SeededRandom.derive(options.seed, "names").int(FOUR_SYLLABLE_NAMES);
  const setting: PaperSetting = {
    seed: options.seed,
    samplers,
    authorPool: authorPoolSize(samplers, options.papers),
    scrambleName: (index) => (((index * NAME_MULTIPLIER) % FOUR_SYLLABLE_NAMES) + nameOffset) % FOUR_SYLLABLE_NAMES,
  };
  const allocator = new ArxivIdAllocator(options.seed, expectedPublications(plan.days));
  const wrapWidth = profile.abstract.wrapWidth;
  const summary = createSummary(folder.root, options.papers, plan);
  const pages = new PageCollector(setting, folder, options.papers, options.pageEvery, plan.days[0]!.day, (paper) => tallyTags(summary, paper));
  const repeats = new Map<string, PendingRelisting[]>();

  for (const [position, listing] of plan.days.entries()) {
    await pages.writeDue(listing.day);
    const entries: Record<string, unknown>[] = [];

    // The day's new papers, each perhaps queued for a repeat listing and a card on the next page.
    for (let index = listing.firstIndex; index < listing.firstIndex + listing.count; index += 1) {
      const publishedAt = drawPublishedAt(samplers, options.seed, index, listing.day);
      const paper = generatePaper(setting, index, publishedAt, listing.day.slice(0, 7));
      const arxivId = allocator.next(publishedAt.slice(0, 10));
      entries.push(formatApiEntry(paper, { arxivId, day: listing.day, upvotes: paper.upvotes }, wrapWidth));
      tallyTags(summary, paper);

      const followUp = SeededRandom.derive(options.seed, "follow-up", index);
      if (followUp.chance(relistShare)) {
        const laterDay = addDays(listing.day, Math.max(1, samplers.relistLag.sample(followUp)));
        const later = plan.days.slice(position + 1).find((candidate) => candidate.day >= laterDay);
        if (later) repeats.set(later.day, [...(repeats.get(later.day) ?? []), { paper, arxivId, firstDay: listing.day }]);
      }
      if (followUp.chance(options.pageShare)) {
        // A page is captured later than the listing, and upvotes only grow.
        const upvotes = paper.upvotes + followUp.int(1 + Math.ceil(paper.upvotes / 10));
        pages.add({ title: paper.title, abstract: paper.abstract, authors: paper.authors.length, publishedDay: publishedAt.slice(0, 10), upvotes });
      }
    }

    // Papers listed again today, with the upvotes gained since their first day.
    for (const repeat of repeats.get(listing.day) ?? []) {
      const upvotes = repeat.paper.upvotes + daysBetween(repeat.firstDay, listing.day);
      entries.push(formatApiEntry(repeat.paper, { arxivId: repeat.arxivId, day: listing.day, upvotes }, wrapWidth));
      summary.relistedEntries += 1;
    }
    repeats.delete(listing.day);

    await folder.write(API_FOLDER, listing.day, `${listing.day}.json`, JSON.stringify(entries, null, samplers.indentOf(listing.day)));
    summary.apiFiles += 1;
    summary.apiEntries += entries.length;
    context.onProgress?.(position + 1, plan.days.length);
  }

  await pages.finish(summary.lastDay);
  return completeSummary(summary, folder, pages);
}
