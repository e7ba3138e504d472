import fc from "fast-check";
import { test } from "vitest";
import type { DigestParser } from "../../../src/formats/digestParser";
import { mutatedDigestArbitrary } from "./mutateText";
import { expectContractKept, parseContent } from "./parserOutcome";
import { propertyParameters } from "./propertyParameters";

export interface ArbitraryInputOptions {
  /** The name the scratch file gets, which some parsers read a date from. */
  fileName: string;
  /** Valid digests of the format, which the mutation properties edit. */
  validDigest: fc.Arbitrary<string>;
  /** Syntax fragments of the format (headings, separators, keys), so random text reaches past the parser's first checks. */
  tokens: string[];
  /** Valid digests cut at every position; a one-record digest keeps the thousands of parses short. Defaults to `validDigest`. */
  cutDigest?: fc.Arbitrary<string>;
  /** Writes a digest whose record contains `line` where the format keeps a line of text, such as a JSON string. */
  embedLongLine?: (line: string) => string;
  /** Runs of the long-line property; a format whose parser reads a long line slowly but in linear time gets fewer. */
  longLineRuns?: number;
}

const FILLER = ["a", "Z", "7", " ", "\n", "é", "中", "🚀", ":", ",", '"', "|", "\t", "\r\n", "(", ")", "[", "]", "*", "<", ">"];

/** Text of up to 120 pieces drawn from the format's syntax and a few plain characters. */
function syntaxSoupArbitrary(tokens: string[]): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...tokens, ...FILLER), { maxLength: 120 }).map((pieces) => pieces.join(""));
}

/**
 * Returns an arbitrary of a line of 50,000 to 100,000 characters: a syntax fragment, then a few
 * fragments repeated, inserted after a line of a valid digest or, when the
 * format wraps its lines in another syntax, placed by `embedLongLine`.
 */
function longLineArbitrary(options: ArbitraryInputOptions): fc.Arbitrary<string> {
  const piece = fc.array(fc.constantFrom(...options.tokens, ...FILLER), { minLength: 1, maxLength: 4 }).map((pieces) => pieces.join(""));
  const prefix = fc.constantFrom("", ...options.tokens);
  return fc.tuple(options.validDigest, prefix, piece, fc.nat(), fc.integer({ min: 50_000, max: 100_000 }), fc.boolean()).map(([digest, start, repeated, after, length, embed]) => {
    const long = (start + repeated.repeat(Math.ceil(length / repeated.length))).slice(0, length).replace(/[\r\n]/gu, " ");
    if (options.embedLongLine && embed) return options.embedLongLine(long);
    const lines = digest.split("\n");
    const index = after % lines.length;
    return [...lines.slice(0, index + 1), long, ...lines.slice(index + 1)].join("\n");
  });
}

/**
 * Registers the properties that hold for any input: random text, random
 * bytes, random format syntax, edited valid digests, valid digests cut at
 * every position, and a very long line of format syntax. On each the parser
 * keeps its contract (see `expectContractKept`).
 */
export function testArbitraryInput(parser: DigestParser, options: ArbitraryInputOptions): void {
  const check = async (content: string | Uint8Array) => expectContractKept(await parseContent(parser, content, options.fileName));

  test("random text keeps the contract", async () => {
    const text = fc.oneof(fc.string({ unit: "binary", maxLength: 300 }), fc.string({ unit: "grapheme", maxLength: 300 }), syntaxSoupArbitrary(options.tokens));
    await fc.assert(fc.asyncProperty(text, check), propertyParameters(150));
  });

  test("random bytes keep the contract", async () => {
    // Besides random bytes, UTF-8 text with its last byte cut off, which ends inside a character as often as the text ends in one that is not ASCII.
    const cutText = fc.string({ unit: "grapheme", minLength: 1, maxLength: 100 }).map((text) => Buffer.from(text).subarray(0, -1));
    await fc.assert(fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 300 }), cutText), check), propertyParameters(60));
  });

  test("edited digests keep the contract", async () => {
    await fc.assert(fc.asyncProperty(mutatedDigestArbitrary(options.validDigest, options.tokens), check), propertyParameters(150));
  });

  test("digests cut at every position keep the contract", async () => {
    const property = fc.asyncProperty(options.cutDigest ?? options.validDigest, async (digest) => {
      for (let end = 0; end <= digest.length; end += 1) await check(digest.slice(0, end));
    });
    await fc.assert(property, propertyParameters(1));
  });

  test("long line of format syntax keeps the contract", async () => {
    await fc.assert(fc.asyncProperty(longLineArbitrary(options), check), propertyParameters(options.longLineRuns ?? 10));
  });
}
