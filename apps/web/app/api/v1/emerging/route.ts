import { EMERGING_TITLE_RULE, findEmergingTerms } from "@alignment-trends/analytics";
import { DATE_BASIS_LABELS, EmergingQuerySchema } from "@alignment-trends/schema";
import { NextResponse, type NextRequest } from "next/server";
import { emergingToTable } from "@/lib/analysisTables";
import { badRequest, csvResponse, errorResponse } from "@/lib/apiResponses";
import { getTrendsDatabase } from "@/lib/database";
import { parseFilterQuery } from "@/lib/parseFilterQuery";
import { findUnknownTopic } from "@/lib/validateTopics";

export const dynamic = "force-dynamic";

/**
 * `GET /api/v1/emerging`: the terms whose share grew most from the baseline
 * window to the recent one, with their bursts, as JSON or CSV. The windows
 * are null when the filter keeps no paper with an abstract and a month.
 */
export async function GET(request: NextRequest) {
  const parsed = parseFilterQuery(EmergingQuerySchema, request.nextUrl.searchParams);
  if (!parsed.ok) return badRequest(parsed.parameter, parsed.message);
  const { query, filter } = parsed;

  try {
    return await getTrendsDatabase().withConnection(async (connection, build) => {
      const unknownTopic = await findUnknownTopic(connection, filter);
      if (unknownTopic) return badRequest(unknownTopic.parameter, unknownTopic.message);

      const options = { windowMonths: query.window, minPapers: query.minPapers, limit: query.limit };
      const emerging = await findEmergingTerms(connection, filter, options);
      if (query.format === "csv") {
        const table = emergingToTable(emerging);
        return csvResponse(`alignment-trends-emerging-${query.window}-months.csv`, table.columns, table.rows);
      }
      return NextResponse.json({
        recent: emerging?.recent ?? null,
        baseline: emerging?.baseline ?? null,
        thinMonths: emerging?.thinMonths ?? null,
        terms: emerging?.terms ?? [],
        options: { ...options, ...EMERGING_TITLE_RULE },
        burstParameters: emerging?.burstParameters ?? null,
        dateBasis: DATE_BASIS_LABELS[filter.dateBasis],
        filter,
        build,
      });
    });
  } catch (error) {
    return errorResponse(error, "/api/v1/emerging");
  }
}
