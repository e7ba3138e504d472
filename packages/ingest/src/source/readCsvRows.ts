/** One CSV record: its cells and the line it starts on, numbered from 1. */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** A CSV document that ends inside a quoted field; `line` is where that field started. */
export class UnterminatedCsvFieldError extends Error {
  constructor(readonly line: number) {
    super(`quoted field starting on line ${line} is never closed`);
    this.name = "UnterminatedCsvFieldError";
  }
}

/**
 * Streams RFC 4180 CSV: fields separated by commas, records by CRLF or LF,
 * quoted fields may hold commas, line breaks and doubled quotes. Empty lines
 * are skipped. Raises `UnterminatedCsvFieldError` after yielding every
 * complete record when the text ends inside a quoted field.
 */
export async function* readCsvRows(chunks: AsyncIterable<string>): AsyncGenerator<CsvRow> {
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 1;
  let pendingCarriageReturn = false;

  const endRow = (): CsvRow | null => {
    cells.push(cell);
    const row = cells.length === 1 && cells[0] === "" ? null : { line: rowLine, cells };
    cells = [];
    cell = "";
    afterQuote = false;
    return row;
  };

  for await (const chunk of chunks) {
    for (const char of chunk) {
      if (pendingCarriageReturn) {
        pendingCarriageReturn = false;
        if (char === "\n") continue;
      }
      if (quoted) {
        if (char === '"') {
          quoted = false;
          afterQuote = true;
        } else {
          if (char === "\n") line += 1;
          cell += char;
        }
        continue;
      }
      if (char === '"') {
        // A quote right after a closing quote is an escaped quote inside the field.
        if (afterQuote) cell += '"';
        quoted = true;
        quoteLine = line;
        afterQuote = false;
      } else if (char === ",") {
        cells.push(cell);
        cell = "";
        afterQuote = false;
      } else if (char === "\n" || char === "\r") {
        pendingCarriageReturn = char === "\r";
        const row = endRow();
        if (row) yield row;
        line += 1;
        rowLine = line;
      } else {
        cell += char;
        afterQuote = false;
      }
    }
  }
  if (quoted) throw new UnterminatedCsvFieldError(quoteLine);
  if (cell !== "" || cells.length > 0) {
    const row = endRow();
    if (row) yield row;
  }
}
