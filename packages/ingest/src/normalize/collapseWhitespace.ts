/** Folds every run of whitespace, line breaks included, into one space and trims the ends. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

/**
 * Removes arXiv's hard line wraps from an abstract: lines within a paragraph
 * are joined with one space, and paragraphs stay separated by a blank line.
 */
export function collapseLineBreaks(text: string): string {
  return text
    .split(/\n\s*\n/u)
    .map(collapseWhitespace)
    .filter((paragraph) => paragraph.length > 0)
    .join("\n\n");
}
