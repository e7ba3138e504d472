import {
  filterFromQuery,
  type CompareQuerySchema,
  type CooccurrenceQuerySchema,
  type DatasetQuerySchema,
  type EmergingQuerySchema,
  type PapersQuerySchema,
  type TrendFilter,
  type TrendsQuerySchema,
} from "@alignment-trends/schema";
import type { z } from "zod";
import { ZodError } from "zod";
import { parseQuery } from "./parseQuery";

export type ListQuerySchema =
  | typeof TrendsQuerySchema
  | typeof PapersQuerySchema
  | typeof CompareQuerySchema
  | typeof EmergingQuerySchema
  | typeof CooccurrenceQuerySchema
  | typeof DatasetQuerySchema;

export type FilterQueryResult<Schema extends ListQuerySchema> =
  | { ok: true; query: z.infer<Schema>; filter: TrendFilter }
  | { ok: false; parameter: string; message: string };

/**
 * Validates the query of a view or route that takes filters, and builds the
 * filter. On failure the result names the invalid parameter. Pages pass
 * `ignoreUnknown` so that a link with extra parameters still opens.
 */
export function parseFilterQuery<Schema extends ListQuerySchema>(
  schema: Schema,
  params: URLSearchParams | Record<string, string | string[] | undefined>,
  options: { ignoreUnknown?: boolean } = {},
): FilterQueryResult<Schema> {
  const query = parseQuery(schema, params, options);
  if (!query.ok) return query;
  try {
    return { ok: true, query: query.data, filter: filterFromQuery(query.data) };
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    const issue = error.issues[0]!;
    const parameter = String(issue.path[0] ?? "from");
    return { ok: false, parameter, message: `Invalid parameter "${parameter}": ${issue.message}` };
  }
}
