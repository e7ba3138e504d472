import type { NextRequest } from "next/server";
import { sendStoredResponse } from "@/lib/api/sendStoredResponse";
import { storeResponse, type StoredResponse } from "@/lib/api/storeResponse";
import { badRequest } from "@/lib/apiResponses";
import { buildOpenApiDocument } from "@/lib/openapi/buildOpenApiDocument";
import { OpenApiQuerySchema } from "@/lib/openapi/openApiDocumentSchema";
import { parseQuery } from "@/lib/parseQuery";

export const dynamic = "force-dynamic";

let document: Promise<StoredResponse> | undefined;

/**
 * `GET /api/v1/openapi.json`: the OpenAPI 3.1 document of the API, built once
 * per server from the Zod schemas. It does not read the database, so it
 * stays outside the database's result cache.
 */
export async function GET(request: NextRequest) {
  const query = parseQuery(OpenApiQuerySchema, request.nextUrl.searchParams);
  if (!query.ok) return badRequest(query.parameter, query.message);
  document ??= storeResponse(Response.json(buildOpenApiDocument()));
  return sendStoredResponse(await document, request);
}
