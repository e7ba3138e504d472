/**
 * Maximum length of a file name in UTF-8 bytes, extension included. ext4
 * allows 255 bytes, and APFS and NTFS 255 characters. The margin leaves room
 * for the " (1)" that browsers add to a name that exists already.
 */
const MAX_FILE_NAME_BYTES = 200;

const encoder = new TextEncoder();

/**
 * Rewrites one part of a file name. Letters, combining marks and digits of
 * any script stay, dots stay inside the part, and apostrophes go. Every run
 * of other characters, such as spaces, punctuation, path separators, control
 * and format characters or emoji, becomes one hyphen.
 */
export function fileNamePart(text: string): string {
  return text
    .normalize("NFC")
    .replace(/['’]/gu, "")
    .replace(/[^\p{L}\p{M}\p{N}.]+/gu, "-")
    .replace(/\.{2,}/gu, ".")
    .replace(/^[-.]+|[-.]+$/gu, "");
}

/** Shortens text to at most `maxBytes` bytes of UTF-8 without splitting a character. */
function truncateToBytes(text: string, maxBytes: number): string {
  let result = "";
  let bytes = 0;
  for (const character of text) {
    bytes += encoder.encode(character).length;
    if (bytes > maxBytes) break;
    result += character;
  }
  return result;
}

/**
 * Builds a file name from readable parts, such as a chart's title and its
 * series, joined by underscores, and an extension such as "svg". Empty parts
 * are left out. A name longer than 200 bytes of UTF-8 loses the end of its
 * parts, never the extension.
 */
export function imageFileName(parts: readonly string[], extension: string): string {
  const stem = parts.map(fileNamePart).filter((part) => part !== "").join("_");
  const suffix = `.${extension}`;
  const truncated = truncateToBytes(stem, MAX_FILE_NAME_BYTES - encoder.encode(suffix).length).replace(/[-_.]+$/u, "");
  return `${truncated || "chart"}${suffix}`;
}
