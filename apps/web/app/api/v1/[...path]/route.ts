import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

/**
 * Any path under `/api/v1/` that names no route: a JSON 404 that lists where
 * the routes are documented, so an API client never receives the HTML page
 * meant for browsers.
 */
export function GET(request: Request): NextResponse {
  const { pathname } = new URL(request.url);
  return NextResponse.json(
    { error: { message: `No API route at ${pathname}; GET /api/v1/openapi.json lists every route` } },
    { status: 404, headers: { "Cache-Control": "no-store" } },
  );
}
