import { getTopicCooccurrence } from "@alignment-trends/analytics";
import { CooccurrenceQuerySchema } from "@alignment-trends/schema";
import { createFilterRoute } from "@/lib/api/createFilterRoute";
import { cooccurrenceToTable } from "@/lib/export/analysisTables";
import { buildProvenance } from "@/lib/export/buildProvenance";
import { exportResponse } from "@/lib/export/exportResponse";

export const dynamic = "force-dynamic";

/** `GET /api/v1/cooccurrence`: how many papers each pair of topics tags together, as JSON, CSV or Parquet, or the provenance of either. */
export const GET = createFilterRoute({
  route: "/api/v1/cooccurrence",
  schema: CooccurrenceQuerySchema,
  respond: async ({ query, filter, url, connection, build }) => {
    const cooccurrence = await getTopicCooccurrence(connection, filter);
    const table = cooccurrenceToTable(cooccurrence);
    const provenance = await buildProvenance(connection, build, { url, filter, options: {}, bucket: null });
    return exportResponse({
      format: query.format,
      table,
      provenance,
      fileName: { table: table.name, filter },
      url,
      json: { ...cooccurrence, filter, build },
    });
  },
});
