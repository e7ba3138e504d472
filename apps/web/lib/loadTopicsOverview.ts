import "server-only";
import {
  assertPeriodCount,
  countCoarseDates,
  getHeadline,
  getScopeShares,
  getTopicCooccurrence,
  getTopicTrends,
  type BuildInfo,
} from "@alignment-trends/analytics";
import type { Bucket, TrendFilter } from "@alignment-trends/schema";
import { getTrendsDatabase } from "./database";
import { findUnknownTopic, UnknownTopicError } from "./validateTopics";

/** Loads every figure the topics page shows for one filter and bucket from one database build. */
export async function loadTopicsOverview(filter: TrendFilter, bucket: Bucket) {
  return getTrendsDatabase().withConnection(async (connection, build: BuildInfo) => {
    const unknownTopic = await findUnknownTopic(connection, filter);
    if (unknownTopic) throw new UnknownTopicError(unknownTopic.message);
    await assertPeriodCount(connection, filter, bucket);
    const headline = await getHeadline(connection, filter);
    const scopeShares = await getScopeShares(connection, filter, bucket);
    const topicTrends = await getTopicTrends(connection, filter, bucket);
    const cooccurrence = await getTopicCooccurrence(connection, filter);
    const coarseDates = await countCoarseDates(connection, filter, bucket);
    return { build, headline, scopeShares, topicTrends, cooccurrence, coarseDates };
  });
}
