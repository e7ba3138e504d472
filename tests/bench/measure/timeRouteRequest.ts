import { NextRequest } from "next/server";
import type { RouteHandler } from "./importRouteHandler";

/** The origin of the requests built for the handlers. It appears only in the provenance of the responses. */
export const REQUEST_ORIGIN = "http://127.0.0.1:3000";

export interface TimedResponse {
  status: number;
  bodyBytes: number;
  durationMs: number;
  /** The `X-Cache` header: `hit` when the route sent a stored response, null when the route sets none. */
  cacheStatus: string | null;
}

/**
 * Calls the handler and reads the whole body, and times both but not the
 * building of the request. Raises unless the status is 200, so that an
 * error path is never measured in place of the query.
 */
export async function timeRouteRequest(handler: RouteHandler, requestPath: string, params: Record<string, string>): Promise<TimedResponse> {
  const request = new NextRequest(new URL(requestPath, REQUEST_ORIGIN));
  const context = { params: Promise.resolve(params) };

  const started = performance.now();
  const response = await handler(request, context);
  const body = await response.arrayBuffer();
  const durationMs = performance.now() - started;

  if (response.status !== 200) {
    const text = new TextDecoder().decode(body).slice(0, 500);
    throw new Error(`GET ${requestPath} returned HTTP ${response.status}: ${text}; fix the request or the database`);
  }
  return { status: response.status, bodyBytes: body.byteLength, durationMs, cacheStatus: response.headers.get("x-cache") };
}
