import { z } from "zod";
import { CalendarDateSchema, DatedValueSchema } from "./calendarDate";

/** The kind of a link found on a paper: code, or a Hugging Face model, dataset or space. */
export const LinkKindSchema = z.enum(["code", "model", "dataset", "space"]);
export type LinkKind = z.infer<typeof LinkKindSchema>;

/** An absolute http or https URL, the only kind that the pages render as a link; `javascript:` and `data:` URLs fail it. */
export const HttpUrlSchema = z.url({ protocol: /^https?$/u });

export const PaperLinkSchema = z.object({
  url: HttpUrlSchema,
  kind: LinkKindSchema,
  host: z.string().min(1),
});
export type PaperLink = z.infer<typeof PaperLinkSchema>;

/** A new-style arXiv id (`2506.01939`) or an old-style one (`hep-th/9901001`), without a version. */
export const ArxivIdSchema = z
  .string()
  .regex(/^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})$/, "expected an arXiv id without a version suffix");

/**
 * A day a paper may be dated or listed on. A year before 1900 or after 2099
 * is a typo or hostile input such as `0000-01-01`, and would stretch every
 * chart's time axis across centuries.
 */
const PaperDaySchema = CalendarDateSchema.refine((day) => day >= "1900-01-01" && day <= "2099-12-31", {
  message: "expected a day from 1900-01-01 to 2099-12-31",
});

/**
 * One paper as one digest reported it, after normalization and before it meets
 * the database. `location` points into the digest file (`line 12`, `index 3`).
 * Fields a digest does not carry are null.
 */
export const PaperRecordSchema = z.object({
  location: z.string().min(1),
  arxivId: ArxivIdSchema.nullable(),
  title: z.string().min(1).max(1000),
  abstract: z.string().min(1).nullable(),
  /** The complete author list; sources that give only some authors put them in `extra`. */
  authors: z.array(z.string().min(1)).max(100_000).nullable(),
  authorsCount: z.number().int().min(1).max(100_000).nullable(),
  publishedOn: DatedValueSchema.extend({ date: PaperDaySchema }).nullable(),
  listedOn: PaperDaySchema.nullable(),
  upvotes: z.number().int().min(0).max(10_000_000).nullable(),
  comments: z.number().int().min(0).max(10_000_000).nullable(),
  codeUrl: HttpUrlSchema.nullable(),
  links: z.array(PaperLinkSchema),
  projectPage: HttpUrlSchema.nullable(),
  aiKeywords: z.array(z.string()).nullable(),
  /** Fields of the source record that the product does not use yet, kept so later versions need not re-read the file. */
  extra: z.record(z.string(), z.unknown()).nullable(),
});
export type PaperRecord = z.infer<typeof PaperRecordSchema>;

/**
 * A record a parser could not turn into a paper, kept with the reason. `reason`
 * is a short fixed phrase that summaries count by; `detail` names the value.
 */
export const RejectedRecordSchema = z.object({
  location: z.string().min(1),
  reason: z.string().min(1),
  detail: z.string(),
  raw: z.string().nullable(),
});
export type RejectedRecord = z.infer<typeof RejectedRecordSchema>;
