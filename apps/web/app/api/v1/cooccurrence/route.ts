import { getTopicCooccurrence } from "@alignment-trends/analytics";
import { CooccurrenceQuerySchema } from "@alignment-trends/schema";
import type { NextRequest } from "next/server";
import { badRequest, errorResponse } from "@/lib/apiResponses";
import { getTrendsDatabase } from "@/lib/database";
import { cooccurrenceToTable } from "@/lib/export/analysisTables";
import { buildProvenance } from "@/lib/export/buildProvenance";
import { exportResponse } from "@/lib/export/exportResponse";
import { parseFilterQuery } from "@/lib/parseFilterQuery";
import { findUnknownTopic } from "@/lib/validateTopics";

export const dynamic = "force-dynamic";

/** `GET /api/v1/cooccurrence`: how many papers each pair of topics tags together, as JSON, CSV or Parquet, or the provenance of either. */
export async function GET(request: NextRequest) {
  const parsed = parseFilterQuery(CooccurrenceQuerySchema, request.nextUrl.searchParams);
  if (!parsed.ok) return badRequest(parsed.parameter, parsed.message);
  const { query, filter } = parsed;

  try {
    return await getTrendsDatabase().withConnection(async (connection, build) => {
      const unknownTopic = await findUnknownTopic(connection, filter);
      if (unknownTopic) return badRequest(unknownTopic.parameter, unknownTopic.message);

      const cooccurrence = await getTopicCooccurrence(connection, filter);
      const table = cooccurrenceToTable(cooccurrence);
      const provenance = await buildProvenance(connection, build, { url: request.nextUrl, filter, options: {}, bucket: null });
      return exportResponse({
        format: query.format,
        table,
        provenance,
        fileName: { table: table.name, filter },
        url: request.nextUrl,
        json: { ...cooccurrence, filter, build },
      });
    });
  } catch (error) {
    return errorResponse(error, "/api/v1/cooccurrence");
  }
}
