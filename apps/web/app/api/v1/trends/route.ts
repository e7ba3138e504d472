import { DATE_BASIS, filterFromQuery, TrendsQuerySchema } from "@alignment-trends/schema";
import { NextResponse, type NextRequest } from "next/server";
import { badRequest, csvResponse, errorResponse } from "@/lib/apiResponses";
import { getTrendsDatabase } from "@/lib/database";
import { loadTrend, trendToTable } from "@/lib/loadTrend";
import { parseQuery } from "@/lib/parseQuery";
import { findUnknownTopic } from "@/lib/validateTopics";

export const dynamic = "force-dynamic";

/** `GET /api/v1/trends`: one trend series under a filter, as JSON or CSV. */
export async function GET(request: NextRequest) {
  const query = parseQuery(TrendsQuerySchema, request.nextUrl.searchParams);
  if (!query.ok) return badRequest(query.parameter, query.message);
  let filter;
  try {
    filter = filterFromQuery(query.data);
  } catch (error) {
    return badRequest("from", `Invalid parameters "from" and "to": ${(error as Error).message}`);
  }

  try {
    return await getTrendsDatabase().withConnection(async (connection, build) => {
      const unknownTopic = await findUnknownTopic(connection, filter.topics);
      if (unknownTopic) return badRequest("topic", unknownTopic);

      const trend = await loadTrend(connection, query.data.metric, filter, query.data.bucket);
      if (query.data.format === "csv") {
        const table = trendToTable(trend);
        return csvResponse(`alignment-trends-${trend.metric}-${query.data.bucket}.csv`, table.columns, table.rows);
      }
      return NextResponse.json({ ...trend, bucket: query.data.bucket, dateBasis: DATE_BASIS, filter, build });
    });
  } catch (error) {
    return errorResponse(error, "/api/v1/trends");
  }
}
