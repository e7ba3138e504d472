import "server-only";
import { isDatabaseUnavailable } from "@alignment-trends/analytics";
import { NextResponse } from "next/server";
import { logger } from "./logger";

/** Keeps clients from storing an error, which a fixed request or a new ingest may turn into a 200. */
const NO_STORE = { "Cache-Control": "no-store" };

/** A 400 response naming the invalid parameter. */
export function badRequest(parameter: string, message: string): NextResponse {
  return NextResponse.json({ error: { parameter, message } }, { status: 400, headers: NO_STORE });
}

/**
 * Turns an error thrown while answering into a response: 503 with the fix
 * when the database is missing or unusable, else 500 after logging it.
 */
export function errorResponse(error: unknown, route: string): NextResponse {
  if (isDatabaseUnavailable(error)) {
    logger.warn({ route, err: error }, "database unavailable");
    return NextResponse.json({ error: { message: error.message } }, { status: 503, headers: NO_STORE });
  }
  logger.error({ route, err: error }, "request failed");
  return NextResponse.json({ error: { message: "Internal error; the server log has the details" } }, { status: 500, headers: NO_STORE });
}
