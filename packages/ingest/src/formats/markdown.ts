/** A link written in markdown as `[text](url)`. */
export interface MarkdownLink {
  text: string;
  url: string;
}

/**
 * `[text](url "title")`. Neither the text nor the URL may contain a bracket,
 * so a failed match stops at the next `[`, and a line of many `[a](` takes
 * linear time.
 */
const LINK = /\[([^[\]]*)\]\(\s*<?([^)[\]\s>]+)>?(?:\s+"[^"]*")?\s*\)/gu;

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
    .replace(/!\[[^[\]]*\]\([^()]*\)/gu, "")
    .replace(LINK, "$1")
    .replace(/<br\s*\/?>/giu, " ")
    .replace(/(\*\*|__)(.+?)\1/gu, "$2")
    // The span is capped so that a line of many unclosed `*` does not take time quadratic in its length.
    .replace(/(?<![\w*])[*_](?!\s)(.{1,1000}?)(?<!\s)[*_](?![\w*])/gu, "$1")
    .replace(/`([^`]*)`/gu, "$1")
    .replace(/\s+/gu, " ")
    .trim();
}
