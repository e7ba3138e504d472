import type { Bucket, ColumnType, ExportColumn } from "@alignment-trends/schema";

/** Describes one exported column; `unit` is null for text, labels and dates. */
export function exportColumn(name: string, type: ColumnType, unit: string | null, description: string): ExportColumn {
  return { name, type, unit, description };
}

/** The unit of every share column. */
export const SHARE_UNIT = "share, 0 to 1";

/** Returns the three columns that open every table per period. */
export function periodColumns(bucket: Bucket): ExportColumn[] {
  return [
    exportColumn("period_start", "DATE", null, `First day of the ${bucket}.`),
    exportColumn("period_end", "DATE", null, `Last day of the ${bucket}.`),
    exportColumn("period", "VARCHAR", null, `The ${bucket} as the chart labels it.`),
  ];
}

/** The column that repeats the date basis in every row, so that a file cut from its context still states which date it counts by. */
export const DATE_BASIS_COLUMN = exportColumn(
  "date_basis",
  "VARCHAR",
  null,
  "The date each paper counts under: the first day a digest listed it, else its publication date (first listed, else published), or its publication date only (published).",
);
