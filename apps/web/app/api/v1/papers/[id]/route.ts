import { getPaper } from "@alignment-trends/analytics";
import { PaperQuerySchema } from "@alignment-trends/schema";
import { NextResponse, type NextRequest } from "next/server";
import { badRequest, csvResponse, errorResponse } from "@/lib/apiResponses";
import { getTrendsDatabase } from "@/lib/database";
import { PaperIdSchema } from "@/lib/paperId";
import { parseQuery } from "@/lib/parseQuery";

export const dynamic = "force-dynamic";

const CSV_COLUMNS = [
  "id", "arxiv_id", "title", "abstract", "authors", "published_on", "listed_on", "authors_count",
  "upvotes", "comments", "code_url", "scope", "topics",
];

/** `GET /api/v1/papers/{id}`: one paper's full record as JSON, or one CSV row; 404 when no paper has the id. */
export async function GET(request: NextRequest, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  const paperId = PaperIdSchema.safeParse(decodeURIComponent(id));
  if (!paperId.success) return badRequest("id", `Invalid parameter "id": ${paperId.error.issues[0]!.message}`);
  const query = parseQuery(PaperQuerySchema, request.nextUrl.searchParams);
  if (!query.ok) return badRequest(query.parameter, query.message);

  try {
    const paper = await getTrendsDatabase().withConnection((connection) => getPaper(connection, paperId.data));
    if (!paper) return NextResponse.json({ error: { message: `No paper with id "${paperId.data}"` } }, { status: 404 });
    if (query.data.format === "csv") {
      const row = [
        paper.id, paper.arxivId, paper.title, paper.abstract, paper.authors.join("; "), paper.publishedOn, paper.listedOn,
        paper.authorsCount, paper.upvotes, paper.comments, paper.codeUrl, paper.scope, paper.topics.join(";"),
      ];
      return csvResponse(`alignment-trends-paper-${paper.id.replace("/", "-")}.csv`, CSV_COLUMNS, [row]);
    }
    return NextResponse.json(paper);
  } catch (error) {
    return errorResponse(error, "/api/v1/papers/{id}");
  }
}
