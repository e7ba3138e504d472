import type { DigestFormat } from "@alignment-trends/schema";
import type { DigestParser } from "./digestParser";
import { awesomeListMarkdownParser } from "./parsers/awesomeListMarkdown";
import { dailyTableMarkdownParser } from "./parsers/dailyTableMarkdown";
import { datedTableMarkdownParser } from "./parsers/datedTableMarkdown";
import { hfDailyApiParser } from "./parsers/hfDailyApi";
import { hfPapersJsonParser } from "./parsers/hfPapersJson";
import { hfPapersPageParser } from "./parsers/hfPapersPage";
import { hfScrapedDailyParser } from "./parsers/hfScrapedDaily";
import { koDailyMarkdownParser } from "./parsers/koDailyMarkdown";
import { nlpArxivDailyParser } from "./parsers/nlpArxivDaily";
import { paperAbstractsCsvParser } from "./parsers/paperAbstractsCsv";
import { paperYamlParser } from "./parsers/paperYaml";
import { papersListCsvParser } from "./parsers/papersListCsv";
import { securityDigestRssParser } from "./parsers/securityDigestRss";
import { weeklyTableMarkdownParser } from "./parsers/weeklyTableMarkdown";

/**
 * Every format the ingest reads, in the order detection tries them: formats
 * with distinctive structure (JSON keys, a CSV header, an RSS root) before
 * markdown and page text. Each detector matches only its own source's files,
 * so the order decides nothing today; it only matters for a new format whose
 * signature overlaps an old one. A new format is a module in `parsers/` and
 * one line here.
 */
export const DIGEST_PARSERS: readonly DigestParser[] = [
  hfDailyApiParser,
  hfPapersJsonParser,
  hfScrapedDailyParser,
  nlpArxivDailyParser,
  papersListCsvParser,
  paperAbstractsCsvParser,
  securityDigestRssParser,
  paperYamlParser,
  koDailyMarkdownParser,
  dailyTableMarkdownParser,
  weeklyTableMarkdownParser,
  datedTableMarkdownParser,
  awesomeListMarkdownParser,
  hfPapersPageParser,
];

/** Returns the parser whose format the file looks like, or null when none matches. */
export function detectFormat(head: string, fileName: string): DigestParser | null {
  return DIGEST_PARSERS.find((parser) => parser.detect(head, fileName)) ?? null;
}

/** Returns the parser of a format id, or null when no parser has it. */
export function parserForFormat(format: DigestFormat): DigestParser | null {
  return DIGEST_PARSERS.find((candidate) => candidate.format === format) ?? null;
}
