import { z } from "zod";
import { CalendarDateSchema, DatePrecisionSchema } from "./calendarDate";

/** One period on a time axis: its first and last day and its axis label. */
export const PeriodSchema = z.object({
  periodStart: CalendarDateSchema,
  periodEnd: CalendarDateSchema,
  label: z.string(),
});
export type Period = z.infer<typeof PeriodSchema>;

export const TopicTrendPointSchema = PeriodSchema.extend({
  papers: z.number().int(),
  alignmentPapers: z.number().int(),
  topics: z.record(z.string(), z.number().int()),
});
export type TopicTrendPoint = z.infer<typeof TopicTrendPointSchema>;

export const TopicInfoSchema = z.object({ id: z.string(), label: z.string(), description: z.string() });
export type TopicInfo = z.infer<typeof TopicInfoSchema>;

export const AuthorTrendPointSchema = PeriodSchema.extend({
  papers: z.number().int(),
  papersWithAuthorCount: z.number().int(),
  meanAuthors: z.number().nullable(),
  medianAuthors: z.number().nullable(),
});
export type AuthorTrendPoint = z.infer<typeof AuthorTrendPointSchema>;

export const TeamSizeBinSchema = z.object({
  label: z.string(),
  minAuthors: z.number().int(),
  maxAuthors: z.number().int().nullable(),
  papers: z.number().int(),
});
export type TeamSizeBin = z.infer<typeof TeamSizeBinSchema>;

export const CodeTrendPointSchema = PeriodSchema.extend({
  papers: z.number().int(),
  withCode: z.number().int(),
  codeShare: z.number().nullable(),
  hosts: z.record(z.string(), z.number().int()),
});
export type CodeTrendPoint = z.infer<typeof CodeTrendPointSchema>;

export const UpvoteTrendPointSchema = PeriodSchema.extend({
  papers: z.number().int(),
  totalUpvotes: z.number().int(),
  medianUpvotes: z.number().nullable(),
  maxUpvotes: z.number().int().nullable(),
});
export type UpvoteTrendPoint = z.infer<typeof UpvoteTrendPointSchema>;

/** Per period, the papers of the whole feed and how many of them are in each scope. Shares are null below `MIN_PAPERS_FOR_SHARE` papers. */
export const ScopeSharePointSchema = PeriodSchema.extend({
  papers: z.number().int(),
  alignmentPapers: z.number().int(),
  otherAlignmentPapers: z.number().int(),
  alignmentShare: z.number().nullable(),
  otherAlignmentShare: z.number().nullable(),
});
export type ScopeSharePoint = z.infer<typeof ScopeSharePointSchema>;

export const HeadlineSchema = z.object({
  papers: z.number().int(),
  undatedPapers: z.number().int(),
  alignmentPapers: z.number().int(),
  withCode: z.number().int(),
  codeShare: z.number().nullable(),
  medianAuthors: z.number().nullable(),
  medianUpvotes: z.number().nullable(),
  firstDate: CalendarDateSchema.nullable(),
  firstDatePrecision: DatePrecisionSchema.nullable(),
  /** The last day the latest date may stand for: the end of its month for a date known to the month. */
  lastDate: CalendarDateSchema.nullable(),
  lastDatePrecision: DatePrecisionSchema.nullable(),
  digests: z.number().int(),
});
export type Headline = z.infer<typeof HeadlineSchema>;

/** How each date basis reads where a chart or a download states it. */
export const DATE_BASIS_LABELS = {
  listed: "first listed, else published",
  published: "published",
} as const;

/** The date basis as a response states it, in words. */
export const DateBasisLabelSchema = z
  .enum([DATE_BASIS_LABELS.listed, DATE_BASIS_LABELS.published])
  .describe("The date each paper counted under, in words: the `dateBasis` parameter's `listed` or `published`.");
