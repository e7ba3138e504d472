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
  from: CalendarDateSchema.optional().meta({
    description: "First day of the range, inclusive. A paper counts when its date under `dateBasis` is on or after this day. Papers without such a date are left out.",
    examples: ["2025-01-01"],
  }),
  to: CalendarDateSchema.optional().meta({
    description: "Last day of the range, inclusive, not before `from`. A paper dated only to the month or year counts when the whole month or year ends by this day.",
    examples: ["2025-12-31"],
  }),
  scope: ScopeSchema.optional().meta({
    description: "Keeps the papers of one scope: `alignment` research, `other-alignment` (another sense of the word, such as image registration or sequence alignment) or `off-topic`.",
  }),
  topic: listParam.pipe(z.array(TopicIdSchema).max(20)).optional().meta({
    description: "Topic ids, of which a paper needs any one. Repeat the parameter or separate ids with commas, at most 20. An id the database does not know gets a 400 that lists the known ids.",
    examples: [["rlhf", "safety"]],
  }),
  hasCode: booleanParam.optional().meta({
    description: "`true` keeps the papers with a code link, `false` the papers without one.",
  }),
  codeHost: z.string().max(100).optional().meta({
    description: "Keeps the papers whose code link is on this host, compared exactly.",
    examples: ["github.com"],
  }),
  minUpvotes: countParam.optional().meta({
    description: "Keeps the papers with at least this many upvotes under `upvoteBasis`. Papers without an upvote count are left out.",
    examples: [10],
  }),
  minAuthors: wholeNumberParam(1, 1_000_000).optional().meta({
    description: "Keeps the papers with at least this many authors. Papers without an author count are left out.",
    examples: [2],
  }),
  maxAuthors: wholeNumberParam(1, 1_000_000).optional().meta({
    description: "Keeps the papers with at most this many authors, which must not be below `minAuthors`. Papers without an author count are left out.",
    examples: [10],
  }),
  q: z.string().trim().max(200).optional().meta({
    description:
      "Text search: every word must appear in the title or abstract, in any order and case, as a whole word or the start of one, so `align` finds alignment and `rl` does not find world. A phrase in double quotes must appear as written within one sentence. Words after the tenth are ignored.",
    examples: ['"reward model" hacking'],
  }),
  term: z
    .union([z.string(), z.array(z.string())])
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .pipe(z.array(TermTextSchema).max(8, "expected at most 8 terms"))
    .optional()
    .meta({
      description:
        "A term that the title or abstract must contain as whole words, case folded, with alternatives separated by `|`. Repeat the parameter to require several terms, at most 8. Commas are part of the term.",
      examples: [["DPO | direct preference optimization"]],
    }),
  allTopics: listParam.pipe(z.array(TopicIdSchema).max(20)).optional().meta({
    description: "Topic ids that a paper must all have, unlike `topic`, where any one suffices. Separate ids with commas or repeat the parameter, at most 20.",
    examples: [["rlhf", "reward-modeling"]],
  }),
  dateBasis: DateBasisSchema.optional().meta({
    description:
      "The date each paper counts under, for the range and the periods. `listed` (the default) is the first day a digest listed it, else its published date, and `published` is its publication date only.",
  }),
  upvoteBasis: UpvoteBasisSchema.optional().meta({
    description:
      "Which upvote count `minUpvotes` and the upvote figures use. `latest` (the default) is the last count any digest saw, and `first-week` is the last count seen within 7 days after the paper was first listed.",
  }),
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

/**
 * The page size of a paper list, or `all` for every paper from the offset on,
 * up to `MAX_PAPER_EXPORT_ROWS`. It is a union so that its JSON Schema reads
 * as an integer from 1 to 500 or the text `all`.
 */
const PaperLimitParamSchema = z.union(
  [
    z
      .string()
      .regex(/^\d{1,10}$/u, PAPER_LIMIT_MESSAGE)
      .transform(Number)
      .pipe(z.number().int().min(1, PAPER_LIMIT_MESSAGE).max(500, PAPER_LIMIT_MESSAGE)),
    z.literal("all"),
  ],
  { error: PAPER_LIMIT_MESSAGE },
);

FormatParamSchema.register(z.globalRegistry, {
  description:
    "The format of the response body: `json`; `csv` or `parquet` for a file download; or `provenance`, the JSON description of where the data of the same query comes from.",
});

/** The `bucket` parameter of the routes that return periods. */
export const BucketParamSchema = BucketSchema.default("month").meta({
  description: "The length of each period. Weeks start on Monday (ISO 8601). A series has at most 1,000 periods, and a longer range gets a 400.",
});

/** Query parameters of `/api/v1/trends`; unknown parameters are rejected. */
export const TrendsQuerySchema = z.strictObject({
  ...filterParamsShape,
  metric: TrendMetricSchema.default("papers").meta({
    description:
      "The series to return: `papers` per topic, `authors` per paper, `team-sizes` (papers per team size, without periods), `code` (papers with code, by host), `upvotes`, or `scope-shares` (the share of each scope in the whole feed, ignoring `scope`).",
  }),
  bucket: BucketParamSchema,
  format: FormatParamSchema,
});
export type TrendsQuery = z.infer<typeof TrendsQuerySchema>;

/** Query parameters of `/api/v1/papers`; unknown parameters are rejected. */
export const PapersQuerySchema = z.strictObject({
  ...filterParamsShape,
  sort: PaperSortSchema.default("date").meta({
    description: "The sort key: the paper's date under `dateBasis`, its upvotes under `upvoteBasis`, or its number of authors. Papers without the value come last, and ties are broken by paper id.",
  }),
  order: z.enum(["asc", "desc"]).default("desc").meta({
    description: "The sort order: `desc` puts the latest date, the most upvotes or the most authors first.",
  }),
  limit: PaperLimitParamSchema.default(DEFAULT_PAPER_PAGE_SIZE).meta({
    description: `The number of papers in the page, from 1 to 500, or \`all\` for every paper from the offset on, up to ${MAX_PAPER_EXPORT_ROWS.toLocaleString("en")} (for downloads).`,
    examples: [20, "all"],
  }),
  offset: wholeNumberParam(0, 10_000_000).default(0).meta({ description: "The number of papers to skip before the page starts.", examples: [100] }),
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
