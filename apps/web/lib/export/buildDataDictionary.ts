import type { DataDictionary, DataDictionaryFile, Provenance } from "@alignment-trends/schema";
import type { ExportTable } from "./exportTable";
import { CSV_LIST_SEPARATOR } from "./tableToCsv";

/** The dataset's files that are not tables, with what each holds. */
export const DATASET_SIDE_FILES = [
  { path: "provenance.json", format: "json", description: "Where the data comes from: the request, its filters, the database build, the taxonomy version and when the file was made." },
  { path: "data-dictionary.json", format: "json", description: "This dictionary, machine-readable: every file with its columns, their types, units and meaning." },
  { path: "DATA-DICTIONARY.md", format: "markdown", description: "This dictionary, for reading." },
] as const;

/** The rules by which CSV files write typed values, since CSV has no types; Parquet files keep the types the dictionary names. */
export const CSV_CONVENTIONS = [
  "UTF-8 with a byte order mark, comma-separated, CRLF line ends, quoted as RFC 4180 describes; the first row names the columns.",
  "An empty cell is null: the value is unknown or does not apply.",
  "DATE is written YYYY-MM-DD, BOOLEAN as true or false, DOUBLE with a dot as decimal mark.",
  `VARCHAR[] (a list) is written as its items separated by ${CSV_LIST_SEPARATOR}.`,
  "A text cell that starts with =, +, -, @, a tab or a carriage return gets a leading apostrophe, so that spreadsheets do not run it as a formula.",
];

function tableFiles(table: ExportTable): DataDictionaryFile[] {
  return (["csv", "parquet"] as const).map((format) => ({
    path: `${table.name}.${format}`,
    format,
    table: table.name,
    description: table.description,
    rows: table.rows.length,
    columns: table.columns,
    notes: table.notes,
  }));
}

/**
 * Builds the data dictionary of the dataset download from the same tables
 * that its CSV and Parquet files are written from, so that it lists exactly
 * the files and columns of the download.
 */
export function buildDataDictionary(tables: ExportTable[], provenance: Provenance): DataDictionary {
  return {
    title: "Alignment Trends dataset",
    provenance,
    csvConventions: CSV_CONVENTIONS,
    files: [
      ...DATASET_SIDE_FILES.map((file) => ({ ...file, table: null, rows: null, columns: [], notes: [] })),
      ...tables.flatMap(tableFiles),
    ],
  };
}
