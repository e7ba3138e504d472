import {
  DuckDBTypeId,
  JsonDuckDBValueConverter,
  doubleFromDecimalValue,
  type DuckDBConnection,
  type Json,
  type DuckDBValue,
  type DuckDBValueConverter,
} from "@duckdb/node-api";

/** A JSON value as rows carry it to callers: no `bigint`, dates as `YYYY-MM-DD`. */
export type RowValue = Json;
export type Row = Record<string, RowValue>;

/** SQL text with its values, always bound as parameters (`$name`), never spliced into the text. */
export interface SqlQuery {
  sql: string;
  params?: Record<string, DuckDBValue>;
}

const WIDE_INTEGER_TYPES = new Set<DuckDBTypeId>([
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UHUGEINT,
]);

/**
 * Converts DuckDB values for JSON: DATE becomes `YYYY-MM-DD` and TIMESTAMP
 * DuckDB's text form, as DuckDB's JSON converter does, and DECIMAL a number
 * (a double, which is exact for the averages and shares computed here). Integers wider
 * than 32 bits become numbers when they fit in a double's exact range, and
 * raise otherwise, because a rounded count would be silently wrong.
 */
const convertValue: DuckDBValueConverter<RowValue> = (value, type, converter) => {
  if (WIDE_INTEGER_TYPES.has(type.typeId) && typeof value === "bigint") {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new RangeError(`integer ${value} is outside the range JavaScript numbers hold exactly; cast it to DOUBLE in SQL`);
    }
    return Number(value);
  }
  if (type.typeId === DuckDBTypeId.DECIMAL) return doubleFromDecimalValue(value);
  return JsonDuckDBValueConverter(value, type, converter);
};

/** Runs a query and returns its rows as JSON-ready objects. */
export async function readRows(connection: DuckDBConnection, query: SqlQuery): Promise<Row[]> {
  const reader = await connection.runAndReadAll(query.sql, query.params);
  return reader.convertRowObjects(convertValue) as Row[];
}

/** Runs a query that returns one row, and raises when it returns none. */
export async function readRow(connection: DuckDBConnection, query: SqlQuery): Promise<Row> {
  const [row] = await readRows(connection, query);
  if (!row) throw new Error(`query returned no rows: ${query.sql.slice(0, 120)}`);
  return row;
}
