import { getTopicCooccurrence } from "@alignment-trends/analytics";
import { CooccurrenceQuerySchema } from "@alignment-trends/schema";
import { NextResponse, type NextRequest } from "next/server";
import { cooccurrenceToTable } from "@/lib/analysisTables";
import { badRequest, csvResponse, errorResponse } from "@/lib/apiResponses";
import { getTrendsDatabase } from "@/lib/database";
import { parseFilterQuery } from "@/lib/parseFilterQuery";
import { findUnknownTopic } from "@/lib/validateTopics";

export const dynamic = "force-dynamic";

/** `GET /api/v1/cooccurrence`: how many papers each pair of topics tags together, as JSON or CSV. */
export async function GET(request: NextRequest) {
  const parsed = parseFilterQuery(CooccurrenceQuerySchema, request.nextUrl.searchParams);
  if (!parsed.ok) return badRequest(parsed.parameter, parsed.message);
  const { query, filter } = parsed;

  try {
    return await getTrendsDatabase().withConnection(async (connection, build) => {
      const unknownTopic = await findUnknownTopic(connection, filter);
      if (unknownTopic) return badRequest(unknownTopic.parameter, unknownTopic.message);

      const cooccurrence = await getTopicCooccurrence(connection, filter);
      if (query.format === "csv") {
        const table = cooccurrenceToTable(cooccurrence);
        return csvResponse("alignment-trends-topic-cooccurrence.csv", table.columns, table.rows);
      }
      return NextResponse.json({ ...cooccurrence, filter, build });
    });
  } catch (error) {
    return errorResponse(error, "/api/v1/cooccurrence");
  }
}
