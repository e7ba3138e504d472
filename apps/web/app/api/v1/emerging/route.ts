import { EMERGING_TITLE_RULE, findEmergingTerms } from "@alignment-trends/analytics";
import { DATE_BASIS_LABELS, EmergingQuerySchema } from "@alignment-trends/schema";
import { createFilterRoute } from "@/lib/api/createFilterRoute";
import { emergingToTable } from "@/lib/export/analysisTables";
import { buildProvenance } from "@/lib/export/buildProvenance";
import { exportResponse } from "@/lib/export/exportResponse";

export const dynamic = "force-dynamic";

/**
 * `GET /api/v1/emerging`: the terms whose share grew most from the baseline
 * window to the recent one, with their bursts, as JSON, CSV or Parquet, or
 * the provenance of either. The windows are null when the filter keeps no
 * paper with an abstract and a month.
 */
export const GET = createFilterRoute({
  route: "/api/v1/emerging",
  schema: EmergingQuerySchema,
  respond: async ({ query, filter, url, connection, build }) => {
    const options = { windowMonths: query.window, minPapers: query.minPapers, limit: query.limit };
    const emerging = await findEmergingTerms(connection, filter, options);
    const table = emergingToTable(emerging);
    const provenance = await buildProvenance(connection, build, {
      url,
      filter,
      options: { window: query.window, minPapers: query.minPapers, limit: query.limit },
      bucket: null,
      notes: table.notes,
    });
    return exportResponse({
      format: query.format,
      table,
      provenance,
      fileName: { table: table.name, filter, qualifiers: [`window-${query.window}-months`] },
      url,
      json: {
        recent: emerging?.recent ?? null,
        baseline: emerging?.baseline ?? null,
        thinMonths: emerging?.thinMonths ?? null,
        terms: emerging?.terms ?? [],
        options: { ...options, ...EMERGING_TITLE_RULE },
        burstParameters: emerging?.burstParameters ?? null,
        dateBasis: DATE_BASIS_LABELS[filter.dateBasis],
        filter,
        build,
      },
    });
  },
});
