import { PapersQuerySchema } from "@alignment-trends/schema";
import type { NextRequest } from "next/server";
import { badRequest, errorResponse } from "@/lib/apiResponses";
import { getTrendsDatabase } from "@/lib/database";
import { buildProvenance } from "@/lib/export/buildProvenance";
import { exportResponse } from "@/lib/export/exportResponse";
import { loadPaperList } from "@/lib/export/loadPaperList";
import { paperListToTable } from "@/lib/export/paperTables";
import { parseFilterQuery } from "@/lib/parseFilterQuery";
import { findUnknownTopic } from "@/lib/validateTopics";

export const dynamic = "force-dynamic";

/**
 * `GET /api/v1/papers`: `{ total, papers }` for a filter, one page at a time
 * or with `limit=all` the whole list up to the download limit, as JSON, CSV
 * or Parquet, or the provenance of either.
 */
export async function GET(request: NextRequest) {
  const parsed = parseFilterQuery(PapersQuerySchema, request.nextUrl.searchParams);
  if (!parsed.ok) return badRequest(parsed.parameter, parsed.message);
  const { query, filter } = parsed;

  try {
    return await getTrendsDatabase().withConnection(async (connection, build) => {
      const unknownTopic = await findUnknownTopic(connection, filter);
      if (unknownTopic) return badRequest(unknownTopic.parameter, unknownTopic.message);

      const { sort, order, limit, offset } = query;
      const list = await loadPaperList(connection, filter, { sort, order, limit, offset });
      const table = paperListToTable(list.page.papers, { sort, order }, list.notes);
      const provenance = await buildProvenance(connection, build, {
        url: request.nextUrl,
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
        url: request.nextUrl,
        json: { ...list.page },
      });
    });
  } catch (error) {
    return errorResponse(error, "/api/v1/papers");
  }
}
