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
import { getTrendsDatabase } from "./database";

/** Every figure the dashboard shows for one filter and bucket, read from one database build. */
export async function loadDashboard(filter: TrendFilter, bucket: Bucket) {
  return getTrendsDatabase().withConnection(async (connection, build: BuildInfo) => {
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
  });
}
