import { assertPeriodCount, compareSeries, PeriodRangeError } from "@alignment-trends/analytics";
import { CompareQuerySchema, DATE_BASIS_LABELS } from "@alignment-trends/schema";
import { NextResponse, type NextRequest } from "next/server";
import { comparisonToTable } from "@/lib/analysisTables";
import { badRequest, csvResponse, errorResponse } from "@/lib/apiResponses";
import { getTrendsDatabase } from "@/lib/database";
import { parseFilterQuery } from "@/lib/parseFilterQuery";
import { findUnknownTopic } from "@/lib/validateTopics";

export const dynamic = "force-dynamic";

/**
 * `GET /api/v1/compare?series=…`: up to eight terms or topics per period,
 * with papers, share of all papers and an index of 0 to 100, as JSON or CSV.
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
      try {
        await assertPeriodCount(connection, filter, query.bucket);
      } catch (error) {
        if (error instanceof PeriodRangeError) return badRequest("bucket", error.message);
        throw error;
      }

      const comparison = await compareSeries(connection, filter, query.bucket, query.series);
      if (query.format === "csv") {
        const table = comparisonToTable(comparison);
        return csvResponse(`alignment-trends-compare-${query.bucket}.csv`, table.columns, table.rows);
      }
      return NextResponse.json({ ...comparison, bucket: query.bucket, dateBasis: DATE_BASIS_LABELS[filter.dateBasis], filter, build });
    });
  } catch (error) {
    return errorResponse(error, "/api/v1/compare");
  }
}
