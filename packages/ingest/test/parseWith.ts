import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PaperRecord, RejectedRecord } from "@alignment-trends/schema";
import type { DigestParser, ParsedDigest } from "../src/formats/digestParser";
import { DigestSource } from "../src/source/DigestSource";

const scratch = mkdtempSync(path.join(tmpdir(), "parser-test-"));

export interface ParsedFile extends Omit<ParsedDigest, "items"> {
  records: PaperRecord[];
  rejects: RejectedRecord[];
}

/** Parses a file with a parser and collects every record and reject, with today pinned to 2026-12-04. */
export async function parseFile(parser: DigestParser, file: string, asOf: string | null = null, today = "2026-12-04"): Promise<ParsedFile> {
  const parsed = await parser.parse(new DigestSource(file), { asOf, today });
  const records: PaperRecord[] = [];
  const rejects: RejectedRecord[] = [];
  for await (const item of parsed.items) {
    if ("record" in item) records.push(item.record);
    else rejects.push(item.reject);
  }
  return { format: parsed.format, digestDate: parsed.digestDate, digestDateSource: parsed.digestDateSource, records, rejects };
}

/** Writes `text` to a scratch file named `fileName` and parses it. */
export async function parseText(parser: DigestParser, text: string, fileName = "digest.txt", asOf: string | null = null, today?: string) {
  const file = path.join(mkdtempSync(path.join(scratch, "case-")), fileName);
  writeFileSync(file, text);
  return parseFile(parser, file, asOf, today);
}
