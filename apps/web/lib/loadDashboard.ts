import "server-only";
import {
  assertPeriodCount,
  countCoarseDates,
  getAuthorTrends,
  getCodeTrends,
  getHeadline,
  getTeamSizes,
  getTopicTrends,
  getUpvoteTrends,
  listCodeHosts,
  listPapers,
  listTopics,
  type BuildInfo,
} from "@alignment-trends/analytics";
import type { Bucket, TrendFilter } from "@alignment-trends/schema";
import type { DuckDBConnection } from "@duckdb/node-api";
import { loadCached } from "./loadCached";
import { findUnknownTopic, UnknownTopicError } from "./validateTopics";

/** Loads every figure the dashboard shows for one filter and bucket from one database build, through its result cache. */
export async function loadDashboard(filter: TrendFilter, bucket: Bucket) {
  return loadCached("dashboard", { filter, bucket }, (connection, build) => readDashboard(connection, build, filter, bucket));
}

/** Reads every dashboard figure over an open connection, so a caller can add its own figures from the same build. */
export async function readDashboard(connection: DuckDBConnection, build: BuildInfo, filter: TrendFilter, bucket: Bucket) {
  const unknownTopic = await findUnknownTopic(connection, filter);
  if (unknownTopic) throw new UnknownTopicError(unknownTopic.message);
  await assertPeriodCount(connection, filter, bucket);
  const allTopics = await listTopics(connection, { ...filter, topics: [] });
  const headline = await getHeadline(connection, filter);
  const topicTrends = await getTopicTrends(connection, filter, bucket);
  const authorTrends = await getAuthorTrends(connection, filter, bucket);
  const teamSizes = await getTeamSizes(connection, filter);
  const codeHosts = await listCodeHosts(connection, filter);
  const codeTrends = await getCodeTrends(connection, filter, bucket);
  const upvoteTrends = await getUpvoteTrends(connection, filter, bucket);
  const topPapers = await listPapers(connection, filter, { sort: "upvotes", order: "desc", limit: 10, offset: 0 });
  const coarseDates = await countCoarseDates(connection, filter, bucket);
  return { build, allTopics, headline, coarseDates, topicTrends, authorTrends, teamSizes, codeHosts, codeTrends, upvoteTrends, topPapers };
}
