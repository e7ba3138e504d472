import "server-only";
import { filterFromQuery, type PapersQuerySchema, type TrendFilter, type TrendsQuerySchema } from "@alignment-trends/schema";
import type { NextResponse } from "next/server";
import type { z } from "zod";
import { badRequest } from "./apiResponses";
import { parseQuery } from "./parseQuery";

type ListQuerySchema = typeof TrendsQuerySchema | typeof PapersQuerySchema;

/**
 * Validates the query of an API route that takes filters, and builds the
 * filter. Returns the 400 response to send when a parameter is invalid.
 */
export function parseFilterQuery<Schema extends ListQuerySchema>(
  schema: Schema,
  params: URLSearchParams,
): { query: z.infer<Schema>; filter: TrendFilter } | { response: NextResponse } {
  const query = parseQuery(schema, params);
  if (!query.ok) return { response: badRequest(query.parameter, query.message) };
  try {
    return { query: query.data, filter: filterFromQuery(query.data) };
  } catch (error) {
    return { response: badRequest("from", `Invalid parameters "from" and "to": ${(error as Error).message}`) };
  }
}
