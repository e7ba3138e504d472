import { DuckDBListValue, type DuckDBConnection } from "@duckdb/node-api";
import type { Bucket, TopicInfo, TopicTrendPoint, TrendFilter } from "@alignment-trends/schema";
import { readRows, type SqlQuery } from "../database/readRows";
import { filteredPapersSql } from "../filteredPapers";
import { fitsPeriodSql, formatPeriodLabel, periodAggregatesSql, periodStartSql } from "../periods";

/** Papers per period, all scopes and scope `alignment`, with every period of the range present. */
export function papersPerPeriodSql(filter: TrendFilter, bucket: Bucket): SqlQuery {
  return periodAggregatesSql(filter, bucket, [
    { name: "papers", sql: "count(*)::INTEGER", empty: "0" },
    { name: "alignment_papers", sql: "count(*) FILTER (WHERE scope = 'alignment')::INTEGER", empty: "0" },
  ]);
}

/**
 * Papers per period and topic. When the filter names topics, only those
 * topics count, so each series equals the papers a drill-down on it lists.
 */
export function topicCountsSql(filter: TrendFilter, bucket: Bucket): SqlQuery {
  const facts = filteredPapersSql(filter);
  const onlyFilterTopics = filter.topics.length > 0 ? "AND list_contains($f_topics, t.topic_id)" : "";
  return {
    sql: `WITH facts AS (${facts.sql})
      SELECT ${periodStartSql(bucket, "f.trend_on")} AS period_start, t.topic_id, count(*)::INTEGER AS papers
      FROM facts f JOIN paper_topics t ON t.paper_id = f.paper_id
      WHERE ${fitsPeriodSql(bucket, "f")} ${onlyFilterTopics}
      GROUP BY ALL`,
    params: facts.params,
  };
}

/** Returns the SQL for the topics of the taxonomy in its order, or only those the filter names. */
export function topicCatalogueSql(filter: TrendFilter): SqlQuery {
  if (filter.topics.length === 0) return { sql: "SELECT topic_id, label, description FROM topics ORDER BY position" };
  return {
    sql: "SELECT topic_id, label, description FROM topics WHERE list_contains($topics, topic_id) ORDER BY position",
    params: { topics: new DuckDBListValue(filter.topics) },
  };
}

export async function listTopics(connection: DuckDBConnection, filter: TrendFilter): Promise<TopicInfo[]> {
  const rows = await readRows(connection, topicCatalogueSql(filter));
  return rows.map((row) => ({ id: String(row.topic_id), label: String(row.label), description: String(row.description) }));
}

/** Returns papers per period, overall, in scope `alignment`, and per topic; a topic absent in a period counts 0. */
export async function getTopicTrends(
  connection: DuckDBConnection,
  filter: TrendFilter,
  bucket: Bucket,
): Promise<{ topics: TopicInfo[]; points: TopicTrendPoint[] }> {
  const topics = await listTopics(connection, filter);
  const periods = await readRows(connection, papersPerPeriodSql(filter, bucket));
  const counts = await readRows(connection, topicCountsSql(filter, bucket));

  const byPeriod = new Map<string, Record<string, number>>();
  for (const row of counts) {
    const start = String(row.period_start);
    const entry = byPeriod.get(start) ?? {};
    entry[String(row.topic_id)] = Number(row.papers);
    byPeriod.set(start, entry);
  }

  const points = periods.map((row) => {
    const start = String(row.period_start);
    const found = byPeriod.get(start) ?? {};
    return {
      periodStart: start,
      periodEnd: String(row.period_end),
      label: formatPeriodLabel(bucket, start),
      papers: Number(row.papers),
      alignmentPapers: Number(row.alignment_papers),
      topics: Object.fromEntries(topics.map((topic) => [topic.id, found[topic.id] ?? 0])),
    };
  });
  return { topics, points };
}
