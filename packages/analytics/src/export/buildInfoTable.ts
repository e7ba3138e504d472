import { columnSpec, selectListSql, type DatasetTableSpec } from "./datasetTableSpec";

const BUILD_INFO_COLUMNS = [
  columnSpec("schema_version", "The layout version of the database."),
  columnSpec("build_id", "A new id for every ingest or retag that wrote the database."),
  columnSpec("built_at", "When the database was written, in the local time of the machine that wrote it."),
  columnSpec("taxonomy_version", "The taxonomy version of that ingest or retag."),
];

export const BUILD_INFO_TABLE: DatasetTableSpec = {
  name: "build_info",
  kind: "table",
  description: "The database build the dataset was exported from: one row.",
  columns: BUILD_INFO_COLUMNS,
  monthPartition: null,
  query: { sql: `SELECT ${selectListSql(BUILD_INFO_COLUMNS, "b")}\nFROM build_info b` },
};
