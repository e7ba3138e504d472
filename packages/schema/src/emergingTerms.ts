import { z } from "zod";
import { BuildInfoSchema } from "./buildInfo";
import { TrendFilterSchema } from "./trendQuery";
import { DateBasisLabelSchema } from "./trendSeries";

/** A span of whole months with the papers in it that have an abstract, the papers that shares count. */
export const MonthWindowSchema = z.object({
  from: z.string(),
  to: z.string(),
  papers: z.number().int(),
});
export type MonthWindow = z.infer<typeof MonthWindowSchema>;

/** The parameters of the two-state burst model, stated with every burst. */
export const BurstParametersSchema = z.object({
  scale: z.number().describe("How many times the base rate the burst state's rate is (Kleinberg's s)."),
  gamma: z.number().describe("The cost of entering the burst state, in units of ln(number of periods) (Kleinberg's gamma)."),
});
export type BurstParameters = z.infer<typeof BurstParametersSchema>;

export const EmergingTermSchema = z.object({
  term: z.string(),
  recentPapers: z.number().int(),
  baselinePapers: z.number().int(),
  recentTitlePapers: z.number().int().describe("Recent papers whose title contains the term."),
  recentShare: z.number(),
  baselineShare: z.number(),
  growth: z.number().describe("The recent share over the baseline share, with half a paper added to each count."),
  growthLowerBound: z
    .number()
    .describe("The growth the counts support with 95% confidence. The list contains only terms where it is above 1."),
  bursts: z
    .array(z.object({ start: z.string(), end: z.string(), weight: z.number() }))
    .describe("Bursts in the monthly series, by month (`YYYY-MM-01`)."),
});
export type EmergingTerm = z.infer<typeof EmergingTermSchema>;

export const EmergingTermsSchema = z.object({
  recent: MonthWindowSchema,
  baseline: MonthWindowSchema,
  thinMonths: MonthWindowSchema.nullable().describe(
    "Trailing months after the recent window with too few papers to end it, or null.",
  ),
  burstParameters: BurstParametersSchema,
  terms: z.array(EmergingTermSchema),
});
export type EmergingTerms = z.infer<typeof EmergingTermsSchema>;

/**
 * The JSON body of `/api/v1/emerging`. The windows, `thinMonths` and
 * `burstParameters` are null when the filter keeps no paper with an abstract
 * and a month.
 */
export const EmergingResponseSchema = z.object({
  recent: MonthWindowSchema.nullable(),
  baseline: MonthWindowSchema.nullable(),
  thinMonths: MonthWindowSchema.nullable(),
  terms: z.array(EmergingTermSchema),
  options: z
    .object({
      windowMonths: z.number().int(),
      minPapers: z.number().int(),
      limit: z.number().int(),
      minTitlePapers: z.number().int(),
      minTitleShare: z.number(),
    })
    .describe("The options the terms were found with: the query's, and the title rule a term must pass."),
  burstParameters: BurstParametersSchema.nullable(),
  dateBasis: DateBasisLabelSchema,
  filter: TrendFilterSchema,
  build: BuildInfoSchema,
});
export type EmergingResponse = z.infer<typeof EmergingResponseSchema>;
