import "server-only";
import { getTopic, getTopicCooccurrence } from "@alignment-trends/analytics";
import type { Bucket, TrendFilter } from "@alignment-trends/schema";
import { loadCached } from "./loadCached";
import { readDashboard } from "./loadDashboard";

/**
 * Loads one topic's page from one database build: the topic with its rules,
 * every dashboard figure for the topic's papers, and how many papers each
 * other topic shares with it, most first. Returns null when the database
 * has no such topic. Results come from the build's result cache.
 */
export async function loadTopicPage(topicId: string, filter: TrendFilter, bucket: Bucket) {
  return loadCached("topic", { topicId, filter, bucket }, async (connection, build) => {
    const topic = await getTopic(connection, topicId);
    if (topic === null) return null;
    const dashboard = await readDashboard(connection, build, { ...filter, topics: [topicId] }, bucket);
    const { topics, counts } = await getTopicCooccurrence(connection, { ...filter, topics: [] });
    const row = topics.findIndex((candidate) => candidate.id === topicId);
    const neighbours = topics
      .map((other, column) => ({ topic: other, papers: row === -1 ? 0 : counts[row]![column]! }))
      .filter((entry) => entry.topic.id !== topicId && entry.papers > 0)
      .sort((a, b) => b.papers - a.papers);
    return { topic, dashboard, neighbours };
  });
}
