import type { DuckDBConnection } from "@duckdb/node-api";
import { DetectionRulesSchema, type DetectionRules, type TopicInfo } from "@alignment-trends/schema";
import { readRows } from "../database/readRows";

export interface TopicDetail extends TopicInfo {
  /** The rules that tagged the papers in this database. */
  rules: DetectionRules;
  /** The taxonomy version of the last tagging. */
  taxonomyVersion: string | null;
}

/** Returns a topic of the catalogue with its rules, or null when the database has no such topic. */
export async function getTopic(connection: DuckDBConnection, topicId: string): Promise<TopicDetail | null> {
  const [row] = await readRows(connection, {
    sql: `SELECT t.topic_id, t.label, t.description, t.rules::VARCHAR AS rules, b.taxonomy_version
      FROM topics t LEFT JOIN build_info b ON true WHERE t.topic_id = $topic`,
    params: { topic: topicId },
  });
  if (row === undefined) return null;
  const rules = DetectionRulesSchema.safeParse(JSON.parse(String(row.rules)));
  if (!rules.success) throw new Error(`the stored rules of topic "${topicId}" do not match the taxonomy schema (${rules.error.message}); run npm run retag`);
  return {
    id: String(row.topic_id),
    label: String(row.label),
    description: String(row.description),
    rules: rules.data,
    taxonomyVersion: row.taxonomy_version === null ? null : String(row.taxonomy_version),
  };
}
