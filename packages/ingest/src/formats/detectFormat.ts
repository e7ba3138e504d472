import type { DigestFormat } from "@alignment-trends/schema";
import type { DigestParser } from "./digestParser";
import { dailyPapersJsonParser } from "./parseDailyPapersJson";
import { papersPageParser } from "./parsePapersPage";

/** Every format the ingest reads, in the order detection tries them: structured formats before free text. */
export const DIGEST_PARSERS: readonly DigestParser[] = [dailyPapersJsonParser, papersPageParser];

/** Returns the parser whose format the text looks like, or null when none matches. */
export function detectFormat(text: string): DigestParser | null {
  return DIGEST_PARSERS.find((parser) => parser.detect(text)) ?? null;
}

/** Returns the parser of a named format. */
export function parserForFormat(format: DigestFormat): DigestParser {
  const parser = DIGEST_PARSERS.find((candidate) => candidate.format === format);
  if (!parser) throw new Error(`no parser for format "${format}"`);
  return parser;
}
