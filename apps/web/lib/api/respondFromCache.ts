import "server-only";
import type { BuildInfo } from "@alignment-trends/analytics";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { NextRequest } from "next/server";
import { errorResponse } from "../apiResponses";
import { getTrendsDatabase } from "../database";
import { sendStoredResponse } from "./sendStoredResponse";
import { storedResponseBytes, storeResponse } from "./storeResponse";

/**
 * Sends the response to a data request from the result cache of the database
 * build being served, running `work` only when the cache has no response for
 * the request. Only 200 responses are stored. A thrown error becomes a 503 or
 * 500 response and is not stored.
 *
 * The cache key is the path and the query string exactly as sent, not a
 * sorted copy, because the response records the request in
 * `provenance.request` and in the `Link` header. So two spellings of one
 * query have different bytes.
 */
export async function respondFromCache(
  request: NextRequest,
  route: string,
  work: (connection: DuckDBConnection, build: BuildInfo) => Promise<Response>,
): Promise<Response> {
  const key = `api ${request.nextUrl.pathname}${request.nextUrl.search}`;
  let computed = false;
  try {
    const stored = await getTrendsDatabase().withCachedResult(
      key,
      async (connection, build) => {
        computed = true;
        return storeResponse(await work(connection, build));
      },
      { sizeOf: storedResponseBytes, shouldStore: (response) => response.status === 200 },
    );
    return sendStoredResponse(stored, request, computed ? "miss" : "hit");
  } catch (error) {
    return errorResponse(error, route);
  }
}
