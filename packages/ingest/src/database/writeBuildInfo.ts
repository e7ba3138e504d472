import { randomUUID } from "node:crypto";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { Taxonomy } from "@alignment-trends/schema";
import { SCHEMA_VERSION } from "./createSchema";

/** Replaces the topic catalogue with the taxonomy's topics, in the taxonomy's order, with the rules that tag them. */
export async function writeTopics(connection: DuckDBConnection, taxonomy: Taxonomy): Promise<void> {
  await connection.run("BEGIN TRANSACTION");
  await connection.run("DELETE FROM topics");
  for (const [position, topic] of taxonomy.topics.entries()) {
    await connection.run("INSERT INTO topics VALUES ($id, $label, $description, $position, $rules)", {
      id: topic.id,
      label: topic.label,
      description: topic.description,
      position,
      rules: JSON.stringify(topic.rules),
    });
  }
  await connection.run("COMMIT");
}

/**
 * Stamps the database with a new build id. Readers key cached results by it,
 * so every published database has its own.
 */
export async function writeBuildInfo(connection: DuckDBConnection, taxonomyVersion: string): Promise<string> {
  const buildId = randomUUID();
  await connection.run("BEGIN TRANSACTION");
  await connection.run("DELETE FROM build_info");
  await connection.run("INSERT INTO build_info VALUES ($schemaVersion, $buildId, now()::TIMESTAMP, $taxonomyVersion)", {
    schemaVersion: SCHEMA_VERSION,
    buildId,
    taxonomyVersion,
  });
  await connection.run("COMMIT");
  return buildId;
}
