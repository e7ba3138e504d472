/** Characters Python's `repr()` escapes: controls, separators and format characters such as the zero-width joiner. */
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]|(?! )\p{Zs}/u;

/** Writes a code point as Python does: `\xNN` up to 0xFF, `\uNNNN` up to 0xFFFF, else `\UNNNNNNNN`. */
function escapeCodePoint(code: number): string {
  const hex = code.toString(16);
  if (code <= 0xff) return `\\x${hex.padStart(2, "0")}`;
  if (code <= 0xffff) return `\\u${hex.padStart(4, "0")}`;
  return `\\U${hex.padStart(8, "0")}`;
}

function reprString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let body = "";
  for (const char of text) {
    if (char === "\\") body += "\\\\";
    else if (char === quote) body += `\\${quote}`;
    else if (char === "\n") body += "\\n";
    else if (char === "\r") body += "\\r";
    else if (char === "\t") body += "\\t";
    else if (NOT_PRINTABLE.test(char)) body += escapeCodePoint(char.codePointAt(0)!);
    else body += char;
  }
  return `${quote}${body}${quote}`;
}

/** Writes a JSON-like value as Python 3's `repr()` writes the equivalent dict, list, string or number. */
export function pythonRepr(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return reprString(value);
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(", ")}]`;
  const members = Object.entries(value as Record<string, unknown>).map(([key, member]) => `${reprString(key)}: ${pythonRepr(member)}`);
  return `{${members.join(", ")}}`;
}
