import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PaperRecordSchema, RejectedRecordSchema } from "@alignment-trends/schema";
import { expect } from "vitest";
import { DigestParseError, type DigestParser } from "../../../src/formats/digestParser";
import { DigestReadError } from "../../../src/source/DigestSource";
import { parseFile, type ParsedFile } from "../../parseWith";

const scratch = mkdtempSync(path.join(tmpdir(), "parser-property-"));

/** What a parser did with one input: the records and rejects it read, or the typed error it raised. */
export type ParserOutcome = { parsed: ParsedFile; elapsedMs: number } | { error: DigestParseError | DigestReadError; elapsedMs: number };

/**
 * A reject's location names a line, an RSS item, a character offset, a JSON index or key path,
 * the whole file of a one-paper format, or the end of a cut-off JSON file.
 */
const REJECT_LOCATION = /^(?:line \d+|item \d+|character \d+|file|end of file|(?:index \d+|key "(?:[^"\\]|\\.)*")(?: (?:index \d+|key "(?:[^"\\]|\\.)*"))*)$/u;

/**
 * The maximum time one parse may take. It only catches runaway work such as
 * catastrophic regex backtracking, which took 8 to 90 s on 100,000-character
 * lines before those patterns were fixed. A few kilobytes parse in well under
 * 50 ms, but the yaml library reads a 100,000-character line of stray tokens
 * in about 4 s, and a busy CI machine may double that.
 */
export const MAX_PARSE_MS = 20_000;

/**
 * Writes `content` to a scratch file named `fileName` and parses it. Returns
 * the parse, or the `DigestParseError` or `DigestReadError` it raised; any
 * other error propagates and fails the property.
 */
export async function parseContent(parser: DigestParser, content: string | Uint8Array, fileName: string, asOf: string | null = null): Promise<ParserOutcome> {
  const file = path.join(scratch, fileName);
  writeFileSync(file, content);
  const started = performance.now();
  try {
    const parsed = await parseFile(parser, file, asOf);
    return { parsed, elapsedMs: performance.now() - started };
  } catch (error) {
    if (error instanceof DigestParseError || error instanceof DigestReadError) return { error, elapsedMs: performance.now() - started };
    throw error;
  }
}

/**
 * Asserts the contract every parser keeps on any input: it finishes within
 * MAX_PARSE_MS, raises only its typed errors with a message, yields only
 * valid records, and every reject is valid and names where it is.
 */
export function expectContractKept(outcome: ParserOutcome): void {
  expect(outcome.elapsedMs).toBeLessThan(MAX_PARSE_MS);
  if ("error" in outcome) {
    expect(outcome.error.message).not.toBe("");
    return;
  }
  for (const record of outcome.parsed.records) expect(PaperRecordSchema.safeParse(record).success).toBe(true);
  for (const reject of outcome.parsed.rejects) {
    expect(RejectedRecordSchema.safeParse(reject).error).toBeUndefined();
    expect(reject.location).toMatch(REJECT_LOCATION);
    if (reject.location === "end of file") expect(reject.detail).toMatch(/at character \d+/u);
  }
}

/** Returns the records of a parse that must succeed, failing with the error or the rejects when it does not. */
export function recordsOf(outcome: ParserOutcome): ParsedFile {
  if ("error" in outcome) throw new Error(`expected a parse, but the parser raised ${outcome.error.name}: ${outcome.error.message}`, { cause: outcome.error });
  expect(outcome.parsed.rejects).toEqual([]);
  return outcome.parsed;
}
