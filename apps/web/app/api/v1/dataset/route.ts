import { DatasetQuerySchema } from "@alignment-trends/schema";
import { createFilterRoute } from "@/lib/api/createFilterRoute";
import { attachmentHeader } from "@/lib/export/attachmentHeader";
import { buildDatasetZip } from "@/lib/export/buildDatasetZip";
import { buildExportFileName } from "@/lib/export/buildExportFileName";
import { buildProvenance } from "@/lib/export/buildProvenance";
import { loadDatasetTables } from "@/lib/export/loadDatasetTables";
import { logger } from "@/lib/logger";

export const dynamic = "force-dynamic";

/**
 * `GET /api/v1/dataset`: every aggregate table of the dashboard under the
 * filters, the topic co-occurrence and the paper list, as CSV and Parquet in
 * one ZIP archive with `provenance.json` and a data dictionary.
 *
 * The archive is cached like every other response because it is the slowest
 * to build. The cache's limit on one entry keeps an archive larger than that
 * out of the cache, so that one download cannot evict every other response.
 */
export const GET = createFilterRoute({
  route: "/api/v1/dataset",
  schema: DatasetQuerySchema,
  periodBucket: (query) => query.bucket,
  respond: async ({ query, filter, url, connection, build }) => {
    const started = performance.now();
    const { tables, paperRows } = await loadDatasetTables(connection, filter, query.bucket);
    const provenance = await buildProvenance(connection, build, {
      url,
      filter,
      options: { bucket: query.bucket },
      bucket: query.bucket,
      rows: paperRows,
      notes: tables.find((table) => table.name === "paper-list")?.notes ?? [],
    });
    const fileName = buildExportFileName({ table: "dataset", filter, bucket: query.bucket }, "zip");
    const archive = await buildDatasetZip(tables, provenance, fileName.slice(0, -".zip".length));
    logger.info(
      { route: "/api/v1/dataset", tables: tables.length, papers: paperRows.included, bytes: archive.length, ms: Math.round(performance.now() - started) },
      "built dataset archive",
    );
    return new Response(archive, {
      headers: { "Content-Type": "application/zip", "Content-Disposition": attachmentHeader(fileName) },
    });
  },
});
