import type { DuckDBConnection } from "@duckdb/node-api";
import type { TopicCooccurrence, TrendFilter } from "@alignment-trends/schema";
import { readRows } from "../database/readRows";
import { filteredPapersSql } from "../filteredPapers";
import { listTopics } from "./topicTrends";

export type { TopicCooccurrence } from "@alignment-trends/schema";

/**
 * Counts how often each pair of topics tags the same paper, over the papers
 * the filter keeps. The matrix is symmetric, in the taxonomy's topic order.
 */
export async function getTopicCooccurrence(connection: DuckDBConnection, filter: TrendFilter): Promise<TopicCooccurrence> {
  const topics = await listTopics(connection, { ...filter, topics: [] });
  const facts = filteredPapersSql(filter);
  const rows = await readRows(connection, {
    sql: `WITH facts AS (${facts.sql}),
      tags AS (SELECT t.paper_id, t.topic_id FROM paper_topics t JOIN facts f USING (paper_id))
      SELECT a.topic_id AS first, b.topic_id AS second, count(*)::INTEGER AS papers
      FROM tags a JOIN tags b ON a.paper_id = b.paper_id
      GROUP BY ALL`,
    params: facts.params,
  });
  const position = new Map(topics.map((topic, index) => [topic.id, index]));
  const counts = topics.map(() => new Array<number>(topics.length).fill(0));
  for (const row of rows) {
    const first = position.get(String(row.first));
    const second = position.get(String(row.second));
    if (first !== undefined && second !== undefined) counts[first]![second] = Number(row.papers);
  }
  return { topics, counts };
}
