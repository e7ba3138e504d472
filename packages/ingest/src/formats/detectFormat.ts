import type { DigestFormat } from "@alignment-trends/schema";
import type { DigestParser } from "./digestParser";
import { hfDailyApiParser } from "./parsers/hfDailyApi";
import { hfPapersPageParser } from "./parsers/hfPapersPage";

/**
 * Every format the ingest reads, in the order detection tries them: formats
 * with distinctive structure before looser text formats. A new format is a
 * module in `parsers/` and one line here.
 */
export const DIGEST_PARSERS: readonly DigestParser[] = [hfDailyApiParser, hfPapersPageParser];

/** Returns the parser whose format the file looks like, or null when none matches. */
export function detectFormat(head: string, fileName: string): DigestParser | null {
  return DIGEST_PARSERS.find((parser) => parser.detect(head, fileName)) ?? null;
}

/** Returns the parser of a format id, or null when no parser has it. */
export function parserForFormat(format: DigestFormat): DigestParser | null {
  return DIGEST_PARSERS.find((candidate) => candidate.format === format) ?? null;
}
