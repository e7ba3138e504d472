import type { DigestSource } from "../source/DigestSource";
import { scanJsonValues, TruncatedJsonError, type JsonValueText } from "../source/scanJsonValues";
import { rejectItem } from "./buildPaperRecord";
import type { ParsedItem } from "./digestParser";

/** Formats a JSON path as the location of a record: `index 3`, `key "2401.00001"`, `data index 7`. */
export function describeJsonPath(path: (string | number)[]): string {
  return path.map((part) => (typeof part === "number" ? `index ${part}` : `key ${JSON.stringify(part)}`)).join(" ");
}

/**
 * Streams the values at `depth` of a JSON file, parses each one and hands it
 * to `toItems`. A value that is not valid JSON, one over 10 MB, one nested
 * deeper than 1,000 levels and a file cut off in the middle become rejects,
 * and the values before them still load. A cut-off file's reject names the
 * value the cut fell in, or the end of the file when it fell between values.
 * Text after the top-level value is a reject located by its character offset.
 */
export async function* readJsonItems(
  source: DigestSource,
  depth: number,
  toItems: (value: unknown, text: JsonValueText) => Iterable<ParsedItem>,
): AsyncGenerator<ParsedItem> {
  try {
    for await (const scanned of scanJsonValues(source.chunks(), depth)) {
      if ("error" in scanned) {
        yield rejectItem(describeJsonPath(scanned.error.path), scanned.error.reason, `${scanned.error.message} at character ${scanned.error.offset}`, null);
        continue;
      }
      // A value with an empty path follows the top-level container, as in `[] 5` or `[}x`, so no record owns it.
      if (scanned.value.path.length === 0) {
        const text = scanned.value.raw.slice(0, 60);
        yield rejectItem(`character ${scanned.value.offset}`, "text after the JSON document", `"${text}" follows the end of the top-level value`, scanned.value.raw);
        continue;
      }
      let value: unknown;
      try {
        value = JSON.parse(scanned.value.raw);
      } catch (error) {
        yield rejectItem(describeJsonPath(scanned.value.path), "invalid JSON", (error as Error).message, scanned.value.raw);
        continue;
      }
      yield* toItems(value, scanned.value);
    }
  } catch (error) {
    if (!(error instanceof TruncatedJsonError)) throw error;
    const location = error.path === null || error.path.length === 0 ? "end of file" : describeJsonPath(error.path);
    yield rejectItem(location, "truncated file", `${error.message} at character ${error.offset}; the records before it loaded`, null);
  }
}

/** Returns the first character of the text that is not whitespace, or an empty string. */
export function firstSignificantCharacter(head: string): string {
  return /\S/u.exec(head)?.[0] ?? "";
}
