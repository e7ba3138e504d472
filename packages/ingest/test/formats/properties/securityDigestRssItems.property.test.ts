import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { readRssItems, type RssItemText } from "../../../src/formats/parsers/securityDigestRssItems";
import { collect, cutsArbitrary, splitAt, streamChunks } from "./chunkText";
import { propertyParameters } from "./propertyParameters";

/** Inner XML of an item: any text without `<item` or `</item>`, which would open or close an item. */
const innerArbitrary = fc
  .string({ unit: fc.constantFrom("a", " ", "\n", "<", ">", "/", "<title>", "</title>", "&lt;", "<![CDATA[", "]]>", "<ite", "m>", "é"), maxLength: 30 })
  .filter((text) => !/<item[\s>]|<item$|<\/item>/u.test(text) && !text.endsWith("<"));
const betweenArbitrary = fc.string({ unit: fc.constantFrom("a", " ", "\n", "<channel>", "</channel>", "<title>x</title>", "<items>"), maxLength: 10 });

describe("readRssItems properties", () => {
  test("yields every item's inner XML in any chunking", async () => {
    const property = fc.asyncProperty(fc.array(fc.tuple(betweenArbitrary, fc.constantFrom("<item>", '<item id="1">'), innerArbitrary), { maxLength: 5 }), betweenArbitrary, cutsArbitrary, async (items, tail, cuts) => {
      const text = items.map(([before, open, inner]) => `${before}${open}${inner}</item>`).join("") + tail;
      const read = await collect(readRssItems(streamChunks(splitAt(text, cuts))));
      expect(read).toEqual(items.map(([, , inner], index) => ({ number: index + 1, xml: inner })));
    });
    await fc.assert(property, propertyParameters(300));
  });

  test("reports items over the limit and reads the rest", async () => {
    const property = fc.asyncProperty(fc.array(innerArbitrary, { minLength: 1, maxLength: 5 }), cutsArbitrary, async (inners, cuts) => {
      const text = `<rss>${inners.map((inner) => `<item>${inner}</item>`).join("\n")}</rss>`;
      const read = await collect(readRssItems(streamChunks(splitAt(text, cuts)), 10));
      // An item is reported as too long once the text read without its </item> exceeds the limit, which depends on the chunking.
      expect(read.map((item) => item.number)).toEqual(inners.map((_, index) => index + 1));
      read.forEach((item, index) => {
        if ("xml" in item) expect(item.xml).toBe(inners[index]);
        else expect(item.reason).toBe("item too long");
      });
    });
    await fc.assert(property, propertyParameters(200));
  });

  test("any text yields numbered items without raising", async () => {
    const text = fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), fc.string({ unit: fc.constantFrom("<item>", "</item>", "<item ", "<", "a", ">", "</ite", "\n"), maxLength: 100 }));
    const property = fc.asyncProperty(text, cutsArbitrary, fc.integer({ min: 1, max: 50 }), async (input, cuts, maxLength) => {
      const read: RssItemText[] = await collect(readRssItems(streamChunks(splitAt(input, cuts)), maxLength));
      expect(read.map((item) => item.number)).toEqual(read.map((_, index) => index + 1));
    });
    await fc.assert(property, propertyParameters(300));
  });
});
