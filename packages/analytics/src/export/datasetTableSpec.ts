import type { SqlQuery } from "../database/readRows";
import { quoteIdentifier } from "../database/quoteIdentifier";

/** One exported column: its name, its meaning, and the SQL of its value when that is not the source column of the same name. */
export interface ColumnSpec {
  name: string;
  description: string;
  sql?: string;
}

/** One table of the Parquet dataset, with the query that produces its rows. */
export interface DatasetTableSpec {
  name: string;
  kind: "table" | "aggregate";
  description: string;
  columns: ColumnSpec[];
  /**
   * The meaning of the `month` partition column, or null for a table written
   * as one folder of files. A partitioned table's query returns `month` as
   * `YYYY-MM` text, or null, after the other columns.
   */
  monthPartition: string | null;
  /** A SELECT whose columns are `columns` in order, then `month` when partitioned. */
  query: SqlQuery;
}

/** Returns a column spec; `sql` is the value's expression when it differs from the source column of the same name. */
export function columnSpec(name: string, description: string, sql?: string): ColumnSpec {
  return sql === undefined ? { name, description } : { name, description, sql };
}

/** Returns the select list of the columns, each value named after its column and read from `alias` unless it has its own SQL. */
export function selectListSql(columns: ColumnSpec[], alias: string): string {
  return columns
    .map((column) => `${column.sql ?? `${alias}.${quoteIdentifier(column.name)}`} AS ${quoteIdentifier(column.name)}`)
    .join(",\n  ");
}
