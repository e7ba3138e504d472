import { z } from "zod";

/** The name of the manifest file at the root of a Parquet dataset export. */
export const DATASET_MANIFEST_FILE = "_manifest.json";

/**
 * The partition value in the folder name of rows whose partition value is
 * null, as Hive writes it. DuckDB, Spark and Trino read it back as null.
 */
export const NULL_PARTITION_VALUE = "__HIVE_DEFAULT_PARTITION__";

/** One column of an exported table, with its type as DuckDB reads it from the files. */
export const DatasetColumnSchema = z.object({
  name: z.string().min(1),
  /** The DuckDB type name, such as `VARCHAR`, `DATE` or `STRUCT(url VARCHAR, kind VARCHAR, host VARCHAR)[]`. */
  type: z.string().min(1),
  description: z.string().min(1),
});
export type DatasetColumn = z.infer<typeof DatasetColumnSchema>;

/** One table of the export: a folder of Parquet files, split into `month=YYYY-MM` folders when partitioned. */
export const DatasetTableEntrySchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/u),
  /** `table` for rows copied from the database, `aggregate` for figures the dashboard computes. */
  kind: z.enum(["table", "aggregate"]),
  description: z.string().min(1),
  /** The table's folder, relative to the manifest, with `/` as the separator. */
  path: z.string().min(1),
  /** The column the folders split by, or null when the table is one folder of files. */
  partitionColumn: z.literal("month").nullable(),
  rows: z.number().int().min(0),
  files: z.number().int().min(0),
  /** Every column a reader gets, the partition column last. The files do not store the partition column, which readers take from the folder names. */
  columns: z.array(DatasetColumnSchema).min(1),
});
export type DatasetTableEntry = z.infer<typeof DatasetTableEntrySchema>;

/** The contents of `_manifest.json`: where the dataset comes from, and every table with its row count and columns. */
export const DatasetManifestSchema = z.object({
  manifestVersion: z.literal(1),
  source: z.literal("Alignment Trends"),
  /** The command line that wrote the dataset. */
  command: z.string(),
  /** When the export finished writing the files, as an ISO 8601 UTC timestamp. */
  exportedAt: z.string(),
  database: z.object({
    /** The absolute path of the database file the export read. */
    path: z.string(),
    buildId: z.string(),
    builtAt: z.string(),
    schemaVersion: z.number().int(),
    /** The taxonomy version the ingest or retag that wrote the database used. */
    taxonomyVersion: z.string().nullable(),
  }),
  /** The taxonomy versions stored with the papers' scope and topic tags, sorted; one unless a retag is due. */
  tagTaxonomyVersions: z.array(z.string()),
  /** The date a paper's month comes from, in words. */
  dateBasis: z.string(),
  format: z.object({
    type: z.literal("parquet"),
    compression: z.literal("zstd"),
    partitioning: z.literal("hive"),
    nullPartitionValue: z.literal(NULL_PARTITION_VALUE),
  }),
  tables: z.array(DatasetTableEntrySchema),
  /** Database tables the export leaves out, with the reason. */
  leftOut: z.array(z.object({ name: z.string(), reason: z.string() })),
});
export type DatasetManifest = z.infer<typeof DatasetManifestSchema>;
