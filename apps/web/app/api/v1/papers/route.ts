import { listPapers } from "@alignment-trends/analytics";
import { PapersQuerySchema } from "@alignment-trends/schema";
import { NextResponse, type NextRequest } from "next/server";
import { badRequest, csvResponse, errorResponse } from "@/lib/apiResponses";
import { getTrendsDatabase } from "@/lib/database";
import { parseFilterQuery } from "@/lib/parseFilterQuery";
import { findUnknownTopic } from "@/lib/validateTopics";

export const dynamic = "force-dynamic";

const CSV_COLUMNS = ["id", "arxiv_id", "title", "published_on", "listed_on", "authors_count", "upvotes", "code_url", "scope", "topics"];

/** `GET /api/v1/papers`: `{ total, papers }` for a filter, one page at a time, as JSON or CSV. */
export async function GET(request: NextRequest) {
  const parsed = parseFilterQuery(PapersQuerySchema, request.nextUrl.searchParams);
  if (!parsed.ok) return badRequest(parsed.parameter, parsed.message);
  const { query, filter } = parsed;

  try {
    return await getTrendsDatabase().withConnection(async (connection) => {
      const unknownTopic = await findUnknownTopic(connection, filter);
      if (unknownTopic) return badRequest(unknownTopic.parameter, unknownTopic.message);

      const { sort, order, limit, offset } = query;
      const page = await listPapers(connection, filter, { sort, order, limit, offset });
      if (query.format === "csv") {
        const rows = page.papers.map((paper) => [
          paper.id, paper.arxivId, paper.title, paper.publishedOn, paper.listedOn, paper.authorsCount,
          paper.upvotes, paper.codeUrl, paper.scope, paper.topics.join(";"),
        ]);
        return csvResponse("alignment-trends-papers.csv", CSV_COLUMNS, rows);
      }
      return NextResponse.json(page);
    });
  } catch (error) {
    return errorResponse(error, "/api/v1/papers");
  }
}
