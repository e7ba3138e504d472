import { z } from "zod";
import { CalendarDateSchema, DatePrecisionSchema } from "./calendarDate";
import { DigestFormatSchema } from "./digestFormat";
import { LinkKindSchema } from "./paperRecord";
import { ScopeSchema } from "./trendQuery";

/** A paper as the API lists it. */
export const PaperSummarySchema = z.object({
  id: z.string(),
  arxivId: z.string().nullable(),
  title: z.string(),
  publishedOn: CalendarDateSchema.nullable(),
  publishedPrecision: DatePrecisionSchema.nullable(),
  listedOn: CalendarDateSchema.nullable(),
  authorsCount: z.number().int().nullable(),
  /** The latest upvote count any digest saw, or null when no digest gives upvotes for the paper. */
  upvotes: z.number().int().nullable(),
  upvotesFirstWeek: z.number().int().nullable(),
  codeUrl: z.string().nullable(),
  scope: ScopeSchema,
  topics: z.array(z.string()),
});
export type PaperSummary = z.infer<typeof PaperSummarySchema>;

export const PaperPageSchema = z.object({
  total: z.number().int(),
  papers: z.array(PaperSummarySchema),
});
export type PaperPage = z.infer<typeof PaperPageSchema>;

export const SightingSchema = z.object({
  digestId: z.number().int(),
  digestPath: z.string(),
  format: DigestFormatSchema,
  digestDate: CalendarDateSchema.nullable(),
  listedOn: CalendarDateSchema.nullable(),
  upvotes: z.number().int().nullable(),
  location: z.string(),
  title: z.string(),
  extra: z.record(z.string(), z.unknown()).nullable(),
});
export type Sighting = z.infer<typeof SightingSchema>;

export const TopicTagSchema = z.object({
  topic: z.string(),
  label: z.string(),
  evidence: z.array(z.string()),
});
export type TopicTag = z.infer<typeof TopicTagSchema>;

/** One paper's full record, as its page and `/api/v1/papers/{id}` show it. */
export const PaperDetailSchema = PaperSummarySchema.extend({
  abstract: z.string().nullable(),
  authors: z.array(z.string()),
  comments: z.number().int().nullable(),
  codeHost: z.string().nullable(),
  links: z.array(z.object({ url: z.string(), kind: LinkKindSchema, host: z.string() })),
  projectPage: z.string().nullable(),
  aiKeywords: z.array(z.string()),
  arxivUrl: z.string().nullable(),
  huggingFaceUrl: z.string().nullable(),
  scopeEvidence: z.array(z.string()),
  topicTags: z.array(TopicTagSchema),
  taxonomyVersion: z.string().nullable(),
  /** The digest (by id, as in `sightings`) that gave each merged value. */
  fieldSources: z.record(z.string(), z.number().int().nullable()),
  sightings: z.array(SightingSchema),
});
export type PaperDetail = z.infer<typeof PaperDetailSchema>;
