import { compareSeries } from "@alignment-trends/analytics";
import { CompareQuerySchema, DATE_BASIS_LABELS, formatSeriesParam } from "@alignment-trends/schema";
import type { NextRequest } from "next/server";
import { badRequest, errorResponse } from "@/lib/apiResponses";
import { getTrendsDatabase } from "@/lib/database";
import { comparisonToTable } from "@/lib/export/analysisTables";
import { buildProvenance } from "@/lib/export/buildProvenance";
import { describeLeftOut } from "@/lib/export/describeLeftOut";
import { exportResponse } from "@/lib/export/exportResponse";
import { parseFilterQuery } from "@/lib/parseFilterQuery";
import { rejectTooManyPeriods } from "@/lib/rejectTooManyPeriods";
import { findUnknownTopic } from "@/lib/validateTopics";

export const dynamic = "force-dynamic";

/**
 * `GET /api/v1/compare?series=…`: up to eight terms or topics per period,
 * with papers, share of all papers and an index of 0 to 100, as JSON, CSV or
 * Parquet, or the provenance of either.
 */
export async function GET(request: NextRequest) {
  const parsed = parseFilterQuery(CompareQuerySchema, request.nextUrl.searchParams);
  if (!parsed.ok) return badRequest(parsed.parameter, parsed.message);
  const { query, filter } = parsed;

  try {
    return await getTrendsDatabase().withConnection(async (connection, build) => {
      const seriesTopics = query.series.flatMap((spec) => (spec.kind === "topic" ? [spec.topic] : []));
      const unknownTopic = await findUnknownTopic(connection, filter, { parameter: "series", topics: seriesTopics });
      if (unknownTopic) return badRequest(unknownTopic.parameter, unknownTopic.message);
      const tooManyPeriods = await rejectTooManyPeriods(connection, filter, query.bucket);
      if (tooManyPeriods) return tooManyPeriods;

      const comparison = await compareSeries(connection, filter, query.bucket, query.series);
      const table = comparisonToTable(comparison, query.bucket);
      table.notes = await describeLeftOut(connection, filter, query.bucket);
      const series = query.series.map(formatSeriesParam);
      const provenance = await buildProvenance(connection, build, {
        url: request.nextUrl,
        filter,
        options: { series, bucket: query.bucket, measure: query.measure },
        bucket: query.bucket,
        notes: table.notes,
      });
      return exportResponse({
        format: query.format,
        table,
        provenance,
        fileName: { table: table.name, filter, qualifiers: series, bucket: query.bucket },
        url: request.nextUrl,
        json: { ...comparison, bucket: query.bucket, dateBasis: DATE_BASIS_LABELS[filter.dateBasis], filter, build },
      });
    });
  } catch (error) {
    return errorResponse(error, "/api/v1/compare");
  }
}
