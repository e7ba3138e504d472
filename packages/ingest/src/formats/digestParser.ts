import type { DigestFormat, PaperRecord, RejectedRecord } from "@alignment-trends/schema";
import type { DigestSource } from "../source/DigestSource";

/** Inputs of a parser besides the file: the capture date the user gave, and today. */
export interface ParseContext {
  /** The capture date given with `--as-of`, as `YYYY-MM-DD`. */
  asOf: string | null;
  /** Today's date as `YYYY-MM-DD`; injected so that tests can pin the clock. */
  today: string;
}

/** The origin of a digest's own date, which the dashboard shows next to the date. */
export type DigestDateSource = "as-of" | "file name" | "wrapper date" | "page header" | "heading" | "feed" | "today";

/** One item a parser yields: a paper record, or a record it could not read with the reason. */
export type ParsedItem = { record: PaperRecord } | { reject: RejectedRecord };

export interface ParsedDigest {
  format: DigestFormat;
  digestDate: string | null;
  digestDateSource: DigestDateSource | null;
  /** The file's records in file order, read lazily so that a large file never sits in memory whole. */
  items: AsyncIterable<ParsedItem>;
}

/**
 * One digest format, in one module under `formats/parsers/`. `parse` reads the
 * source and yields records and rejects; it never touches the database. Only a
 * file without any readable structure raises `DigestParseError`.
 */
export interface DigestParser {
  format: DigestFormat;
  /** One line naming the source and shape, for `--help` and the docs. */
  description: string;
  /**
   * How much this source is trusted when digests disagree on a field: 50 for
   * the Hugging Face API, 40 for its pages, 30 for digests copied from them,
   * 20 for newsletters and feeds, 10 for curated lists.
   */
  priority: number;
  /** Reports whether a file looks like this format, from its name and its first 64 KiB of text. */
  detect(head: string, fileName: string): boolean;
  parse(source: DigestSource, context: ParseContext): Promise<ParsedDigest>;
}

/** A digest whose text a parser cannot read at all; the message names what is wrong. */
export class DigestParseError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DigestParseError";
  }
}
