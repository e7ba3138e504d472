import { daysBetween, isoWeekday } from "./calendarDays";
import type { ApiDay, ApiEntry } from "./readApiEntries";
import { FrequencyCounter } from "./FrequencyCounter";
import { HistogramCounter, powerOfTwoBin } from "./HistogramCounter";
import type { SyntheticProfile } from "./profileSchema";
import { countWords, tokenizeText } from "./tokenizeText";

type ApiMeasures = Pick<
  SyntheticProfile,
  | "entriesPerDayByWeekday"
  | "publicationLagDays"
  | "authors"
  | "title"
  | "abstract"
  | "upvotes"
  | "comments"
  | "aiSummary"
  | "aiKeywords"
  | "optionalFields"
  | "githubRepoByMonth"
  | "arxivIdsByMonth"
  | "files"
> & { apiRelisted: number; relistLagDays: HistogramCounter };

function share(count: number, total: number) {
  return { count, total: Math.max(total, 1) };
}

function present(value: string | null | undefined): boolean {
  return typeof value === "string" && value.trim() !== "";
}

/** Returns the value at quantile `q` (0 to 1) of sorted numbers, by the nearest rank. */
function quantileOfSorted(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

/** Reports whether a title opens with a name and a colon, as in "Name: what it does", with at most four words before the colon. */
export function isNamedTitle(title: string): boolean {
  const match = /^([^:]{1,60}):\s/u.exec(title);
  return match !== null && countWords(match[1]!) <= 4;
}

/** Measures sizes and line wrapping of the abstracts. */
function measureAbstracts(entries: ApiEntry[]): SyntheticProfile["abstract"] {
  const wordsByTen = new HistogramCounter();
  const sentenceWords = new HistogramCounter();
  const lineLengths: number[] = [];
  let words = 0;
  let commas = 0;
  let wrapped = 0;
  let codeLinks = 0;
  for (const { paper } of entries) {
    wordsByTen.add(Math.floor(countWords(paper.summary) / 10) * 10);
    for (const sentence of tokenizeText(paper.summary)) {
      sentenceWords.add(sentence.length);
      words += sentence.length;
      commas += sentence.filter((token) => token.comma).length;
    }
    const lines = paper.summary.split("\n");
    if (lines.length > 1) {
      wrapped += 1;
      // The last line of a wrapped paragraph is short by nature; only full lines show the width.
      for (const line of lines.slice(0, -1)) lineLengths.push(line.length);
    }
    if (/github\.com\//iu.test(paper.summary)) codeLinks += 1;
  }
  lineLengths.sort((a, b) => a - b);
  return {
    wordsByTen: wordsByTen.toJSON(),
    sentenceWords: sentenceWords.toJSON(),
    commas: share(commas, words),
    wrapped: share(wrapped, entries.length),
    wrapWidth: quantileOfSorted(lineLengths, 0.95),
    codeLink: share(codeLinks, entries.length),
  };
}

/** Measures the optional members among entries of the current API shape, those with `submittedOnDailyAt`. */
function measureOptionalFields(entries: ApiEntry[]): SyntheticProfile["optionalFields"] {
  const current = entries.filter((entry) => present(entry.paper.submittedOnDailyAt));
  const withRepo = current.filter((entry) => present(entry.paper.githubRepo));
  const stars = new HistogramCounter();
  for (const entry of withRepo) if (entry.paper.githubStars !== undefined) stars.add(powerOfTwoBin(entry.paper.githubStars));
  const count = (test: (entry: ApiEntry) => boolean, within = current) => share(within.filter(test).length, within.length);
  return {
    entries: current.length,
    mediaUrls: count((entry) => (entry.paper.mediaUrls?.length ?? entry.mediaUrls?.length ?? 0) > 0),
    projectPage: count((entry) => present(entry.paper.projectPage)),
    organization: count((entry) => entry.paper.organization !== undefined && entry.paper.organization !== null),
    authorParticipating: count((entry) => entry.isAuthorParticipating === true),
    summaryModel: count((entry) => present(entry.paper.ai_summary_model)),
    repoAddedByUser: count((entry) => entry.paper.githubRepoAddedBy === "user", withRepo),
    githubStarsGivenRepo: count((entry) => entry.paper.githubStars !== undefined, withRepo),
    githubStars: stars.toJSON(),
  };
}

/** Measures the arXiv ids by the month they encode. */
function measureArxivIds(entries: ApiEntry[]): SyntheticProfile["arxivIdsByMonth"] {
  const months = new Map<string, { papers: number; maxSequence: number; digits: number }>();
  for (const { paper } of entries) {
    const match = /^(\d{4})\.(\d{4,5})$/u.exec(paper.id);
    if (!match) continue;
    const month = months.get(match[1]!) ?? { papers: 0, maxSequence: 0, digits: match[2]!.length };
    month.papers += 1;
    month.maxSequence = Math.max(month.maxSequence, Number(match[2]));
    months.set(match[1]!, month);
  }
  return [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, stats]) => ({ month, ...stats }));
}

/** Measures the JSON indent of the files over time, and their bytes per indent. */
function measureFiles(days: ApiDay[]): SyntheticProfile["files"] {
  const indentFrom: { day: string; spaces: number }[] = [];
  const byIndent = new Map<number, { spaces: number; files: number; entries: number; bytes: number }>();
  for (const day of days) {
    if (indentFrom.at(-1)?.spaces !== day.indent) indentFrom.push({ day: day.day, spaces: day.indent });
    const totals = byIndent.get(day.indent) ?? { spaces: day.indent, files: 0, entries: 0, bytes: 0 };
    totals.files += 1;
    totals.entries += day.entries.length;
    totals.bytes += day.bytes;
    byIndent.set(day.indent, totals);
  }
  return { indentFrom, bytesByIndent: [...byIndent.values()].sort((a, b) => a.spaces - b.spaces) };
}

/** Measures authors, titles, counts and members of every entry, and the per-day volume and repeats of the files. */
export function measureApiEntries(days: ApiDay[]): ApiMeasures {
  const entries = days.flatMap((day) => day.entries);
  const perWeekday = new Map<number, HistogramCounter>();
  const lag = new HistogramCounter();
  const relistLagDays = new HistogramCounter();
  const firstListed = new Map<string, string>();
  let apiRelisted = 0;
  const githubByMonth = new Map<string, { entries: number; withRepo: number }>();
  for (const day of days) {
    const weekday = isoWeekday(day.day);
    const counter = perWeekday.get(weekday) ?? new HistogramCounter();
    counter.add(day.entries.length);
    perWeekday.set(weekday, counter);
    const month = githubByMonth.get(day.day.slice(0, 7)) ?? { entries: 0, withRepo: 0 };
    for (const { paper } of day.entries) {
      lag.add(daysBetween(paper.publishedAt, day.day));
      month.entries += 1;
      if (present(paper.githubRepo)) month.withRepo += 1;
      const earlier = firstListed.get(paper.id);
      if (earlier === undefined) firstListed.set(paper.id, day.day);
      else {
        apiRelisted += 1;
        relistLagDays.add(daysBetween(earlier, day.day));
      }
    }
    githubByMonth.set(day.day.slice(0, 7), month);
  }

  const perPaper = new HistogramCounter();
  const statuses: Record<string, number> = {};
  const papersByName = new Map<string, number>();
  let authors = 0;
  let withUser = 0;
  let hidden = 0;
  const titleWords = new HistogramCounter();
  let named = 0;
  let wrappedTitles = 0;
  const upvotes = new HistogramCounter();
  const comments = new HistogramCounter();
  const summaryWords = new HistogramCounter();
  const keywordsPerPaper = new HistogramCounter();
  const keywordPhrases = new FrequencyCounter();
  for (const entry of entries) {
    const { paper } = entry;
    perPaper.add(paper.authors.length);
    for (const author of paper.authors) {
      authors += 1;
      papersByName.set(author.name, (papersByName.get(author.name) ?? 0) + 1);
      if (author.user !== undefined) withUser += 1;
      if (author.hidden === true) hidden += 1;
      if (author.status !== undefined) statuses[author.status] = (statuses[author.status] ?? 0) + 1;
    }
    titleWords.add(countWords(paper.title));
    if (isNamedTitle(paper.title)) named += 1;
    if (paper.title.includes("\n")) wrappedTitles += 1;
    upvotes.add(paper.upvotes);
    comments.add(entry.numComments);
    if (present(paper.ai_summary)) summaryWords.add(countWords(paper.ai_summary!));
    if (paper.ai_keywords && paper.ai_keywords.length > 0) keywordsPerPaper.add(paper.ai_keywords.length);
    for (const keyword of paper.ai_keywords ?? []) if (keyword.trim() !== "") keywordPhrases.add(keyword.trim());
  }
  const current = entries.filter((entry) => present(entry.paper.submittedOnDailyAt));
  const shareOfCurrent = (test: (entry: ApiEntry) => boolean) => share(current.filter(test).length, current.length);

  return {
    entriesPerDayByWeekday: Object.fromEntries([...perWeekday.entries()].sort(([a], [b]) => a - b).map(([weekday, counter]) => [String(weekday), counter.toJSON()])),
    publicationLagDays: lag.toJSON(),
    authors: {
      perPaper: perPaper.toJSON(),
      distinctNames: share(papersByName.size, authors),
      maxPapersPerName: Math.max(...papersByName.values()),
      withUser: share(withUser, authors), hidden: share(hidden, authors), statuses },
    title: { words: titleWords.toJSON(), named: share(named, entries.length), wrapped: share(wrappedTitles, entries.length) },
    abstract: measureAbstracts(entries),
    upvotes: upvotes.toJSON(),
    comments: comments.toJSON(),
    aiSummary: { present: shareOfCurrent((entry) => present(entry.paper.ai_summary)), words: summaryWords.toJSON() },
    aiKeywords: {
      present: shareOfCurrent((entry) => (entry.paper.ai_keywords?.length ?? 0) > 0),
      perPaper: keywordsPerPaper.toJSON(),
      phrases: keywordPhrases.toList(3),
    },
    optionalFields: measureOptionalFields(entries),
    githubRepoByMonth: [...githubByMonth.entries()].map(([month, counts]) => ({ month, ...counts })),
    arxivIdsByMonth: measureArxivIds(entries),
    files: measureFiles(days),
    apiRelisted,
    relistLagDays,
  };
}
