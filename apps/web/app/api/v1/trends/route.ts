import { countCoarseDates } from "@alignment-trends/analytics";
import { DATE_BASIS_LABELS, TrendsQuerySchema } from "@alignment-trends/schema";
import type { NextRequest } from "next/server";
import { badRequest, errorResponse } from "@/lib/apiResponses";
import { getTrendsDatabase } from "@/lib/database";
import { buildProvenance } from "@/lib/export/buildProvenance";
import { describeLeftOut } from "@/lib/export/describeLeftOut";
import { exportResponse } from "@/lib/export/exportResponse";
import { trendToTable } from "@/lib/export/trendToTable";
import { loadTrend } from "@/lib/loadTrend";
import { parseFilterQuery } from "@/lib/parseFilterQuery";
import { rejectTooManyPeriods } from "@/lib/rejectTooManyPeriods";
import { findUnknownTopic } from "@/lib/validateTopics";

export const dynamic = "force-dynamic";

/** `GET /api/v1/trends`: one trend series under a filter, as JSON, CSV or Parquet, or the provenance of either. */
export async function GET(request: NextRequest) {
  const parsed = parseFilterQuery(TrendsQuerySchema, request.nextUrl.searchParams);
  if (!parsed.ok) return badRequest(parsed.parameter, parsed.message);
  const { query, filter } = parsed;

  try {
    return await getTrendsDatabase().withConnection(async (connection, build) => {
      const unknownTopic = await findUnknownTopic(connection, filter);
      if (unknownTopic) return badRequest(unknownTopic.parameter, unknownTopic.message);

      const perPeriod = query.metric !== "team-sizes";
      if (perPeriod) {
        const tooManyPeriods = await rejectTooManyPeriods(connection, filter, query.bucket);
        if (tooManyPeriods) return tooManyPeriods;
      }
      const trend = await loadTrend(connection, query.metric, filter, query.bucket);
      const bucket = perPeriod ? query.bucket : null;
      // Scope shares compare the scopes, so the scope filter leaves out no paper of theirs.
      const countedFilter = query.metric === "scope-shares" ? { ...filter, scope: undefined } : filter;
      const table = trendToTable(trend, filter, query.bucket);
      table.notes = await describeLeftOut(connection, countedFilter, bucket);
      const provenance = await buildProvenance(connection, build, {
        url: request.nextUrl,
        filter,
        options: { metric: query.metric, bucket: query.bucket },
        bucket,
        notes: table.notes,
      });

      const coarseDates = perPeriod ? await countCoarseDates(connection, filter, query.bucket) : 0;
      return exportResponse({
        format: query.format,
        table,
        provenance,
        fileName: { table: table.name, filter, bucket },
        url: request.nextUrl,
        json: {
          ...trend,
          bucket: query.bucket,
          dateBasis: DATE_BASIS_LABELS[filter.dateBasis],
          leftOut: { coarseDates, reason: `papers whose date is known only to a span longer than one ${query.bucket}` },
          filter,
          build,
        },
      });
    });
  } catch (error) {
    return errorResponse(error, "/api/v1/trends");
  }
}
