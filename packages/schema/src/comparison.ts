import { z } from "zod";
import { SeriesSpecSchema } from "./analysisQuery";
import { BuildInfoSchema } from "./buildInfo";
import { BucketSchema, TrendFilterSchema } from "./trendQuery";
import { DateBasisLabelSchema, PeriodSchema } from "./trendSeries";

/** One series' figures in one period. */
export const SeriesValueSchema = z.object({
  papers: z.number().int(),
  share: z
    .number()
    .nullable()
    .describe("The series' papers as a share of all papers the filter keeps in the period. It is null for a period with fewer than `minPapersForShare` papers."),
  index: z.number().int().nullable().describe("The share on a scale where the highest share of any series in the view is 100."),
});
export type SeriesValue = z.infer<typeof SeriesValueSchema>;

export const ComparePointSchema = PeriodSchema.extend({
  papers: z.number().int().describe("All papers the filter keeps in the period."),
  series: z.array(SeriesValueSchema).describe("One value per compared series, in the order of `series`."),
});
export type ComparePoint = z.infer<typeof ComparePointSchema>;

const indexedField = z
  .boolean()
  .describe("Whether the series was read from an index. It is false for a term matched by scanning every title and abstract, which is slower, and always true for a topic.");

/** A compared series as the query named it, with how it was matched. */
export const ComparedSeriesSchema = z.discriminatedUnion("kind", [
  SeriesSpecSchema.options[0].extend({ indexed: indexedField }),
  SeriesSpecSchema.options[1].extend({ indexed: indexedField }),
]);
export type ComparedSeries = z.infer<typeof ComparedSeriesSchema>;

export const ComparisonSchema = z.object({
  series: z.array(ComparedSeriesSchema),
  points: z.array(ComparePointSchema),
  minPapersForShare: z.number().int().describe("The fewest papers a period needs to have a share and an index."),
});
export type Comparison = z.infer<typeof ComparisonSchema>;

/** The JSON body of `/api/v1/compare`. */
export const CompareResponseSchema = ComparisonSchema.extend({
  bucket: BucketSchema,
  dateBasis: DateBasisLabelSchema,
  filter: TrendFilterSchema,
  build: BuildInfoSchema,
});
export type CompareResponse = z.infer<typeof CompareResponseSchema>;
