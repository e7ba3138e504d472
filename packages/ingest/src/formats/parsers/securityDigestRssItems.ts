/** One `<item>` of an RSS feed, numbered from 1: its inner XML, or why it could not be read whole. */
export type RssItemText = { number: number; xml: string } | { number: number; reason: string; detail: string; rawStart: string };

const ITEM_OPEN = /<item(?:\s[^>]*)?>/u;
const ITEM_CLOSE = "</item>";
/** The maximum item length kept in memory. A feed item is a few KiB, so a longer one means a missing `</item>`. */
export const MAX_ITEM_LENGTH = 1_000_000;
/** How much text before a cut is kept so that a tag split across two chunks is still found. */
const TAIL_LENGTH = 1_024;

/** Keeps the end of `text` from its last `<`, in case a tag starts there and continues in the next chunk. */
function unfinishedTag(text: string): string {
  const start = text.lastIndexOf("<");
  return start !== -1 && text.length - start <= TAIL_LENGTH ? text.slice(start) : "";
}

/**
 * Streams the items of an RSS feed from its text chunks, holding at most one
 * item and one chunk in memory. An item longer than `maxItemLength`
 * characters is reported as too long and skipped up to its `</item>`. An item
 * that the text ends inside is reported as truncated.
 * NOTE: an `<item>` tag inside a CDATA section is read as the start of an item.
 */
export async function* readRssItems(chunks: AsyncIterable<string>, maxItemLength = MAX_ITEM_LENGTH): AsyncGenerator<RssItemText> {
  let buffer = "";
  let number = 0;
  let state: "between" | "inside" | "skipping" = "between";
  let rawStart = "";

  for await (const chunk of chunks) {
    buffer += chunk;
    for (;;) {
      if (state === "between") {
        const open = ITEM_OPEN.exec(buffer);
        if (!open) {
          buffer = unfinishedTag(buffer);
          break;
        }
        buffer = buffer.slice(open.index + open[0].length);
        number += 1;
        state = "inside";
      }

      const close = buffer.indexOf(ITEM_CLOSE);
      if (close === -1) {
        if (state === "inside" && buffer.length > maxItemLength) {
          rawStart = buffer.slice(0, 200);
          state = "skipping";
        }
        if (state === "skipping") buffer = buffer.slice(-(ITEM_CLOSE.length - 1));
        break;
      }

      if (state === "inside") yield { number, xml: buffer.slice(0, close) };
      else yield { number, reason: "item too long", detail: `item longer than ${maxItemLength} characters before its </item>`, rawStart };
      buffer = buffer.slice(close + ITEM_CLOSE.length);
      state = "between";
    }
  }

  if (state === "inside") {
    yield { number, reason: "truncated item", detail: "the feed ends inside this item, before </item>", rawStart: buffer.slice(0, 200) };
  } else if (state === "skipping") {
    yield { number, reason: "item too long", detail: `item longer than ${maxItemLength} characters, and the feed ends before its </item>`, rawStart };
  }
}
