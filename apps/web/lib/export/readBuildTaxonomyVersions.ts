import { readTaxonomyVersions } from "@alignment-trends/analytics";
import type { DuckDBConnection } from "@duckdb/node-api";

/** Builds whose versions a process keeps: the one it serves, and a few it served before. */
const MAX_BUILDS = 4;

const versionsByBuild = new Map<string, Promise<string[]>>();

/**
 * Returns the taxonomy versions of the tags in the database build
 * `buildId`. Every ingest stamps a new build id and tags change only with a
 * build, so each build's versions are read once per process: reading them
 * scans every tag row, which every download's provenance would otherwise do.
 * A failed read is not kept, so the next request reads again.
 */
export function readBuildTaxonomyVersions(connection: DuckDBConnection, buildId: string): Promise<string[]> {
  const known = versionsByBuild.get(buildId);
  if (known) return known;

  const versions = readTaxonomyVersions(connection);
  versionsByBuild.set(buildId, versions);
  versions.catch(() => versionsByBuild.delete(buildId));
  for (const oldest of versionsByBuild.keys()) {
    if (versionsByBuild.size <= MAX_BUILDS) break;
    versionsByBuild.delete(oldest);
  }
  return versions;
}
