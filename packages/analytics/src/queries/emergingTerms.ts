import type { DuckDBConnection } from "@duckdb/node-api";
import type { EmergingTerm, EmergingTerms, TrendFilter } from "@alignment-trends/schema";
import { readRows, type Row } from "../database/readRows";
import { dropNestedTerms, isBoilerplate } from "../terms/boilerplate";
import { DEFAULT_BURST_PARAMETERS, detectBursts } from "../terms/detectBursts";
import { chooseLastMonth } from "../terms/chooseLastMonth";
import { estimateGrowth } from "../terms/estimateGrowth";
import { chooseEmergingCounts, type EmergingCountSource, type EmergingCounts } from "../terms/emergingCounts";

export interface EmergingOptions {
  /** The length of each window in months; the recent window ends with the last month the filter keeps. */
  windowMonths: number;
  /** The fewest recent papers a term needs. */
  minPapers: number;
  limit: number;
  /** The source of term counts, `term-months` unless given; tests compare the two. */
  countFrom?: EmergingCountSource;
}

/**
 * The title rule a term must pass beyond `minPapers`. Titles name what a
 * paper is about, so a term must appear in the titles of at least
 * `minTitlePapers` of its recent papers and in at least `minTitleShare` of
 * them. Words found only in the prose of abstracts ("transfers", "persist")
 * never qualify.
 */
export const EMERGING_TITLE_RULE = { minTitlePapers: 2, minTitleShare: 0.15 } as const;

export type { EmergingTerm, EmergingTerms } from "@alignment-trends/schema";

function addMonths(date: string, months: number): string {
  const [year, month] = date.split("-").map(Number) as [number, number];
  const index = year * 12 + (month - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/**
 * Finds the terms (one to three words, boilerplate left out) whose share of
 * papers grew most from a baseline window to the recent window just after
 * it, both of the same number of months. Runs burst detection on each term's
 * monthly share over every month the filter keeps.
 *
 * Shares count only papers with an abstract, since a digest that lists titles
 * alone would otherwise lower every term's share in its months. The recent
 * window ends with the last month that is not thin (`chooseLastMonth`),
 * unless the filter has a `to` date. Windows are
 * whole months; papers dated only to the year count in neither. Terms rank by
 * the lower bound of their growth, so a term seen in 40 papers instead of 10
 * outranks one seen in 2 instead of none; only terms whose lower bound is
 * above 1 are listed. A term nested in another with nearly the same papers
 * shows once, as the longest.
 */
export async function findEmergingTerms(connection: DuckDBConnection, filter: TrendFilter, options: EmergingOptions): Promise<EmergingTerms | null> {
  const counts = chooseEmergingCounts(filter, options.countFrom);
  const months = await readRows(connection, counts.monthlyPapers());
  // A To date chooses the end of the recent window itself, thin or not.
  const lastIndex = filter.to ? months.length - 1 : chooseLastMonth(months.map((row) => Number(row.papers)));
  if (lastIndex === -1) return null;
  const lastMonth = String(months[lastIndex]!.month);
  const leftOut = months.slice(lastIndex + 1);
  const thinMonths =
    leftOut.length === 0
      ? null
      : {
          from: String(leftOut[0]!.month),
          to: dayBefore(addMonths(String(leftOut.at(-1)!.month), 1)),
          papers: sumPapers(leftOut),
        };

  const recentFrom = addMonths(lastMonth, 1 - options.windowMonths);
  const baselineFrom = addMonths(recentFrom, -options.windowMonths);
  const recentTo = dayBefore(addMonths(recentFrom, options.windowMonths));
  const baselineTo = dayBefore(recentFrom);
  const recent = { from: recentFrom, to: recentTo, papers: sumPapers(monthsBetween(months, recentFrom, recentTo)) };
  const baseline = { from: baselineFrom, to: baselineTo, papers: sumPapers(monthsBetween(months, baselineFrom, baselineTo)) };
  if (baseline.papers === 0) return { recent, baseline, thinMonths, burstParameters: DEFAULT_BURST_PARAMETERS, terms: [] };

  const bounds = { baseline_from: baseline.from, recent_from: recent.from, recent_to: recent.to };
  const rule = { min_papers: options.minPapers, min_title_papers: EMERGING_TITLE_RULE.minTitlePapers, min_title_share: EMERGING_TITLE_RULE.minTitleShare };
  const candidates = await readRows(connection, counts.candidates(bounds, rule));
  const keys = new Map(candidates.map((row) => [String(row.term), row.term_key]));

  const ranked = candidates
    .map((row) => {
      const recentPapers = Number(row.recent);
      const baselinePapers = Number(row.baseline);
      const estimate = estimateGrowth(recentPapers, recent.papers, baselinePapers, baseline.papers);
      return {
        term: String(row.term),
        recentPapers,
        baselinePapers,
        recentTitlePapers: Number(row.recent_titles),
        recentShare: recentPapers / recent.papers,
        baselineShare: baselinePapers / baseline.papers,
        growth: estimate.growth,
        growthLowerBound: estimate.lowerBound,
      };
    })
    .filter((term) => term.growthLowerBound > 1 && !isBoilerplate(term.term))
    .sort((a, b) => b.growthLowerBound - a.growthLowerBound || b.recentPapers - a.recentPapers || a.term.localeCompare(b.term));
  const shown = dropNestedTerms(ranked).slice(0, options.limit);

  const bursts = await burstsByTerm(connection, counts, months, shown.map((term) => ({ term: term.term, key: keys.get(term.term) })));
  return {
    recent,
    baseline,
    thinMonths,
    burstParameters: DEFAULT_BURST_PARAMETERS,
    terms: shown.map((term) => ({
      ...term,
      recentShare: roundTo(term.recentShare, 4),
      baselineShare: roundTo(term.baselineShare, 4),
      growth: roundTo(term.growth, 2),
      growthLowerBound: roundTo(term.growthLowerBound, 2),
      bursts: bursts.get(term.term) ?? [],
    })),
  };
}

function monthsBetween(months: Row[], from: string, to: string): Row[] {
  return months.filter((row) => String(row.month) >= from && String(row.month) <= to);
}

function sumPapers(months: Row[]): number {
  return months.reduce((sum, row) => sum + Number(row.papers), 0);
}

function roundTo(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/**
 * Returns each term's bursts over the monthly series of papers with an
 * abstract in every month the filter keeps. `months` lists those months with
 * their papers, in order; each term comes with the key its count source gave.
 */
async function burstsByTerm(connection: DuckDBConnection, counts: EmergingCounts, months: Row[], terms: { term: string; key: unknown }[]) {
  const result = new Map<string, EmergingTerm["bursts"]>();
  if (terms.length === 0) return result;
  const rows = await readRows(connection, counts.termMonthlyPapers(terms.map((term) => term.key)));

  const monthIndex = new Map(months.map((row, index) => [String(row.month), index]));
  const totals = months.map((row) => Number(row.papers));
  for (const { term, key } of terms) {
    const hits = new Array<number>(months.length).fill(0);
    for (const row of rows) if (row.term_key === key) hits[monthIndex.get(String(row.month))!] = Number(row.papers);
    result.set(
      term,
      detectBursts(hits, totals).map((burst) => ({ start: String(months[burst.start]!.month), end: String(months[burst.end]!.month), weight: burst.weight })),
    );
  }
  return result;
}
