import {
  DATE_BASIS_LABELS,
  DatasetManifestSchema,
  NULL_PARTITION_VALUE,
  type BuildInfo,
  type DatasetManifest,
} from "@alignment-trends/schema";
import type { CopiedTable } from "./copyTableToParquet";
import type { DatasetTableSpec } from "./datasetTableSpec";
import { LEFT_OUT_TABLES } from "./datasetTables";

export interface ManifestInput {
  command: string;
  exportedAt: Date;
  databasePath: string;
  build: BuildInfo;
  schemaVersion: number;
  tagTaxonomyVersions: string[];
  tables: { spec: DatasetTableSpec; copied: CopiedTable }[];
}

/** Builds the contents of `_manifest.json` and checks them against its schema. */
export function buildDatasetManifest(input: ManifestInput): DatasetManifest {
  return DatasetManifestSchema.parse({
    manifestVersion: 1,
    source: "Alignment Trends",
    command: input.command,
    exportedAt: input.exportedAt.toISOString(),
    database: {
      path: input.databasePath,
      buildId: input.build.buildId,
      builtAt: input.build.builtAt,
      schemaVersion: input.schemaVersion,
      taxonomyVersion: input.build.taxonomyVersion,
    },
    tagTaxonomyVersions: input.tagTaxonomyVersions,
    dateBasis: DATE_BASIS_LABELS.listed,
    format: { type: "parquet", compression: "zstd", partitioning: "hive", nullPartitionValue: NULL_PARTITION_VALUE },
    tables: input.tables.map(({ spec, copied }) => ({
      name: spec.name,
      kind: spec.kind,
      description: spec.description,
      path: spec.name,
      partitionColumn: spec.monthPartition === null ? null : "month",
      rows: copied.rows,
      files: copied.files,
      columns: copied.columns,
    })),
    leftOut: LEFT_OUT_TABLES,
  });
}
