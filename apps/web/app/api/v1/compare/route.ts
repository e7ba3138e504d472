import { compareSeries, countLeftOutPapers } from "@alignment-trends/analytics";
import { CompareQuerySchema, DATE_BASIS_LABELS, formatSeriesParam } from "@alignment-trends/schema";
import { createFilterRoute } from "@/lib/api/createFilterRoute";
import { comparisonToTable } from "@/lib/export/analysisTables";
import { buildProvenance } from "@/lib/export/buildProvenance";
import { describeLeftOut } from "@/lib/export/describeLeftOut";
import { exportResponse } from "@/lib/export/exportResponse";

export const dynamic = "force-dynamic";

/**
 * `GET /api/v1/compare?series=…`: up to eight terms or topics per period,
 * with papers, share of all papers and an index of 0 to 100, as JSON, CSV or
 * Parquet, or the provenance of either.
 */
export const GET = createFilterRoute({
  route: "/api/v1/compare",
  schema: CompareQuerySchema,
  extraTopics: (query) => ({ parameter: "series", topics: query.series.flatMap((spec) => (spec.kind === "topic" ? [spec.topic] : [])) }),
  periodBucket: (query) => query.bucket,
  respond: async ({ query, filter, url, connection, build }) => {
    const comparison = await compareSeries(connection, filter, query.bucket, query.series);
    const table = comparisonToTable(comparison, query.bucket);
    table.notes = describeLeftOut(await countLeftOutPapers(connection, filter, query.bucket), filter, query.bucket);
    const series = query.series.map(formatSeriesParam);
    const provenance = await buildProvenance(connection, build, {
      url,
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
      url,
      json: { ...comparison, bucket: query.bucket, dateBasis: DATE_BASIS_LABELS[filter.dateBasis], filter, build },
    });
  },
});
