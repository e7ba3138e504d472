import type { ExportColumn } from "@alignment-trends/schema";

/**
 * One cell of an exported table: text, a number, a boolean, a `YYYY-MM-DD`
 * string in a DATE column, a list of text in a VARCHAR[] column, or null.
 */
export type ExportValue = string | number | boolean | null | readonly string[];

/**
 * A table as every download writes it: CSV, Parquet and the dataset's data
 * dictionary all read the same columns, so their descriptions cannot drift
 * apart. Each row has one value per column, in column order.
 */
export interface ExportTable {
  /** The table's name, lower case with hyphens; the dataset's file names start with it. */
  name: string;
  description: string;
  columns: ExportColumn[];
  rows: ExportValue[][];
  /** Papers or rows the table leaves out, and why. */
  notes: string[];
}
