import "server-only";
import { DatabaseUnavailableError } from "@alignment-trends/analytics";
import { NextResponse } from "next/server";
import { logger } from "./logger";
import { toCsv, type CsvValue } from "./toCsv";

/** A 400 response naming the invalid parameter. */
export function badRequest(parameter: string, message: string): NextResponse {
  return NextResponse.json({ error: { parameter, message } }, { status: 400 });
}

/**
 * Builds an RFC 6266 attachment header; the ASCII fallback keeps the name
 * readable in old clients and `filename*` carries the UTF-8 original.
 */
export function attachmentHeader(fileName: string): string {
  const fallback = fileName.normalize("NFKD").replace(/[^\x20-\x7e]/gu, "").replace(/["\\/]/gu, "_") || "download";
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function csvResponse(fileName: string, columns: string[], rows: CsvValue[][]): Response {
  return new Response(toCsv(columns, rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachmentHeader(fileName),
    },
  });
}

/**
 * Turns an error thrown while answering into a response: 503 with the fix
 * when the database is missing or unusable, else 500 after logging it.
 */
export function errorResponse(error: unknown, route: string): NextResponse {
  if (error instanceof DatabaseUnavailableError) {
    logger.warn({ route, err: error }, "database unavailable");
    return NextResponse.json({ error: { message: error.message } }, { status: 503 });
  }
  logger.error({ route, err: error }, "request failed");
  return NextResponse.json({ error: { message: "Internal error; the server log has the details" } }, { status: 500 });
}
