import "server-only";
import type { DuckDBConnection } from "@duckdb/node-api";
import { findEmergingTerms, listTopics, type EmergingOptions, type EmergingTerms } from "@alignment-trends/analytics";
import type { TopicInfo, TrendFilter } from "@alignment-trends/schema";
import { loadCached } from "./loadCached";
import { EMERGING_SETTING_BOUNDS } from "./emergingQueryBounds";
import { findUnknownTopic, type UnknownTopic } from "./validateTopics";

/** Data of the emerging-terms page for one query, read from one database build. */
export type EmergingPageData =
  | { topics: TopicInfo[]; unknownTopic: UnknownTopic }
  | {
      topics: TopicInfo[];
      unknownTopic: null;
      /** Null when the filter keeps no paper with an abstract and a date known to the month. */
      emerging: EmergingTerms | null;
      /**
       * When no term passes: a lower minimum of recent papers at which at
       * least one term passes, else null.
       */
      passingMinPapers: number | null;
    };

/**
 * Finds a minimum of recent papers below `options.minPapers` at which some
 * term passes the other rules, or returns null when even the lowest minimum
 * the query allows lists none. Any minimum at or below the returned one lists
 * a term, because lowering it only adds candidates.
 */
async function findPassingMinPapers(connection: DuckDBConnection, filter: TrendFilter, options: EmergingOptions): Promise<number | null> {
  const lowest = EMERGING_SETTING_BOUNDS.minPapers.min;
  if (options.minPapers <= lowest) return null;
  // NOTE: the probe keeps only the query's maximum limit of terms, the best by growth, so a
  // higher minimum than the one returned may also list a term.
  const probe = await findEmergingTerms(connection, filter, { ...options, minPapers: lowest, limit: EMERGING_SETTING_BOUNDS.limit.max });
  if (probe === null || probe.terms.length === 0) return null;
  return Math.max(...probe.terms.map((term) => term.recentPapers));
}

/**
 * Loads the topics for the filter form, then the emerging terms unless the
 * filter names an unknown topic, through the build's result cache.
 */
export async function loadEmerging(filter: TrendFilter, options: EmergingOptions): Promise<EmergingPageData> {
  return loadCached("emerging", { filter, options }, async (connection) => {
    const topics = await listTopics(connection, { ...filter, topics: [] });
    const unknownTopic = await findUnknownTopic(connection, filter);
    if (unknownTopic) return { topics, unknownTopic };

    const emerging = await findEmergingTerms(connection, filter, options);
    const noTermPasses = emerging !== null && emerging.baseline.papers > 0 && emerging.terms.length === 0;
    const passingMinPapers = noTermPasses ? await findPassingMinPapers(connection, filter, options) : null;
    return { topics, unknownTopic: null, emerging, passingMinPapers };
  });
}
