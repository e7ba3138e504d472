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
import { loadCached } from "./loadCached";
import { findUnknownTopic, UnknownTopicError } from "./validateTopics";

/** Loads every figure the topics page shows for one filter and bucket from one database build, through its result cache. */
export async function loadTopicsOverview(filter: TrendFilter, bucket: Bucket) {
  return loadCached("topics", { filter, bucket }, async (connection, build: BuildInfo) => {
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
