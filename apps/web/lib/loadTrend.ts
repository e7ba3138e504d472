import "server-only";
import type { DuckDBConnection } from "@duckdb/node-api";
import {
  getAuthorTrends,
  getCodeTrends,
  getScopeShares,
  getTeamSizes,
  getTopicTrends,
  getUpvoteTrends,
  listCodeHosts,
  type ScopeSharePoint,
} from "@alignment-trends/analytics";
import type {
  AuthorTrendPoint,
  Bucket,
  CodeTrendPoint,
  TeamSizeBin,
  TopicInfo,
  TopicTrendPoint,
  TrendFilter,
  TrendMetric,
  UpvoteTrendPoint,
} from "@alignment-trends/schema";
import type { CsvValue } from "./toCsv";

export type Trend =
  | { metric: "papers"; topics: TopicInfo[]; series: TopicTrendPoint[] }
  | { metric: "authors"; series: AuthorTrendPoint[] }
  | { metric: "team-sizes"; series: TeamSizeBin[] }
  | { metric: "code"; hosts: string[]; series: CodeTrendPoint[] }
  | { metric: "upvotes"; series: UpvoteTrendPoint[] }
  | { metric: "scope-shares"; series: ScopeSharePoint[] };

/** Computes one trend series under a filter. */
export async function loadTrend(connection: DuckDBConnection, metric: TrendMetric, filter: TrendFilter, bucket: Bucket): Promise<Trend> {
  switch (metric) {
    case "papers": {
      const { topics, points } = await getTopicTrends(connection, filter, bucket);
      return { metric, topics, series: points };
    }
    case "authors":
      return { metric, series: await getAuthorTrends(connection, filter, bucket) };
    case "team-sizes":
      return { metric, series: await getTeamSizes(connection, filter) };
    case "code":
      return { metric, hosts: await listCodeHosts(connection, filter), series: await getCodeTrends(connection, filter, bucket) };
    case "upvotes":
      return { metric, series: await getUpvoteTrends(connection, filter, bucket) };
    case "scope-shares":
      return { metric, series: await getScopeShares(connection, filter, bucket) };
  }
}

const PERIOD_COLUMNS = ["period_start", "period_end", "period"];

/** Flattens a trend into CSV columns and rows, one row per period or bin. */
export function trendToTable(trend: Trend): { columns: string[]; rows: CsvValue[][] } {
  switch (trend.metric) {
    case "papers":
      return {
        columns: [...PERIOD_COLUMNS, "papers", "alignment_papers", ...trend.topics.map((topic) => `topic_${topic.id}`)],
        rows: trend.series.map((point) => [
          point.periodStart, point.periodEnd, point.label, point.papers, point.alignmentPapers,
          ...trend.topics.map((topic) => point.topics[topic.id] ?? 0),
        ]),
      };
    case "authors":
      return {
        columns: [...PERIOD_COLUMNS, "papers", "papers_with_author_count", "mean_authors", "median_authors"],
        rows: trend.series.map((point) => [
          point.periodStart, point.periodEnd, point.label, point.papers, point.papersWithAuthorCount, point.meanAuthors, point.medianAuthors,
        ]),
      };
    case "team-sizes":
      return {
        columns: ["team_size", "min_authors", "max_authors", "papers"],
        rows: trend.series.map((bin) => [bin.label, bin.minAuthors, bin.maxAuthors, bin.papers]),
      };
    case "code":
      return {
        columns: [...PERIOD_COLUMNS, "papers", "with_code", "code_share", ...trend.hosts.map((host) => `host_${host}`)],
        rows: trend.series.map((point) => [
          point.periodStart, point.periodEnd, point.label, point.papers, point.withCode, point.codeShare,
          ...trend.hosts.map((host) => point.hosts[host] ?? 0),
        ]),
      };
    case "upvotes":
      return {
        columns: [...PERIOD_COLUMNS, "papers", "total_upvotes", "median_upvotes", "max_upvotes"],
        rows: trend.series.map((point) => [
          point.periodStart, point.periodEnd, point.label, point.papers, point.totalUpvotes, point.medianUpvotes, point.maxUpvotes,
        ]),
      };
    case "scope-shares":
      return {
        columns: [...PERIOD_COLUMNS, "papers", "alignment_papers", "other_alignment_papers", "alignment_share", "other_alignment_share"],
        rows: trend.series.map((point) => [
          point.periodStart, point.periodEnd, point.label, point.papers, point.alignmentPapers, point.otherAlignmentPapers,
          point.alignmentShare, point.otherAlignmentShare,
        ]),
      };
  }
}
