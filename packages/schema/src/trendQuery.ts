import { z } from "zod";
import { CalendarDateSchema } from "./calendarDate";

/** The length of one period on a time axis. Weeks start on Monday (ISO 8601). */
export const BucketSchema = z.enum(["week", "month", "quarter", "year"]);
export type Bucket = z.infer<typeof BucketSchema>;

/** The scope of a paper: alignment research, another sense of "alignment", or neither. */
export const ScopeSchema = z.enum(["alignment", "other-alignment", "off-topic"]);
export type Scope = z.infer<typeof ScopeSchema>;

export const TopicIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "expected a topic id in lower case, letters, digits and hyphens, such as rlhf or safety");

/** A term as users write it: whole words, with alternatives separated by `|`. */
export const TermTextSchema = z
  .string()
  .trim()
  .min(1, "expected a term, such as reward model")
  .max(200, "expected a term of at most 200 characters");

export const TrendMetricSchema = z.enum(["papers", "authors", "team-sizes", "code", "upvotes", "scope-shares"]);
export type TrendMetric = z.infer<typeof TrendMetricSchema>;

export const PaperSortSchema = z.enum(["date", "upvotes", "authors"]);

/**
 * The date a paper counts under: `listed` is the first day a digest listed it,
 * else its published date; `published` is its publication date only.
 */
export const DateBasisSchema = z.enum(["listed", "published"]);
export type DateBasis = z.infer<typeof DateBasisSchema>;

/**
 * Which upvote count a paper has: `latest` is the last count any digest saw;
 * `first-week` is the last count seen within 7 days after the paper was first
 * listed, which compares papers at the same age but is unknown for papers
 * without such a sighting.
 */
export const UpvoteBasisSchema = z.enum(["latest", "first-week"]);
export type UpvoteBasis = z.infer<typeof UpvoteBasisSchema>;
export type PaperSort = z.infer<typeof PaperSortSchema>;

const booleanParam = z.enum(["true", "false"], { error: 'expected "true" or "false"' }).transform((value) => value === "true");

/** Returns a schema for a whole number written in decimal digits, within the given bounds. */
export function wholeNumberParam(min: number, max: number) {
  return z
    .string()
    .regex(/^\d{1,10}$/u, `expected a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `expected a whole number from ${min} to ${max}`).max(max, `expected a whole number from ${min} to ${max}`));
}
const countParam = wholeNumberParam(0, 1_000_000_000);
const listParam = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : [value]).flatMap((item) => item.split(",")))
  .transform((items) => items.map((item) => item.trim()).filter((item) => item.length > 0));

/**
 * The filter every chart and paper list applies. Dates are inclusive and
 * compare against a paper's trend date: the first day a digest listed it, else
 * its published date.
 */
export const TrendFilterSchema = z
  .object({
    from: CalendarDateSchema.optional(),
    to: CalendarDateSchema.optional(),
    scope: ScopeSchema.optional(),
    topics: z.array(TopicIdSchema).max(20).default([]),
    hasCode: z.boolean().optional(),
    codeHost: z.string().max(100).optional(),
    minUpvotes: z.number().int().min(0).optional(),
    minAuthors: z.number().int().min(1).optional(),
    maxAuthors: z.number().int().min(1).optional(),
    q: z.string().trim().min(1).max(200).optional(),
    /** Whole-word terms the paper must hold, each with alternatives separated by `|`. */
    terms: z.array(TermTextSchema).max(8).default([]),
    /** Topics the paper must all have, unlike `topics`, where any one suffices. */
    allTopics: z.array(TopicIdSchema).max(20).default([]),
    dateBasis: DateBasisSchema.default("listed"),
    upvoteBasis: UpvoteBasisSchema.default("latest"),
  })
  .refine((filter) => !filter.from || !filter.to || filter.from <= filter.to, {
    message: "from must not be after to",
    path: ["from"],
  })
  .refine((filter) => filter.minAuthors === undefined || filter.maxAuthors === undefined || filter.minAuthors <= filter.maxAuthors, {
    message: "minAuthors must not be above maxAuthors",
    path: ["minAuthors"],
  });
export type TrendFilter = z.infer<typeof TrendFilterSchema>;

/** Query-string parameters shared by the trend and paper routes, before they become a filter. */
export const filterParamsShape = {
  from: CalendarDateSchema.optional(),
  to: CalendarDateSchema.optional(),
  scope: ScopeSchema.optional(),
  topic: listParam.pipe(z.array(TopicIdSchema).max(20)).optional(),
  hasCode: booleanParam.optional(),
  codeHost: z.string().max(100).optional(),
  minUpvotes: countParam.optional(),
  minAuthors: wholeNumberParam(1, 1_000_000).optional(),
  maxAuthors: wholeNumberParam(1, 1_000_000).optional(),
  q: z.string().trim().max(200).optional(),
  term: z
    .union([z.string(), z.array(z.string())])
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .pipe(z.array(TermTextSchema).max(8, "expected at most 8 terms"))
    .optional(),
  allTopics: listParam.pipe(z.array(TopicIdSchema).max(20)).optional(),
  dateBasis: DateBasisSchema.optional(),
  upvoteBasis: UpvoteBasisSchema.optional(),
};

/**
 * The format of a response: JSON, CSV or Parquet data, or `provenance`, the
 * JSON description of where the data of the same query comes from.
 */
export const ExportFormatSchema = z.enum(["json", "csv", "parquet", "provenance"]);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;
export const FormatParamSchema = ExportFormatSchema.default("json");

/** The maximum papers in one list download; a longer list is cut after this many rows, and its provenance notes the cut. */
export const MAX_PAPER_EXPORT_ROWS = 100_000;

/** The papers one page of a list shows unless the request sets `limit`. */
export const DEFAULT_PAPER_PAGE_SIZE = 50;

const PAPER_LIMIT_MESSAGE = 'expected a whole number from 1 to 500, or "all"';

/** The page size of a paper list, or `all` for every paper from the offset on, up to `MAX_PAPER_EXPORT_ROWS`. */
const PaperLimitParamSchema = z
  .string()
  .regex(/^(all|\d{1,10})$/u, PAPER_LIMIT_MESSAGE)
  .refine((value) => value === "all" || (Number(value) >= 1 && Number(value) <= 500), PAPER_LIMIT_MESSAGE)
  .transform((value): number | "all" => (value === "all" ? "all" : Number(value)));

/** Query parameters of `/api/v1/trends`; unknown parameters are rejected. */
export const TrendsQuerySchema = z.strictObject({
  ...filterParamsShape,
  metric: TrendMetricSchema.default("papers"),
  bucket: BucketSchema.default("month"),
  format: FormatParamSchema,
});
export type TrendsQuery = z.infer<typeof TrendsQuerySchema>;

/** Query parameters of `/api/v1/papers`; unknown parameters are rejected. */
export const PapersQuerySchema = z.strictObject({
  ...filterParamsShape,
  sort: PaperSortSchema.default("date"),
  order: z.enum(["asc", "desc"]).default("desc"),
  limit: PaperLimitParamSchema.default(DEFAULT_PAPER_PAGE_SIZE),
  offset: wholeNumberParam(0, 10_000_000).default(0),
  format: FormatParamSchema,
});
export type PapersQuery = z.infer<typeof PapersQuerySchema>;

/** Query parameters of `/api/v1/papers/{id}`; unknown parameters are rejected. */
export const PaperQuerySchema = z.strictObject({ format: FormatParamSchema });

/** The filter parameters of any query that takes them. */
export type FilterParams = z.infer<z.ZodObject<typeof filterParamsShape>>;

/** Builds the filter that a parsed query's filter parameters describe. */
export function filterFromQuery(query: FilterParams): TrendFilter {
  return TrendFilterSchema.parse({
    from: query.from,
    to: query.to,
    scope: query.scope,
    topics: query.topic ?? [],
    hasCode: query.hasCode,
    codeHost: query.codeHost || undefined,
    minUpvotes: query.minUpvotes,
    minAuthors: query.minAuthors,
    maxAuthors: query.maxAuthors,
    q: query.q || undefined,
    terms: query.term ?? [],
    allTopics: query.allTopics ?? [],
    dateBasis: query.dateBasis,
    upvoteBasis: query.upvoteBasis,
  });
}
