import { MAX_LINE_LENGTH, type DigestSource } from "../source/DigestSource";
import { rejectItem } from "./buildPaperRecord";
import type { ParsedDigest, ParsedItem } from "./digestParser";

/**
 * Adds a reject for every line that `source.lines()` skipped as longer than
 * MAX_LINE_LENGTH, after the parser's own items. Parsers see such a line as
 * an empty line, so the records around it still load.
 */
export function withOversizedLineRejects(parsed: ParsedDigest, source: DigestSource): ParsedDigest {
  async function* items(): AsyncGenerator<ParsedItem> {
    yield* parsed.items;
    for (const [number, length] of source.oversizedLines) {
      const detail = `the line has ${length} characters, more than the ${MAX_LINE_LENGTH} a digest line may have, so it was skipped`;
      yield rejectItem(`line ${number}`, "line too long", detail, null);
    }
  }
  return { ...parsed, items: items() };
}
