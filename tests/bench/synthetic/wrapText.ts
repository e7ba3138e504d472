/**
 * Wraps text as arXiv does: greedy lines of at most `width` characters,
 * broken at spaces, later lines prefixed with `indent` (arXiv indents
 * wrapped titles by two spaces). A word longer than `width` keeps its own line.
 */
export function wrapText(text: string, width: number, indent = ""): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const prefix = lines.length === 0 ? "" : indent;
    if (line !== "" && prefix.length + line.length + 1 + word.length > width) {
      lines.push(prefix + line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  if (line !== "") lines.push((lines.length === 0 ? "" : indent) + line);
  return lines.join("\n");
}
