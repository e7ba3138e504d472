import "server-only";
import type { DuckDBConnection } from "@duckdb/node-api";
import { readRows } from "@alignment-trends/analytics";
import type { TrendFilter } from "@alignment-trends/schema";

/** Raised by page loaders for a filter that names a topic the database does not know; the message names it and lists the known ones. */
export class UnknownTopicError extends Error {
  override name = "UnknownTopicError";
}

/** A topic id the database does not know, with the parameter that named it and the message for the caller. */
export interface UnknownTopic {
  parameter: string;
  message: string;
}

/**
 * Returns the first topic id that the database does not know, among the
 * filter's `topic` and `allTopics` parameters and the `extra` ones named by
 * another parameter. Returns null when all are known.
 */
export async function findUnknownTopic(
  connection: DuckDBConnection,
  filter: Pick<TrendFilter, "topics" | "allTopics">,
  extra: { parameter: string; topics: string[] } = { parameter: "series", topics: [] },
): Promise<UnknownTopic | null> {
  const named = [
    ...filter.topics.map((topic) => ({ parameter: "topic", topic })),
    ...filter.allTopics.map((topic) => ({ parameter: "allTopics", topic })),
    ...extra.topics.map((topic) => ({ parameter: extra.parameter, topic })),
  ];
  if (named.length === 0) return null;
  const rows = await readRows(connection, { sql: "SELECT topic_id FROM topics ORDER BY position" });
  const known = rows.map((row) => String(row.topic_id));
  const unknown = named.find(({ topic }) => !known.includes(topic));
  if (unknown === undefined) return null;
  return {
    parameter: unknown.parameter,
    message: `Invalid parameter "${unknown.parameter}": unknown topic "${unknown.topic}"; known topics: ${known.join(", ")}`,
  };
}
