/** A link written in markdown as `[text](url)`. */
export interface MarkdownLink {
  text: string;
  url: string;
}

/**
 * The link text, URL and title exclude brackets, so each match attempt stops
 * at the next `[`. Otherwise a line of unclosed links such as `[a](` repeated
 * is rescanned to its end from every `[`, in time quadratic in its length.
 */
const LINK = /\[([^[\]]*)\]\(\s*<?([^)\s>[\]]+)>?(?:\s+"[^"[\]]*")?\s*\)/gu;

/** Returns the markdown links in a piece of text, in order. */
export function markdownLinks(text: string): MarkdownLink[] {
  return [...text.matchAll(LINK)].map((match) => ({ text: match[1]!.trim(), url: match[2]! }));
}

/**
 * Splits a markdown table row into its trimmed cells, or returns null when
 * the line is not a table row. Escaped pipes (`\|`) stay inside their cell.
 */
export function splitTableRow(line: string): string[] | null {
  const trimmed = line.trim();
  if (!trimmed.startsWith("|")) return null;
  const cells: string[] = [];
  let cell = "";
  for (let index = 1; index < trimmed.length; index += 1) {
    const char = trimmed[index]!;
    if (char === "\\" && trimmed[index + 1] === "|") {
      cell += "|";
      index += 1;
    } else if (char === "|") {
      cells.push(cell.trim());
      cell = "";
    } else {
      cell += char;
    }
  }
  if (cell.trim() !== "") cells.push(cell.trim());
  return cells;
}

/** Reports whether a table row is the separator under a header, such as `| --- | :---: |`. */
export function isTableSeparator(cells: string[]): boolean {
  return cells.length > 0 && cells.every((cell) => /^:?-{2,}:?$/u.test(cell));
}

/**
 * Removes markdown emphasis, links (keeping their text), inline code marks,
 * images and HTML line breaks from a piece of text, and folds whitespace.
 */
export function stripMarkdown(text: string): string {
  return text
    .replace(/!\[[^[\]]*\]\([^)[\]]*\)/gu, "")
    .replace(LINK, "$1")
    .replace(/<br\s*\/?>/giu, " ")
    .replace(/(\*\*|__)(.+?)\1/gu, "$2")
    // Emphasis spans at most 400 characters, so that a line of unclosed marks is not rescanned to its end from each one.
    .replace(/(?<![\w*])[*_](?!\s)(.{1,400}?)(?<!\s)[*_](?![\w*])/gu, "$1")
    .replace(/`([^`]*)`/gu, "$1")
    .replace(/\s+/gu, " ")
    .trim();
}
