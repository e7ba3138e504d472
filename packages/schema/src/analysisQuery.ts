import { z } from "zod";
import { BucketParamSchema, filterParamsShape, FormatParamSchema, TermTextSchema, TopicIdSchema, wholeNumberParam } from "./trendQuery";

/** The maximum number of series in one comparison. */
export const MAX_COMPARE_SERIES = 8;

/** One series to compare: a term with `|`-separated alternatives, or a topic id. */
export const SeriesSpecSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("term"), term: TermTextSchema }),
  z.object({ kind: z.literal("topic"), topic: TopicIdSchema }),
]);
export type SeriesSpec = z.infer<typeof SeriesSpecSchema>;

/**
 * Reads one `series` parameter: `topic:<id>` names a topic, `term:<text>` or
 * any other text a term whose alternatives are separated by `|`.
 */
export function parseSeriesParam(value: string): unknown {
  const trimmed = value.trim();
  if (trimmed.startsWith("topic:")) return { kind: "topic", topic: trimmed.slice("topic:".length).trim() };
  if (trimmed.startsWith("term:")) return { kind: "term", term: trimmed.slice("term:".length).trim() };
  return { kind: "term", term: trimmed };
}

/** Writes a series back in the form `parseSeriesParam` reads. */
export function formatSeriesParam(spec: SeriesSpec): string {
  return spec.kind === "topic" ? `topic:${spec.topic}` : spec.term;
}

/** The measure of each compared series: papers, share of all papers in the period, or an index of 0 to 100. */
export const CompareMeasureSchema = z.enum(["papers", "share", "index"]);
export type CompareMeasure = z.infer<typeof CompareMeasureSchema>;

/** Query parameters of `/api/v1/compare` and the compare page; the API rejects unknown parameters. */
export const CompareQuerySchema = z.strictObject({
  ...filterParamsShape,
  series: z
    .union([z.string(), z.array(z.string())], {
      error: (issue) => (issue.input === undefined ? "expected at least one series, a term or topic:<id>" : undefined),
    })
    .transform((value) => (Array.isArray(value) ? value : [value]).map(parseSeriesParam))
    .pipe(
      z
        .array(SeriesSpecSchema)
        .min(1, "expected at least one series, a term or topic:<id>")
        .max(MAX_COMPARE_SERIES, `expected at most ${MAX_COMPARE_SERIES} series at once`),
    )
    .meta({
      description: `One series to compare. Repeat the parameter for each, 1 to ${MAX_COMPARE_SERIES}. \`topic:<id>\` names a topic, and any other value (optionally written \`term:<text>\`) is a term with alternatives separated by \`|\`.`,
      examples: [["DPO | direct preference optimization", "topic:safety"]],
    }),
  bucket: BucketParamSchema,
  measure: CompareMeasureSchema.default("share").meta({
    description:
      "The measure the compare page charts: papers, share of all papers in the period, or an index where the highest share in the view is 100. The API returns all three in every response, so it only validates this parameter.",
  }),
  format: FormatParamSchema,
});
export type CompareQuery = z.infer<typeof CompareQuerySchema>;

/** Query parameters of `/api/v1/emerging` and the emerging page; the API rejects unknown parameters. */
export const EmergingQuerySchema = z.strictObject({
  ...filterParamsShape,
  window: wholeNumberParam(1, 24).default(3).meta({
    description: "The length in months of the recent window and of the baseline window just before it.",
    examples: [6],
  }),
  minPapers: wholeNumberParam(2, 10_000).default(5).meta({
    description: "The minimum number of papers in the recent window that must contain a term for it to be listed.",
    examples: [10],
  }),
  limit: wholeNumberParam(1, 200).default(30).meta({ description: "The maximum number of terms listed.", examples: [10] }),
  format: FormatParamSchema,
});
export type EmergingQuery = z.infer<typeof EmergingQuerySchema>;

/** Query parameters of `/api/v1/cooccurrence`; unknown parameters are rejected. */
export const CooccurrenceQuerySchema = z.strictObject({
  ...filterParamsShape,
  format: FormatParamSchema,
});
export type CooccurrenceQuery = z.infer<typeof CooccurrenceQuerySchema>;

/**
 * Query parameters of `/api/v1/dataset`, the whole aggregated dataset as one
 * ZIP file; the API rejects unknown parameters.
 */
export const DatasetQuerySchema = z.strictObject({
  ...filterParamsShape,
  bucket: BucketParamSchema,
});
export type DatasetQuery = z.infer<typeof DatasetQuerySchema>;
