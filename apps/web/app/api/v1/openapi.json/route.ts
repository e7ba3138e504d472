import { NextResponse, type NextRequest } from "next/server";
import { badRequest } from "@/lib/apiResponses";
import { buildOpenApiDocument } from "@/lib/openapi/buildOpenApiDocument";
import { OpenApiQuerySchema } from "@/lib/openapi/openApiDocumentSchema";
import type { OpenApiDocument } from "@/lib/openapi/openApiTypes";
import { parseQuery } from "@/lib/parseQuery";

export const dynamic = "force-dynamic";

let document: OpenApiDocument | undefined;

/** `GET /api/v1/openapi.json`: the OpenAPI 3.1 document of the API, built once per server from the Zod schemas. */
export function GET(request: NextRequest) {
  const query = parseQuery(OpenApiQuerySchema, request.nextUrl.searchParams);
  if (!query.ok) return badRequest(query.parameter, query.message);
  document ??= buildOpenApiDocument();
  return NextResponse.json(document);
}
