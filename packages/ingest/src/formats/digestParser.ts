import type { DigestFormat, PaperRecord, RejectedRecord } from "@alignment-trends/schema";

/** What a parser knows besides the text: where it came from and what day it is. */
export interface ParseContext {
  /** The digest's file name, which may carry its date (`2025-06-03.json.gz`). */
  fileName: string;
  /** The capture date the user gave with `--as-of`, as `YYYY-MM-DD`. */
  asOf: string | null;
  /** Today's date as `YYYY-MM-DD`; injected so that tests can pin the clock. */
  today: string;
}

/**
 * Where a digest's own date came from, such as `file name` or `page header`.
 * The dashboard shows it next to the date.
 */
export type DigestDateSource = "as-of" | "file name" | "wrapper date" | "page header" | "today";

export interface ParsedDigest {
  format: DigestFormat;
  digestDate: string | null;
  digestDateSource: DigestDateSource | null;
  records: PaperRecord[];
  rejects: RejectedRecord[];
}

/**
 * One digest format. `parse` is pure: text in, records and rejects out. A
 * record that cannot become a paper is returned as a reject; only a file that
 * holds no readable structure at all raises `DigestParseError`.
 */
export interface DigestParser {
  format: DigestFormat;
  /** Reports whether the text looks like this format. */
  detect(text: string): boolean;
  parse(text: string, context: ParseContext): ParsedDigest;
}

/** A digest whose text a parser cannot read at all; the message names what is wrong. */
export class DigestParseError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DigestParseError";
  }
}
