/** A cell value for CSV: text, a number, or empty. */
export type CsvValue = string | number | boolean | null | undefined;

/**
 * The start of a text cell that a spreadsheet may read as a formula: `=`,
 * `+`, `-` or `@`, their full-width forms, a tab or a carriage return. The
 * sign also counts after white space or double quotes, because an import
 * that trims spaces or strips quotes would bring it to the front.
 * NOTE: the cases after white space or quotes and the full-width signs are
 * escaped as a precaution. No spreadsheet was run to confirm that one
 * evaluates them.
 */
const FORMULA_START = /^(?:[\t\r]|[\s"]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/u;

/**
 * Formats one cell by RFC 4180: quoted when it holds a comma, a quote or a
 * line break, with quotes doubled. A text cell that a spreadsheet would run as
 * a formula gets a leading apostrophe; numbers are written as they are.
 */
export function formatCsvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/**
 * Formats rows as CSV: a header row, CRLF line ends, and a UTF-8 byte order
 * mark so that spreadsheets read accented names correctly.
 */
export function toCsv(columns: string[], rows: CsvValue[][]): string {
  const lines = [columns, ...rows].map((row) => row.map(formatCsvCell).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
