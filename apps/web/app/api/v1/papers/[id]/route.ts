import { getPaper } from "@alignment-trends/analytics";
import { NextResponse, type NextRequest } from "next/server";
import { badRequest, errorResponse } from "@/lib/apiResponses";
import { getTrendsDatabase } from "@/lib/database";
import { PaperIdSchema } from "@/lib/paperId";

export const dynamic = "force-dynamic";

/** `GET /api/v1/papers/{id}`: one paper's full record, or 404. */
export async function GET(_request: NextRequest, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  const paperId = PaperIdSchema.safeParse(id);
  if (!paperId.success) return badRequest("id", `Invalid parameter "id": ${paperId.error.issues[0]!.message}`);

  try {
    const paper = await getTrendsDatabase().withConnection((connection) => getPaper(connection, paperId.data));
    if (!paper) return NextResponse.json({ error: { message: `No paper with id "${paperId.data}"` } }, { status: 404 });
    return NextResponse.json(paper);
  } catch (error) {
    return errorResponse(error, "/api/v1/papers/{id}");
  }
}
