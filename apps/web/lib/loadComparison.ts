import "server-only";
import { assertPeriodCount, compareSeries, countCoarseDates, listTopics, PeriodRangeError, type Comparison } from "@alignment-trends/analytics";
import type { TopicInfo } from "@alignment-trends/schema";
import { loadCached } from "./loadCached";
import type { ComparePageQuery } from "./parseCompareQuery";
import { findUnknownTopic } from "./validateTopics";

/**
 * The data the compare page shows for one query, read from one database
 * build: the topics to offer, and the comparison when the query names series.
 * A query the database rejects (an unknown topic, too many periods) carries
 * its message in place of the comparison.
 */
export type ComparisonData =
  | { topics: TopicInfo[]; result: "empty" }
  | { topics: TopicInfo[]; result: "rejected"; message: string }
  | { topics: TopicInfo[]; result: "compared"; comparison: Comparison; coarseDates: number };

/**
 * Loads the compare page's data through the build's result cache; raises
 * `DatabaseUnavailableError` when there is no database to read.
 */
export async function loadComparison({ filter, bucket, series }: ComparePageQuery): Promise<ComparisonData> {
  return loadCached("compare", { filter, bucket, series }, async (connection) => {
    const topics = await listTopics(connection, { ...filter, topics: [] });
    const seriesTopics = series.flatMap((spec) => (spec.kind === "topic" ? [spec.topic] : []));
    const unknownTopic = await findUnknownTopic(connection, filter, { parameter: "series", topics: seriesTopics });
    if (unknownTopic) return { topics, result: "rejected", message: unknownTopic.message };
    if (series.length === 0) return { topics, result: "empty" };

    try {
      await assertPeriodCount(connection, filter, bucket);
    } catch (error) {
      if (error instanceof PeriodRangeError) return { topics, result: "rejected", message: error.message };
      throw error;
    }
    const comparison = await compareSeries(connection, filter, bucket, series);
    const coarseDates = await countCoarseDates(connection, filter, bucket);
    return { topics, result: "compared", comparison, coarseDates };
  });
}
