import { PapersQuerySchema } from "@alignment-trends/schema";
import { createFilterRoute } from "@/lib/api/createFilterRoute";
import { buildProvenance } from "@/lib/export/buildProvenance";
import { exportResponse } from "@/lib/export/exportResponse";
import { loadPaperList } from "@/lib/export/loadPaperList";
import { paperListToTable } from "@/lib/export/paperTables";

export const dynamic = "force-dynamic";

/**
 * `GET /api/v1/papers`: `{ total, papers }` for a filter, one page at a time
 * or with `limit=all` the whole list up to the download limit, as JSON, CSV
 * or Parquet, or the provenance of either.
 */
export const GET = createFilterRoute({
  route: "/api/v1/papers",
  schema: PapersQuerySchema,
  respond: async ({ query, filter, url, connection, build }) => {
    const { sort, order, limit, offset } = query;
    const list = await loadPaperList(connection, filter, { sort, order, limit, offset });
    const table = paperListToTable(list.page.papers, { sort, order }, list.notes);
    const provenance = await buildProvenance(connection, build, {
      url,
      filter,
      options: { sort, order, limit, offset },
      bucket: null,
      rows: list.rows,
      notes: list.notes,
    });
    return exportResponse({
      format: query.format,
      table,
      provenance,
      fileName: { table: table.name, filter, qualifiers: [`by-${sort}-${order}`] },
      url,
      json: { ...list.page },
    });
  },
});
