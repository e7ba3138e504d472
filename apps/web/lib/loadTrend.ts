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
