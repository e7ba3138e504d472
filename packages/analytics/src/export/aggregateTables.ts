import { DuckDBListValue } from "@duckdb/node-api";
import type { SqlQuery } from "../database/readRows";
import { periodAggregatesSql } from "../periods";
import { authorTrendsSql, TEAM_SIZE_BINS, teamSizesSql } from "../queries/authorTrends";
import { codeHostsSql, codeTrendsSql } from "../queries/codeTrends";
import { papersPerPeriodSql, topicCountsSql } from "../queries/topicTrends";
import { upvoteTrendsSql } from "../queries/upvoteTrends";
import { columnSpec, type DatasetTableSpec } from "./datasetTableSpec";
import { DEFAULT_FILTER } from "./datedPapersSql";

/*
 * The aggregates are the dashboard's own queries under its default filter
 * (every paper, dated first listed else published, latest upvotes) by month,
 * so each figure equals the chart's. The dashboard rounds means and shares for
 * display; these tables keep them unrounded.
 */

const MONTH_COLUMN = columnSpec("month", "The month as YYYY-MM, the same text as the month folders of the partitioned tables.");
const MONTH_SQL = "strftime(p.period_start, '%Y-%m')";
const MONTH_PAPERS = "Papers of the month, as papers.month assigns it";

/** Returns the SQL of a common table expression list that names each query, with the union of their parameters. */
function namedQueriesSql(queries: Record<string, SqlQuery>): SqlQuery {
  const sql = Object.entries(queries)
    .map(([name, query]) => `${name} AS (${query.sql})`)
    .join(",\n");
  const params = Object.assign({}, ...Object.values(queries).map((query) => query.params ?? {}));
  return { sql, params };
}

const summary = namedQueriesSql({
  papers_q: papersPerPeriodSql(DEFAULT_FILTER, "month"),
  scopes_q: periodAggregatesSql(DEFAULT_FILTER, "month", [
    { name: "other_alignment_papers", sql: "count(*) FILTER (WHERE scope = 'other-alignment')::INTEGER", empty: "0" },
  ]),
  authors_q: authorTrendsSql(DEFAULT_FILTER, "month"),
  code_q: codeTrendsSql(DEFAULT_FILTER, "month"),
  upvotes_q: upvoteTrendsSql(DEFAULT_FILTER, "month"),
});

const SUMMARY_COLUMNS = [
  { ...MONTH_COLUMN, sql: MONTH_SQL },
  columnSpec("papers", `${MONTH_PAPERS}.`, "p.papers"),
  columnSpec("alignment_papers", "Of those, the papers in scope alignment, that is alignment research.", "p.alignment_papers"),
  columnSpec(
    "other_alignment_papers",
    "Of those, the papers in scope other-alignment, which use the word in another sense, such as image registration.",
    "s.other_alignment_papers",
  ),
  columnSpec("papers_with_author_count", "Of those, the papers whose author count is known.", "a.with_count"),
  columnSpec("mean_authors", "Mean authors per paper over the papers with a known count; null when there are none.", "a.mean_authors"),
  columnSpec("median_authors", "Median authors per paper over the papers with a known count; null when there are none.", "a.median_authors"),
  columnSpec("papers_with_code", "Of the month's papers, those that link to a code repository.", "c.with_code"),
  columnSpec("code_share", "papers_with_code divided by papers; null for a month without papers.", "CASE WHEN p.papers > 0 THEN c.with_code / p.papers END"),
  columnSpec("total_upvotes", "Sum of the latest upvote counts of the month's papers that have one.", "u.total_upvotes"),
  columnSpec("median_upvotes", "Median of those upvote counts; null when no paper has one.", "u.median_upvotes"),
  columnSpec("max_upvotes", "The highest of those upvote counts; null when no paper has one.", "u.max_upvotes"),
];

export const MONTHLY_SUMMARY_TABLE: DatasetTableSpec = {
  name: "monthly_summary",
  kind: "aggregate",
  description:
    "One row per month from the first to the last month with papers, months without papers included: papers, scopes, authors, code and upvotes, as the dashboard charts them by month.",
  columns: SUMMARY_COLUMNS,
  monthPartition: null,
  query: {
    sql: `WITH ${summary.sql}
SELECT ${SUMMARY_COLUMNS.map((column) => `${column.sql} AS ${column.name}`).join(", ")}
FROM papers_q p JOIN scopes_q s USING (period_start) JOIN authors_q a USING (period_start)
  JOIN code_q c USING (period_start) JOIN upvotes_q u USING (period_start)
ORDER BY p.period_start`,
    params: summary.params,
  },
};

const topicCounts = namedQueriesSql({ papers_q: papersPerPeriodSql(DEFAULT_FILTER, "month"), counts_q: topicCountsSql(DEFAULT_FILTER, "month") });

export const MONTHLY_TOPIC_PAPERS_TABLE: DatasetTableSpec = {
  name: "monthly_topic_papers",
  kind: "aggregate",
  description: "Papers per month and topic, with a row for every month of monthly_summary and every topic, 0 where the topic has no papers.",
  columns: [
    MONTH_COLUMN,
    columnSpec("topic_id", "The topic (see topics)."),
    columnSpec("papers", `${MONTH_PAPERS}, that are tagged with the topic; a paper with several topics counts in each.`),
  ],
  monthPartition: null,
  query: {
    sql: `WITH ${topicCounts.sql}
SELECT ${MONTH_SQL} AS month, t.topic_id, coalesce(c.papers, 0) AS papers
FROM papers_q p CROSS JOIN topics t LEFT JOIN counts_q c ON c.period_start = p.period_start AND c.topic_id = t.topic_id
ORDER BY p.period_start, t.position`,
    params: topicCounts.params,
  },
};

const hostCounts = codeHostsSql(DEFAULT_FILTER, "month");

export const MONTHLY_CODE_HOSTS_TABLE: DatasetTableSpec = {
  name: "monthly_code_hosts",
  kind: "aggregate",
  description: "Papers with a code link per month and code host; a month and host without papers has no row.",
  columns: [
    MONTH_COLUMN,
    columnSpec("code_host", "The host of the code link, such as github.com."),
    columnSpec("papers", `${MONTH_PAPERS}, whose code link is on the host.`),
  ],
  monthPartition: null,
  query: {
    sql: `SELECT ${MONTH_SQL} AS month, p.code_host, p.papers
FROM (${hostCounts.sql}) p
ORDER BY p.period_start, p.papers DESC, p.code_host`,
    params: hostCounts.params,
  },
};

const teamSizes = teamSizesSql(DEFAULT_FILTER);

export const TEAM_SIZES_TABLE: DatasetTableSpec = {
  name: "team_sizes",
  kind: "aggregate",
  description: "How many dated papers with a known author count have each number of authors, in the bins of the dashboard's team-size chart.",
  columns: [
    columnSpec("team_size", "The bin as the chart labels it, such as 3 or 6–10."),
    columnSpec("min_authors", "Fewest authors of a paper in the bin."),
    columnSpec("max_authors", "Most authors of a paper in the bin; null for the last bin, which has no upper bound."),
    columnSpec("papers", "Papers whose author count falls in the bin."),
  ],
  monthPartition: null,
  query: {
    sql: `SELECT list_extract($team_size_labels, b.position + 1) AS team_size, b.min_authors, b.max_authors, b.papers
FROM (${teamSizes.sql}) b
ORDER BY b.position`,
    params: { ...teamSizes.params, team_size_labels: new DuckDBListValue(TEAM_SIZE_BINS.map((bin) => bin.label)) },
  },
};
