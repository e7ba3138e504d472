import { decodeXML } from "entities";
import { utcDayOfRfc822 } from "../../normalize/calendarDates";
import { decodeLatex } from "../../normalize/decodeLatex";
import { arxivIdFromText } from "../../normalize/normalizeArxivId";
import type { DigestSource } from "../../source/DigestSource";
import { buildPaperRecord, rejectItem } from "../buildPaperRecord";
import { DigestParseError, type DigestDateSource, type DigestParser, type ParsedItem } from "../digestParser";
import { parsePythonLiteral, PythonLiteralError } from "../parsePythonLiteral";
import { readRssItems } from "./securityDigestRssItems";

/** An RSS element's text: XML-escaped as written, or the content of a CDATA section. */
interface ElementText {
  text: string;
  cdata: boolean;
}

/** The parts of an item's description that become record fields. */
interface DescriptionParts {
  authors: string[] | null;
  extra: Record<string, unknown>;
}

/** An author or tag list that is not a Python list of strings. `detail` names the value. */
class InvalidListError extends Error {
  constructor(
    readonly reason: string,
    readonly detail: string,
  ) {
    super(detail);
    this.name = "InvalidListError";
  }
}

/**
 * Returns the text of the first `<name>` child of `xml`, or null when there is
 * none. The text may not contain another `<name>` tag, so that each failed
 * start stops at the next one, and an item of many unclosed tags takes linear
 * rather than quadratic time.
 */
function elementText(xml: string, name: string): ElementText | null {
  const match = new RegExp(`<${name}(?:\\s[^<>]*)?>((?:(?!<${name}[\\s>])[\\s\\S])*?)</${name}>`, "u").exec(xml);
  if (!match) return null;
  const cdata = /^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/u.exec(match[1]!);
  return cdata ? { text: cdata[1]!, cdata: true } : { text: match[1]!, cdata: false };
}

function decodedText(element: ElementText | null): string | null {
  if (!element) return null;
  return (element.cdata ? element.text : decodeXML(element.text)).trim();
}

/**
 * Removes HTML tags and folds whitespace. Entities stay as written, because
 * the feed puts text into its HTML unescaped. A tag ends before the next `<`,
 * so a run of unclosed `<` is read in linear time rather than rescanned from each one.
 */
function textOfHtml(html: string): string {
  return html.replace(/<[^<>]*>/gu, " ").replace(/\s+/gu, " ").trim();
}

function listItems(html: string): string[] {
  // An item may not contain another `<li>`, so that many unclosed `<li>` tags take linear time.
  const items = [...html.matchAll(/<li(?:\s[^<>]*)?>((?:(?!<li[\s>])[\s\S])*?)<\/li>/gu)].map((match) => textOfHtml(match[1]!));
  return items.length > 0 ? items.filter((item) => item !== "") : [textOfHtml(html)].filter((item) => item !== "");
}

/** Reads a Python list of strings such as `['A', 'B']`. Raises `InvalidListError` for anything else. */
function readPythonStringList(text: string, listName: string): string[] {
  let value: unknown;
  try {
    value = parsePythonLiteral(text);
  } catch (error) {
    if (!(error instanceof PythonLiteralError)) throw error;
    throw new InvalidListError(`invalid ${listName} list`, `${listName} list ${JSON.stringify(text.slice(0, 80))}: ${error.message}`);
  }
  if (!Array.isArray(value) || !value.every((entry) => typeof entry === "string")) {
    throw new InvalidListError(`invalid ${listName} list`, `${listName} list ${JSON.stringify(text.slice(0, 80))} is not a list of strings`);
  }
  return value.map((entry) => entry.trim()).filter((entry) => entry !== "");
}

/** Reads the `Authors:` and `Tags:` lines of the Additional Information section. Other lines are kept as they are. */
function readAdditionalInformation(items: string[], parts: DescriptionParts): void {
  const unknown: string[] = [];
  for (const item of items) {
    const field = /^(Authors|Tags)\s*:\s*([\s\S]*)$/iu.exec(item);
    if (field?.[1]!.toLowerCase() === "authors") {
      // Names keep arXiv's LaTeX accents, such as `U\u{g}urcan Aky\"uz`.
      parts.authors = readPythonStringList(field[2]!, "author").map((name) => decodeLatex(name).trim());
    } else if (field) {
      parts.extra.tags = readPythonStringList(field[2]!, "tag");
    } else {
      unknown.push(item);
    }
  }
  if (unknown.length > 0) parts.extra.additionalInformation = unknown;
}

/**
 * Reads a description. The November 2025 feed writes HTML sections: Summary,
 * Paper Type, and Additional Information with the authors and tags. The June
 * 2025 feed writes the summary as plain lines.
 */
function readDescription(description: string | null): DescriptionParts {
  const parts: DescriptionParts = { authors: null, extra: {} };
  if (!description) return parts;
  if (!/<h3[\s>]/iu.test(description)) {
    const lines = description.split(/\r?\n/u).map((line) => line.trim()).filter((line) => line !== "");
    if (lines.length > 0) parts.extra.summary = lines;
    return parts;
  }

  const otherSections: Record<string, string[]> = {};
  for (const section of description.split(/(?=<h3[\s>])/iu)) {
    const heading = /^<h3(?:\s[^>]*)?>([\s\S]*?)<\/h3>/iu.exec(section);
    if (!heading) continue;
    const name = textOfHtml(heading[1]!);
    const items = listItems(section.slice(heading[0].length));
    if (/^summary$/iu.test(name)) parts.extra.summary = items;
    else if (/^paper type$/iu.test(name)) parts.extra.paperType = items.join("; ");
    else if (/^additional information$/iu.test(name)) readAdditionalInformation(items, parts);
    else otherSections[name] = items;
  }
  if (Object.keys(otherSections).length > 0) parts.extra.otherSections = otherSections;
  return parts;
}

function itemFromXml(xml: string, number: number): ParsedItem {
  const location = `item ${number}`;
  const raw = `<item>${xml}</item>`;
  const link = decodedText(elementText(xml, "link"));
  const guid = decodedText(elementText(xml, "guid"));
  const pubDate = decodedText(elementText(xml, "pubDate"));
  const listedOn = pubDate ? utcDayOfRfc822(pubDate) : null;
  if (pubDate && !listedOn) return rejectItem(location, "invalid date", `pubDate "${pubDate}" is not an RFC 822 date`, raw);

  let parts: DescriptionParts;
  try {
    parts = readDescription(decodedText(elementText(xml, "description")));
  } catch (error) {
    if (!(error instanceof InvalidListError)) throw error;
    return rejectItem(location, error.reason, error.detail, raw);
  }

  const title = elementText(xml, "title");
  return buildPaperRecord(
    {
      location,
      // buildPaperRecord decodes entities in titles, so an escaped title goes in as written to be decoded once.
      title: title ? title.text : "",
      identityText: [link, guid],
      authors: parts.authors,
      listedOn,
      extra: {
        ...parts.extra,
        // An arXiv URL is rebuilt from the id, so only other links are kept.
        paperUrl: link && !arxivIdFromText(link) ? link : undefined,
        guid: guid && guid !== link ? guid : undefined,
      },
    },
    raw,
  );
}

/** Returns the text before the first item, where the channel's own elements are. */
function channelHead(head: string): string {
  const firstItem = head.search(/<item[\s>]/u);
  return firstItem === -1 ? head : head.slice(0, firstItem);
}

async function* readFeedItems(source: DigestSource): AsyncGenerator<ParsedItem> {
  for await (const item of readRssItems(source.chunks())) {
    if ("xml" in item) yield itemFromXml(item.xml, item.number);
    else yield rejectItem(`item ${item.number}`, item.reason, item.detail, item.rawStart);
  }
}

/**
 * Parses the RSS 2.0 feed of the AI Security Paper Digest
 * (kentaroh-toyoda/ai-security-paper-digest-rss), written by python-feedgen.
 * Each item has a title, a link (usually arXiv), a pubDate that is the day the
 * digest listed the paper, and a description with an LLM summary. Later
 * versions add the paper type, the authors as a Python list and tags. The
 * digest date is the channel's lastBuildDate. A link listed twice yields two
 * records, and the loader counts the repeat.
 */
export const securityDigestRssParser: DigestParser = {
  format: "security-digest-rss",
  description: "RSS 2.0 feed of the AI Security Paper Digest (python-feedgen; LLM summary, paper type, authors and tags per item)",
  priority: 20,
  detect: (head) => {
    const channel = channelHead(head);
    if (!/<rss[\s>]/u.test(channel) || !/<channel[\s>]/u.test(channel)) return false;
    return /<title>\s*AI Security Paper Digest\s*<\/title>/iu.test(channel) || head.includes("&lt;h3&gt;Summary&lt;/h3&gt;");
  },
  async parse(source, context) {
    const channel = channelHead(await source.head());
    if (!/<rss[\s>]/u.test(channel) || !/<channel[\s>]/u.test(channel)) {
      throw new DigestParseError("expected an RSS 2.0 feed: no <rss> element with a <channel> at the start of the file");
    }
    const buildDay = utcDayOfRfc822(decodedText(elementText(channel, "lastBuildDate")) ?? "");
    const channelDay = utcDayOfRfc822(decodedText(elementText(channel, "pubDate")) ?? "");
    const feedDay = buildDay ?? channelDay;
    let digestDateSource: DigestDateSource | null = null;
    if (feedDay) digestDateSource = "feed";
    else if (context.asOf) digestDateSource = "as-of";
    return { format: "security-digest-rss", digestDate: feedDay ?? context.asOf, digestDateSource, items: readFeedItems(source) };
  },
};
