import { DuckDBListValue, type DuckDBConnection } from "@duckdb/node-api";
import type { TrendFilter } from "@alignment-trends/schema";
import { readRow, readRows } from "../database/readRows";
import { filteredPapersSql } from "../filteredPapers";
import { fitsPeriodSql, periodStartSql } from "../periods";
import { dropNestedTerms, isBoilerplate } from "../terms/boilerplate";
import { DEFAULT_BURST_PARAMETERS, detectBursts, type BurstParameters } from "../terms/detectBursts";

export interface EmergingOptions {
  /** The length of each window in months; the recent window ends at the last date the filter keeps. */
  windowMonths: number;
  /** The fewest papers a term needs in the recent window. */
  minPapers: number;
  limit: number;
}

export interface EmergingTerm {
  term: string;
  recentPapers: number;
  baselinePapers: number;
  recentShare: number;
  baselineShare: number;
  /** The recent share over the baseline share, with one paper added to the baseline count so that new terms stay finite. */
  growth: number;
  /** Bursts in the monthly series, by month (`YYYY-MM-01`). */
  bursts: { start: string; end: string; weight: number }[];
}

export interface EmergingTerms {
  recent: { from: string; to: string; papers: number };
  baseline: { from: string; to: string; papers: number };
  burstParameters: BurstParameters;
  terms: EmergingTerm[];
}

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
 * papers grew most from a baseline window to the recent window of the same
 * length in months just after it, among terms in at least `minPapers` recent
 * papers, and runs burst detection on each term's monthly share over every
 * month the filter keeps. Windows are whole months; papers dated only to the
 * year count in neither. A term nested in a higher-ranked one with nearly the
 * same papers is left out.
 */
export async function findEmergingTerms(connection: DuckDBConnection, filter: TrendFilter, options: EmergingOptions): Promise<EmergingTerms | null> {
  const facts = filteredPapersSql(filter);
  const bounds = await readRow(connection, {
    sql: `WITH facts AS (${facts.sql}) SELECT max(trend_end) AS last FROM facts WHERE ${fitsPeriodSql("month")}`,
    params: facts.params,
  });
  if (bounds.last === null) return null;
  const recentFrom = addMonths(String(bounds.last).slice(0, 7) + "-01", 1 - options.windowMonths);
  const recentTo = dayBefore(addMonths(recentFrom, options.windowMonths));
  const baselineFrom = addMonths(recentFrom, -options.windowMonths);
  const baselineTo = dayBefore(recentFrom);

  const windowed = `SELECT paper_id, CASE WHEN trend_on >= $recent_from::DATE THEN 'recent' ELSE 'baseline' END AS time_window
    FROM facts WHERE ${fitsPeriodSql("month")} AND trend_on >= $baseline_from::DATE AND trend_end <= $recent_to::DATE`;
  const windowParams = { ...facts.params, recent_from: recentFrom, recent_to: recentTo, baseline_from: baselineFrom };
  const totals = await readRow(connection, {
    sql: `WITH facts AS (${facts.sql}), windowed AS (${windowed})
      SELECT count(*) FILTER (WHERE time_window = 'recent')::INTEGER AS recent, count(*) FILTER (WHERE time_window = 'baseline')::INTEGER AS baseline FROM windowed`,
    params: windowParams,
  });
  const recentTotal = Number(totals.recent);
  const baselineTotal = Number(totals.baseline);
  if (recentTotal === 0) return null;

  const candidates = await readRows(connection, {
    sql: `WITH facts AS (${facts.sql}), windowed AS (${windowed})
      SELECT t.term, count(*) FILTER (WHERE w.time_window = 'recent')::INTEGER AS recent, count(*) FILTER (WHERE w.time_window = 'baseline')::INTEGER AS baseline
      FROM windowed w JOIN paper_terms t USING (paper_id)
      GROUP BY t.term HAVING count(*) FILTER (WHERE w.time_window = 'recent') >= $min_papers`,
    params: { ...windowParams, min_papers: options.minPapers },
  });

  const ranked = candidates
    .map((row) => {
      const recentPapers = Number(row.recent);
      const baselinePapers = Number(row.baseline);
      const recentShare = recentPapers / recentTotal;
      const baselineShare = baselineTotal === 0 ? 0 : baselinePapers / baselineTotal;
      const growth = recentShare / ((baselinePapers + 1) / Math.max(baselineTotal, 1));
      return { term: String(row.term), recentPapers, baselinePapers, recentShare, baselineShare, growth };
    })
    .filter((term) => !isBoilerplate(term.term))
    .sort((a, b) => b.growth - a.growth || b.recentPapers - a.recentPapers || a.term.localeCompare(b.term));
  const shown = dropNestedTerms(ranked).slice(0, options.limit);

  const bursts = await burstsByTerm(connection, filter, shown.map((term) => term.term));
  return {
    recent: { from: recentFrom, to: recentTo, papers: recentTotal },
    baseline: { from: baselineFrom, to: baselineTo, papers: baselineTotal },
    burstParameters: DEFAULT_BURST_PARAMETERS,
    terms: shown.map((term) => ({
      ...term,
      recentShare: Math.round(term.recentShare * 10_000) / 10_000,
      baselineShare: Math.round(term.baselineShare * 10_000) / 10_000,
      growth: Math.round(term.growth * 100) / 100,
      bursts: bursts.get(term.term) ?? [],
    })),
  };
}

/** Returns each term's bursts over the monthly series of every month the filter keeps. */
async function burstsByTerm(connection: DuckDBConnection, filter: TrendFilter, terms: string[]) {
  const result = new Map<string, EmergingTerm["bursts"]>();
  if (terms.length === 0) return result;
  const facts = filteredPapersSql(filter);
  const months = await readRows(connection, {
    sql: `WITH facts AS (${facts.sql})
      SELECT ${periodStartSql("month", "trend_on")} AS month, count(*)::INTEGER AS papers
      FROM facts WHERE ${fitsPeriodSql("month")} GROUP BY 1 ORDER BY 1`,
    params: facts.params,
  });
  const counts = await readRows(connection, {
    sql: `WITH facts AS (${facts.sql})
      SELECT t.term, ${periodStartSql("month", "f.trend_on")} AS month, count(*)::INTEGER AS papers
      FROM facts f JOIN paper_terms t USING (paper_id)
      WHERE ${fitsPeriodSql("month", "f")} AND list_contains($terms, t.term)
      GROUP BY ALL`,
    params: { ...facts.params, terms: new DuckDBListValue(terms) },
  });

  const monthIndex = new Map(months.map((row, index) => [String(row.month), index]));
  const totals = months.map((row) => Number(row.papers));
  for (const term of terms) {
    const hits = new Array<number>(months.length).fill(0);
    for (const row of counts) if (row.term === term) hits[monthIndex.get(String(row.month))!] = Number(row.papers);
    result.set(
      term,
      detectBursts(hits, totals).map((burst) => ({ start: String(months[burst.start]!.month), end: String(months[burst.end]!.month), weight: burst.weight })),
    );
  }
  return result;
}
