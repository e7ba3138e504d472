import { getPaper } from "@alignment-trends/analytics";
import { PaperQuerySchema, TrendFilterSchema } from "@alignment-trends/schema";
import { NextResponse, type NextRequest } from "next/server";
import { respondFromCache } from "@/lib/api/respondFromCache";
import { decodePathSegment } from "@/lib/decodePathSegment";
import { badRequest } from "@/lib/apiResponses";
import { buildProvenance } from "@/lib/export/buildProvenance";
import { exportResponse } from "@/lib/export/exportResponse";
import { paperDetailToTable } from "@/lib/export/paperTables";
import { PaperIdSchema } from "@/lib/paperId";
import { parseQuery } from "@/lib/parseQuery";

export const dynamic = "force-dynamic";

/** The filter of a lookup by id: none, with the default date and upvote basis. */
const NO_FILTER = TrendFilterSchema.parse({});

/**
 * `GET /api/v1/papers/{id}`: one paper's full record as JSON, as one row of
 * CSV or Parquet, or the provenance of either; 404 when no paper has the id.
 */
export async function GET(request: NextRequest, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  const decodedId = decodePathSegment(id);
  if (decodedId === null) return badRequest("id", `Invalid parameter "id": "${id.slice(0, 80)}" is not valid percent-encoded UTF-8`);
  const paperId = PaperIdSchema.safeParse(decodedId);
  if (!paperId.success) return badRequest("id", `Invalid parameter "id": ${paperId.error.issues[0]!.message}`);
  const query = parseQuery(PaperQuerySchema, request.nextUrl.searchParams);
  if (!query.ok) return badRequest(query.parameter, query.message);

  return respondFromCache(request, "/api/v1/papers/{id}", async (connection, build) => {
    const paper = await getPaper(connection, paperId.data);
    if (!paper) return NextResponse.json({ error: { message: `No paper with id "${paperId.data}"` } }, { status: 404 });

    const table = paperDetailToTable(paper);
    const provenance = await buildProvenance(connection, build, { url: request.nextUrl, filter: NO_FILTER, options: { id: paper.id }, bucket: null });
    return exportResponse({
      format: query.data.format,
      table,
      provenance,
      fileName: { table: table.name, filter: NO_FILTER, qualifiers: [paper.id] },
      url: request.nextUrl,
      json: { ...paper },
    });
  });
}
