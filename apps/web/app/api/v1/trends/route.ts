import { assertPeriodCount, countCoarseDates, PeriodRangeError } from "@alignment-trends/analytics";
import { DATE_BASIS_LABELS, TrendsQuerySchema } from "@alignment-trends/schema";
import { NextResponse, type NextRequest } from "next/server";
import { badRequest, csvResponse, errorResponse } from "@/lib/apiResponses";
import { getTrendsDatabase } from "@/lib/database";
import { loadTrend, trendToTable } from "@/lib/loadTrend";
import { parseFilterQuery } from "@/lib/parseFilterQuery";
import { findUnknownTopic } from "@/lib/validateTopics";

export const dynamic = "force-dynamic";

/** `GET /api/v1/trends`: one trend series under a filter, as JSON or CSV. */
export async function GET(request: NextRequest) {
  const parsed = parseFilterQuery(TrendsQuerySchema, request.nextUrl.searchParams);
  if (!parsed.ok) return badRequest(parsed.parameter, parsed.message);
  const { query, filter } = parsed;

  try {
    return await getTrendsDatabase().withConnection(async (connection, build) => {
      const unknownTopic = await findUnknownTopic(connection, filter);
      if (unknownTopic) return badRequest(unknownTopic.parameter, unknownTopic.message);

      if (query.metric !== "team-sizes") {
        try {
          await assertPeriodCount(connection, filter, query.bucket);
        } catch (error) {
          if (error instanceof PeriodRangeError) return badRequest("bucket", error.message);
          throw error;
        }
      }
      const trend = await loadTrend(connection, query.metric, filter, query.bucket);
      if (query.format === "csv") {
        // The date basis travels in every row, so a file cut out of its context still says which date it counts by.
        const table = trendToTable(trend);
        const basis = DATE_BASIS_LABELS[filter.dateBasis];
        table.columns.push("date_basis");
        for (const row of table.rows) row.push(basis);
        return csvResponse(`alignment-trends-${trend.metric}-${query.bucket}.csv`, table.columns, table.rows);
      }
      const coarseDates = query.metric === "team-sizes" ? 0 : await countCoarseDates(connection, filter, query.bucket);
      return NextResponse.json({
        ...trend,
        bucket: query.bucket,
        dateBasis: DATE_BASIS_LABELS[filter.dateBasis],
        leftOut: { coarseDates, reason: `papers whose date is known only to a span longer than one ${query.bucket}` },
        filter,
        build,
      });
    });
  } catch (error) {
    return errorResponse(error, "/api/v1/trends");
  }
}
