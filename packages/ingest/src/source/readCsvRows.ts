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

/** The characters that end a run of plain text outside quotes. */
const SPECIAL = /[",\r\n]/gu;

function countNewlines(text: string): number {
  let count = 0;
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) count += 1;
  return count;
}

/**
 * Streams RFC 4180 CSV: fields separated by commas, records by CRLF or LF,
 * quoted fields may hold commas, line breaks and doubled quotes. Empty lines
 * are skipped. Raises `UnterminatedCsvFieldError` after yielding every
 * complete record when the text ends inside a quoted field. Fields are built
 * from slices of the chunks, never character by character, so a field of
 * many megabytes costs about its own length in memory.
 */
export async function* readCsvRows(chunks: AsyncIterable<string>): AsyncGenerator<CsvRow> {
  let cells: string[] = [];
  let cellParts: string[] = [];
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 1;
  let pendingCarriageReturn = false;

  const takeCell = (): string => {
    const cell = cellParts.join("");
    cellParts = [];
    return cell;
  };
  const endRow = (): CsvRow | null => {
    cells.push(takeCell());
    const row = cells.length === 1 && cells[0] === "" ? null : { line: rowLine, cells };
    cells = [];
    afterQuote = false;
    return row;
  };

  for await (const chunk of chunks) {
    if (chunk === "") continue;
    let index = 0;
    if (pendingCarriageReturn) {
      pendingCarriageReturn = false;
      if (chunk.startsWith("\n")) index = 1;
    }
    while (index < chunk.length) {
      if (quoted) {
        const close = chunk.indexOf('"', index);
        const text = chunk.slice(index, close === -1 ? chunk.length : close);
        line += countNewlines(text);
        cellParts.push(text);
        if (close === -1) break;
        quoted = false;
        afterQuote = true;
        index = close + 1;
        continue;
      }

      SPECIAL.lastIndex = index;
      const special = SPECIAL.exec(chunk);
      const end = special ? special.index : chunk.length;
      if (end > index) {
        cellParts.push(chunk.slice(index, end));
        afterQuote = false;
      }
      if (!special) break;
      index = end + 1;
      if (special[0] === '"') {
        // A quote right after a closing quote is an escaped quote inside the field.
        if (afterQuote) cellParts.push('"');
        quoted = true;
        quoteLine = line;
        afterQuote = false;
      } else if (special[0] === ",") {
        cells.push(takeCell());
        afterQuote = false;
      } else {
        const row = endRow();
        if (row) yield row;
        line += 1;
        rowLine = line;
        if (special[0] === "\r" && index === chunk.length) pendingCarriageReturn = true;
        else if (special[0] === "\r" && chunk[index] === "\n") index += 1;
      }
    }
  }
  if (quoted) throw new UnterminatedCsvFieldError(quoteLine);
  const lastCell = takeCell();
  if (lastCell !== "" || cells.length > 0) {
    cellParts = [lastCell];
    const row = endRow();
    if (row) yield row;
  }
}
