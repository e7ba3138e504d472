import { z } from "zod";
import { CalendarDateSchema } from "./calendarDate";
import { BucketSchema, DateBasisSchema, ScopeSchema, UpvoteBasisSchema } from "./trendQuery";

/** Every filter parameter with the value that applied, `null` or `[]` where none was set. */
export const ProvenanceFiltersSchema = z.object({
  from: CalendarDateSchema.nullable(),
  to: CalendarDateSchema.nullable(),
  scope: ScopeSchema.nullable(),
  topic: z.array(z.string()),
  hasCode: z.boolean().nullable(),
  codeHost: z.string().nullable(),
  minUpvotes: z.number().int().nullable(),
  minAuthors: z.number().int().nullable(),
  maxAuthors: z.number().int().nullable(),
  q: z.string().nullable(),
  term: z.array(z.string()),
  allTopics: z.array(z.string()),
  dateBasis: DateBasisSchema,
  upvoteBasis: UpvoteBasisSchema,
});
export type ProvenanceFilters = z.infer<typeof ProvenanceFiltersSchema>;

/** How many rows of a list a file holds, and whether the download limit cut it. */
export const ProvenanceRowsSchema = z.object({
  /** Rows the query matches. */
  total: z.number().int(),
  /** Rows in the file. */
  included: z.number().int(),
  offset: z.number().int(),
  /** The maximum rows of the file: the page size, or `MAX_PAPER_EXPORT_ROWS` for a whole list. */
  limit: z.number().int(),
  truncated: z.boolean(),
});
export type ProvenanceRows = z.infer<typeof ProvenanceRowsSchema>;

/**
 * The origin of a downloaded file: the request and its filters, the database
 * build and taxonomy it was computed from, and the time it was made. JSON responses
 * carry it as `provenance`, Parquet files as the key-value metadata
 * `provenance`, and CSV files as the sidecar that `format=provenance` returns.
 */
export const ProvenanceSchema = z.object({
  source: z.literal("Alignment Trends"),
  /** The request's path and query string, as the server parsed them, so a space may read `+`. */
  request: z.string(),
  /** When the server made the file, as an ISO 8601 UTC timestamp. */
  generatedAt: z.string(),
  filters: ProvenanceFiltersSchema,
  /** The request's parameters other than filters and format, defaults included. */
  options: z.record(z.string(), z.unknown()),
  /** The period length of a series over time, or null for data that is not per period. */
  bucket: BucketSchema.nullable(),
  /** The date each paper counts under, in words. */
  dateBasis: z.string(),
  /** The version of the topic taxonomy that tagged the papers, as stored with the tags. */
  taxonomyVersion: z.string().nullable(),
  database: z.object({ buildId: z.string(), builtAt: z.string() }),
  /** Row counts of a paper list; null for other data. */
  rows: ProvenanceRowsSchema.nullable(),
  /** Papers or rows the data leaves out, and why. */
  notes: z.array(z.string()),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

/** A JSON body that carries the provenance of its data. */
export const WithProvenanceSchema = z.object({ provenance: ProvenanceSchema });

/**
 * Returns the schema of a data route's JSON body: the route's own fields and
 * `provenance`. Each side of the intersection drops the keys it does not
 * name, so a parsed body keeps exactly the keys of both.
 */
export function withProvenance<T extends z.ZodType>(schema: T) {
  return z.intersection(schema, WithProvenanceSchema);
}
