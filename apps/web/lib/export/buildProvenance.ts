import type { BuildInfo } from "@alignment-trends/analytics";
import {
  DATE_BASIS_LABELS,
  type Bucket,
  type Provenance,
  type ProvenanceFilters,
  type ProvenanceRows,
  type TrendFilter,
} from "@alignment-trends/schema";
import type { DuckDBConnection } from "@duckdb/node-api";
import { readBuildTaxonomyVersions } from "./readBuildTaxonomyVersions";

export interface ProvenanceRequest {
  /** The request URL as the server parsed it; provenance keeps its path and query string. */
  url: URL;
  filter: TrendFilter;
  /** The request's parameters other than filters and format, with defaults applied. */
  options: Record<string, unknown>;
  bucket: Bucket | null;
  rows?: ProvenanceRows | null;
  notes?: string[];
  /** The generation time; the current time unless given. */
  now?: Date;
}

/** Lists every filter under its query parameter name, so that a reader can rebuild the request from it. */
function filtersFromTrendFilter(filter: TrendFilter): ProvenanceFilters {
  return {
    from: filter.from ?? null,
    to: filter.to ?? null,
    scope: filter.scope ?? null,
    topic: filter.topics,
    hasCode: filter.hasCode ?? null,
    codeHost: filter.codeHost ?? null,
    minUpvotes: filter.minUpvotes ?? null,
    minAuthors: filter.minAuthors ?? null,
    maxAuthors: filter.maxAuthors ?? null,
    q: filter.q ?? null,
    term: filter.terms,
    allTopics: filter.allTopics,
    dateBasis: filter.dateBasis,
    upvoteBasis: filter.upvoteBasis,
  };
}

/**
 * Builds the provenance of one download: every JSON, CSV and Parquet file and
 * the dataset ZIP describe their origin with it. The taxonomy version is the
 * one stored with the papers' tags, else the build's own when the database
 * has no tags yet.
 */
export async function buildProvenance(connection: DuckDBConnection, build: BuildInfo, request: ProvenanceRequest): Promise<Provenance> {
  const versions = await readBuildTaxonomyVersions(connection, build.buildId);
  const notes = [...(request.notes ?? [])];
  if (versions.length > 1) {
    notes.push(`The papers were tagged by ${versions.length} taxonomy versions (${versions.join(", ")}); npm run retag tags them all with the current one.`);
  }
  return {
    source: "Alignment Trends",
    request: `${request.url.pathname}${request.url.search}`,
    generatedAt: (request.now ?? new Date()).toISOString(),
    filters: filtersFromTrendFilter(request.filter),
    options: request.options,
    bucket: request.bucket,
    dateBasis: DATE_BASIS_LABELS[request.filter.dateBasis],
    taxonomyVersion: versions.length > 0 ? versions.join(", ") : build.taxonomyVersion,
    database: { buildId: build.buildId, builtAt: build.builtAt },
    rows: request.rows ?? null,
    notes,
  };
}
