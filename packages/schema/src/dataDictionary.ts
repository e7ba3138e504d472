import { z } from "zod";
import { ProvenanceSchema } from "./provenance";

/**
 * The type of an exported column, as DuckDB and Parquet store it. CSV writes
 * DATE as `YYYY-MM-DD`, BOOLEAN as `true`/`false`, a list as its items
 * separated by `;`, and null as an empty cell.
 */
export const ColumnTypeSchema = z.enum(["VARCHAR", "INTEGER", "BIGINT", "DOUBLE", "DATE", "BOOLEAN", "VARCHAR[]"]);
export type ColumnType = z.infer<typeof ColumnTypeSchema>;

/** One column of an exported table, as the data dictionary lists it. */
export const ExportColumnSchema = z.object({
  name: z.string(),
  type: ColumnTypeSchema,
  /** The unit of the value, such as papers or a share from 0 to 1; null for text and labels. */
  unit: z.string().nullable(),
  description: z.string(),
});
export type ExportColumn = z.infer<typeof ExportColumnSchema>;

/** One file of the dataset download with its columns; files that are not tables list none. */
export const DataDictionaryFileSchema = z.object({
  path: z.string(),
  format: z.enum(["csv", "parquet", "json", "markdown"]),
  /** The table the file holds; the CSV and the Parquet file of one table share it. Null for files that are not tables. */
  table: z.string().nullable(),
  description: z.string(),
  rows: z.number().int().nullable(),
  columns: z.array(ExportColumnSchema),
  notes: z.array(z.string()),
});
export type DataDictionaryFile = z.infer<typeof DataDictionaryFileSchema>;

/** The machine-readable data dictionary of the dataset download, `data-dictionary.json`. */
export const DataDictionarySchema = z.object({
  title: z.string(),
  provenance: ProvenanceSchema,
  /** The rules by which CSV files write typed values, since CSV has no types. */
  csvConventions: z.array(z.string()),
  files: z.array(DataDictionaryFileSchema),
});
export type DataDictionary = z.infer<typeof DataDictionarySchema>;

/**
 * The response to `format=provenance`: the provenance of the same request's
 * data and the columns of its table. A CSV file has no place for either.
 */
export const ProvenanceSidecarSchema = z.object({
  provenance: ProvenanceSchema,
  table: z.object({
    name: z.string(),
    description: z.string(),
    columns: z.array(ExportColumnSchema),
    notes: z.array(z.string()),
  }),
});
export type ProvenanceSidecar = z.infer<typeof ProvenanceSidecarSchema>;
