import { DatasetQuerySchema } from "@alignment-trends/schema";
import type { NextRequest } from "next/server";
import { badRequest, errorResponse } from "@/lib/apiResponses";
import { getTrendsDatabase } from "@/lib/database";
import { attachmentHeader } from "@/lib/export/attachmentHeader";
import { buildDatasetZip } from "@/lib/export/buildDatasetZip";
import { buildExportFileName } from "@/lib/export/buildExportFileName";
import { buildProvenance } from "@/lib/export/buildProvenance";
import { loadDatasetTables } from "@/lib/export/loadDatasetTables";
import { logger } from "@/lib/logger";
import { parseFilterQuery } from "@/lib/parseFilterQuery";
import { rejectTooManyPeriods } from "@/lib/rejectTooManyPeriods";
import { findUnknownTopic } from "@/lib/validateTopics";

export const dynamic = "force-dynamic";

/**
 * `GET /api/v1/dataset`: every aggregate table of the dashboard under the
 * filters, the topic co-occurrence and the paper list, as CSV and Parquet in
 * one ZIP archive with `provenance.json` and a data dictionary.
 */
export async function GET(request: NextRequest) {
  const parsed = parseFilterQuery(DatasetQuerySchema, request.nextUrl.searchParams);
  if (!parsed.ok) return badRequest(parsed.parameter, parsed.message);
  const { query, filter } = parsed;
  const started = performance.now();

  try {
    return await getTrendsDatabase().withConnection(async (connection, build) => {
      const unknownTopic = await findUnknownTopic(connection, filter);
      if (unknownTopic) return badRequest(unknownTopic.parameter, unknownTopic.message);
      const tooManyPeriods = await rejectTooManyPeriods(connection, filter, query.bucket);
      if (tooManyPeriods) return tooManyPeriods;

      const { tables, paperRows } = await loadDatasetTables(connection, filter, query.bucket);
      const provenance = await buildProvenance(connection, build, {
        url: request.nextUrl,
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
    });
  } catch (error) {
    return errorResponse(error, "/api/v1/dataset");
  }
}
