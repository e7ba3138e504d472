import { countCoarseDates, countLeftOutPapers } from "@alignment-trends/analytics";
import { DATE_BASIS_LABELS, TrendsQuerySchema } from "@alignment-trends/schema";
import { createFilterRoute } from "@/lib/api/createFilterRoute";
import { buildProvenance } from "@/lib/export/buildProvenance";
import { describeLeftOut } from "@/lib/export/describeLeftOut";
import { exportResponse } from "@/lib/export/exportResponse";
import { trendToTable } from "@/lib/export/trendToTable";
import { loadTrend } from "@/lib/loadTrend";

export const dynamic = "force-dynamic";

/** `GET /api/v1/trends`: one trend series under a filter, as JSON, CSV or Parquet, or the provenance of either. */
export const GET = createFilterRoute({
  route: "/api/v1/trends",
  schema: TrendsQuerySchema,
  periodBucket: (query) => (query.metric === "team-sizes" ? null : query.bucket),
  respond: async ({ query, filter, url, connection, build }) => {
    const perPeriod = query.metric !== "team-sizes";
    const trend = await loadTrend(connection, query.metric, filter, query.bucket);
    const bucket = perPeriod ? query.bucket : null;
    // Scope shares compare the scopes, so the scope filter leaves out no paper of theirs.
    const countedFilter = query.metric === "scope-shares" ? { ...filter, scope: undefined } : filter;
    const table = trendToTable(trend, filter, query.bucket);
    const leftOut = await countLeftOutPapers(connection, countedFilter, bucket);
    table.notes = describeLeftOut(leftOut, countedFilter, bucket);
    const provenance = await buildProvenance(connection, build, {
      url,
      filter,
      options: { metric: query.metric, bucket: query.bucket },
      bucket,
      notes: table.notes,
    });

    // The JSON counts coarse dates under the request's own filter, scope included, for every metric.
    let coarseDates = 0;
    if (perPeriod) coarseDates = countedFilter === filter ? leftOut.coarse : await countCoarseDates(connection, filter, query.bucket);
    return exportResponse({
      format: query.format,
      table,
      provenance,
      fileName: { table: table.name, filter, bucket },
      url,
      json: {
        ...trend,
        bucket: query.bucket,
        dateBasis: DATE_BASIS_LABELS[filter.dateBasis],
        leftOut: { coarseDates, reason: `papers whose date is known only to a span longer than one ${query.bucket}` },
        filter,
        build,
      },
    });
  },
});
