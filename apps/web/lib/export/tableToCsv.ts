import { toCsv, type CsvValue } from "../toCsv";
import type { ExportTable, ExportValue } from "./exportTable";

/**
 * The separator of list items in a CSV cell. Topic ids never contain it; an
 * author name that does is ambiguous in CSV, while Parquet and JSON keep
 * lists as lists.
 */
export const CSV_LIST_SEPARATOR = ";";

function toCsvValue(value: ExportValue): CsvValue {
  if (Array.isArray(value)) return value.join(CSV_LIST_SEPARATOR);
  return value as CsvValue;
}

/** Writes a table as RFC 4180 CSV with a byte order mark, one header row and no other lines, so spreadsheets open it as it is. */
export function tableToCsv(table: ExportTable): string {
  return toCsv(
    table.columns.map((column) => column.name),
    table.rows.map((row) => row.map(toCsvValue)),
  );
}
