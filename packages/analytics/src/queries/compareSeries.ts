import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import { MAX_COMPARE_SERIES, MIN_PAPERS_FOR_SHARE, type Bucket, type Comparison, type SeriesSpec, type TrendFilter } from "@alignment-trends/schema";
import { readRows } from "../database/readRows";
import { filteredPapersSql } from "../filteredPapers";
import { fitsPeriodSql, formatPeriodLabel, periodBoundParams, periodSeriesSql, periodStartSql } from "../periods";
import { termMatchSql } from "../terms/termMatchSql";

export type { ComparePoint, Comparison, SeriesValue } from "@alignment-trends/schema";

/** Returns the SQL condition, over papers aliased `p`, for one series. */
function seriesCondition(spec: SeriesSpec, index: number, scanText: boolean): { condition: string; params: Record<string, DuckDBValue>; indexed: boolean } {
  if (spec.kind === "topic") {
    const name = `c_topic${index}`;
    return {
      condition: `EXISTS (SELECT 1 FROM paper_topics t WHERE t.paper_id = p.paper_id AND t.topic_id = $${name})`,
      params: { [name]: spec.topic },
      indexed: true,
    };
  }
  return termMatchSql(spec.term, `c_term${index}`, { scanText });
}

/**
 * Compares up to eight terms or topics per period: for each, the papers that
 * hold it, their share of all papers the filter keeps in the period, and an
 * index from 0 to 100 relative to the highest share in the view. Terms of one
 * to three words come from the term index; longer ones are matched in the
 * text and the result marks them as not indexed; `scanText` matches every
 * term in the text, for benchmarks and tests of the index. A period with
 * fewer than `minPapersForShare` papers (`MIN_PAPERS_FOR_SHARE` unless given)
 * has no share and no index, so that one paper in a quiet month cannot set
 * the scale of the whole view.
 */
export async function compareSeries(
  connection: DuckDBConnection,
  filter: TrendFilter,
  bucket: Bucket,
  specs: SeriesSpec[],
  options: { scanText?: boolean; minPapersForShare?: number } = {},
): Promise<Comparison> {
  if (specs.length === 0 || specs.length > MAX_COMPARE_SERIES) {
    throw new RangeError(`compare needs one to ${MAX_COMPARE_SERIES} series, not ${specs.length}`);
  }
  const facts = filteredPapersSql(filter);
  const matches = specs.map((spec, index) => seriesCondition(spec, index, options.scanText ?? false));
  const hits = matches.map((match, index) => `SELECT ${index} AS series, trend_on, trend_end FROM facts p WHERE ${match.condition}`).join("\nUNION ALL\n");

  const rows = await readRows(connection, {
    sql: `WITH facts AS (${facts.sql}),
      ${periodSeriesSql(bucket)},
      totals AS (
        SELECT ${periodStartSql(bucket, "trend_on")} AS period_start, count(*)::INTEGER AS papers
        FROM facts WHERE ${fitsPeriodSql(bucket)} GROUP BY 1
      ),
      hits AS (${hits}),
      counts AS (
        SELECT ${periodStartSql(bucket, "trend_on")} AS period_start, series, count(*)::INTEGER AS papers
        FROM hits WHERE ${fitsPeriodSql(bucket)} GROUP BY ALL
      )
      SELECT periods.period_start, periods.period_end, coalesce(totals.papers, 0) AS papers,
        list({'series': counts.series, 'papers': counts.papers}) FILTER (WHERE counts.series IS NOT NULL) AS counts
      FROM periods
      LEFT JOIN totals USING (period_start)
      LEFT JOIN counts USING (period_start)
      GROUP BY ALL
      ORDER BY periods.period_start`,
    params: {
      ...facts.params,
      ...periodBoundParams(filter),
      ...Object.assign({}, ...matches.map((match) => match.params)),
    },
  });

  const countsByRow = rows.map((row) => {
    const counts = new Array<number>(specs.length).fill(0);
    for (const hit of (row.counts as { series: number; papers: number }[] | null) ?? []) counts[hit.series] = hit.papers;
    return counts;
  });
  const minPapers = Math.max(1, options.minPapersForShare ?? MIN_PAPERS_FOR_SHARE);
  const shares = rows.map((row, rowIndex) => countsByRow[rowIndex]!.map((count) => (Number(row.papers) < minPapers ? null : count / Number(row.papers))));
  const highest = Math.max(0, ...shares.flat().filter((share): share is number => share !== null));
  const points = rows.map((row, rowIndex) => ({
    periodStart: String(row.period_start),
    periodEnd: String(row.period_end),
    label: formatPeriodLabel(bucket, String(row.period_start)),
    papers: Number(row.papers),
    series: countsByRow[rowIndex]!.map((count, seriesIndex) => {
      const share = shares[rowIndex]![seriesIndex]!;
      return {
        papers: count,
        share: share === null ? null : Math.round(share * 10_000) / 10_000,
        index: share === null ? null : highest === 0 ? 0 : Math.round((share / highest) * 100),
      };
    }),
  }));
  return { series: specs.map((spec, index) => ({ ...spec, indexed: matches[index]!.indexed })), points, minPapersForShare: minPapers };
}

