import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { securityDigestRssParser } from "../../../src/formats/parsers/securityDigestRss";
import { ALL_INLINE_GROUPS, arxivIdArbitrary, authorNameArbitrary, collapseSpaces, expectedExtra, expectedRecord, monthOfArxivId, normalizedTitle, textArbitrary } from "./paperArbitraries";
import { parseContent, recordsOf } from "./parserOutcome";
import { propertyParameters } from "./propertyParameters";
import { pythonRepr } from "./pythonRepr";
import { testArbitraryInput } from "./testArbitraryInput";

const FIRST_INSTANT = Date.UTC(2024, 0, 1);
const LAST_INSTANT = Date.UTC(2026, 11, 31);
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** An instant as an RFC 822 date in UTC or at another zone offset, with `day`, its UTC day. */
const rfc822Arbitrary = fc.tuple(fc.integer({ min: FIRST_INSTANT, max: LAST_INSTANT }), fc.constantFrom(0, 540, -300)).map(([instant, offsetMinutes]) => {
  const local = new Date(instant + offsetMinutes * 60_000);
  const zone = `${offsetMinutes < 0 ? "-" : "+"}${String(Math.abs(offsetMinutes) / 60).padStart(2, "0")}00`;
  const time = local.toISOString().slice(11, 19);
  const text = `${WEEKDAYS[local.getUTCDay()]}, ${String(local.getUTCDate()).padStart(2, "0")} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()} ${time} ${zone}`;
  return { text, day: new Date(instant).toISOString().slice(0, 10) };
});

/** Text the feed puts into its HTML unescaped, so it contains no `<` that would read as a tag. */
const htmlTextArbitrary = textArbitrary(["letters", "unicode", "quotes", "punctuation", "pipe", "spaces"]);

const itemArbitrary = fc.record({
  title: textArbitrary([...ALL_INLINE_GROUPS, "lineBreaks"]),
  titleInCdata: fc.boolean(),
  link: fc.oneof(arxivIdArbitrary.map((id) => ({ url: `https://arxiv.org/abs/${id}`, id })), fc.webUrl().map((url) => ({ url, id: null }))),
  pubDate: rfc822Arbitrary,
  summary: fc.array(htmlTextArbitrary, { minLength: 1, maxLength: 3 }),
  paperType: fc.option(htmlTextArbitrary),
  authors: fc.option(fc.array(authorNameArbitrary, { minLength: 1, maxLength: 4 })),
  tags: fc.option(fc.array(fc.constantFrom("LLM", "Jailbreak", "Prompt Injection"), { minLength: 1, maxLength: 3 })),
});
type Item = typeof itemArbitrary extends fc.Arbitrary<infer T> ? T : never;

function escapeXml(text: string): string {
  return text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;");
}

/** Writes an item's description as the November 2025 feed does: HTML sections, entity-escaped into the XML. */
function writeDescription(item: Item): string {
  const list = (entries: string[]) => `<ul>${entries.map((entry) => `<li>${entry}</li>`).join("")}</ul>`;
  const information = [item.authors ? `Authors: ${pythonRepr(item.authors)}` : null, item.tags ? `Tags: ${pythonRepr(item.tags)}` : null].filter((line) => line !== null);
  const html = [
    `<h3>Summary</h3>${list(item.summary)}`,
    item.paperType ? `<h3>Paper Type</h3><p>${item.paperType}</p>` : "",
    information.length > 0 ? `<h3>Additional Information</h3>${list(information)}` : "",
  ].join("\n");
  return escapeXml(html);
}

function inCdata(item: Item): boolean {
  return item.titleInCdata && !item.title.includes("]]>");
}

function writeItem(item: Item): string {
  const title = inCdata(item) ? `<![CDATA[${item.title}]]>` : escapeXml(item.title);
  return [
    "<item>",
    `<title>${title}</title>`,
    `<link>${escapeXml(item.link.url)}</link>`,
    `<description>${writeDescription(item)}</description>`,
    `<guid isPermaLink="false">${escapeXml(item.link.url)}</guid>`,
    `<pubDate>${item.pubDate.text}</pubDate>`,
    "</item>",
  ].join("");
}

function writeDigest(items: Item[]): string {
  return [
    "<?xml version='1.0' encoding='UTF-8'?>",
    '<rss xmlns:atom="http://www.w3.org/2005/Atom" version="2.0"><channel><title>AI Security Paper Digest</title>',
    "<link>https://example.org/feed</link><description>Papers</description>",
    "<lastBuildDate>Wed, 19 Nov 2025 00:00:00 +0000</lastBuildDate>",
    ...items.map(writeItem),
    "</channel></rss>",
  ].join("\n");
}

function expectedRecordOf(item: Item, index: number) {
  const extra = {
    summary: item.summary.map(collapseSpaces),
    paperType: item.paperType ? collapseSpaces(item.paperType) : undefined,
    tags: item.tags ?? undefined,
    paperUrl: item.link.id ? undefined : item.link.url,
  };
  return expectedRecord({
    location: `item ${index + 1}`,
    arxivId: item.link.id,
    // Entities are decoded once in all: the XML escaping of an escaped title, or the entities inside a CDATA title.
    title: inCdata(item) ? normalizedTitle(item.title) : collapseSpaces(item.title),
    authors: item.authors,
    authorsCount: item.authors?.length ?? null,
    publishedOn: item.link.id ? monthOfArxivId(item.link.id) : null,
    listedOn: item.pubDate.day,
    extra: expectedExtra(extra),
  });
}

describe("securityDigestRssParser properties", () => {
  test("round-trips generated items", async () => {
    const property = fc.asyncProperty(fc.array(itemArbitrary, { minLength: 1, maxLength: 4 }), async (items) => {
      const parsed = recordsOf(await parseContent(securityDigestRssParser, writeDigest(items), "feed.xml"));
      expect(parsed.digestDate).toBe("2025-11-19");
      expect(parsed.records).toEqual(items.map(expectedRecordOf));
    });
    await fc.assert(property, propertyParameters(150));
  });

  testArbitraryInput(securityDigestRssParser, {
    fileName: "feed.xml",
    embedLongLine: (line) => writeDigest([]).replace("</channel>", `<item><title>${line}</title><description>&lt;h3&gt;Summary&lt;/h3&gt;${line}</description></item></channel>`),
    validDigest: fc.array(itemArbitrary, { minLength: 1, maxLength: 2 }).map(writeDigest),
    cutDigest: itemArbitrary.map((item) => writeDigest([item])),
    tokens: ["<rss>", "<channel>", "<item>", "</item>", "<title>", "</title>", "<description>", "</description>", "&lt;h3&gt;", "&lt;li&gt;Authors: ['A'", "<![CDATA[", "]]>", "<pubDate>", "&amp;", "<"],
  });
});
