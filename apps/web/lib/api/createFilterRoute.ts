import "server-only";
import type { BuildInfo } from "@alignment-trends/analytics";
import type { Bucket, TrendFilter } from "@alignment-trends/schema";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { badRequest } from "../apiResponses";
import { parseFilterQuery, type ListQuerySchema } from "../parseFilterQuery";
import { rejectTooManyPeriods } from "../rejectTooManyPeriods";
import { findUnknownTopic } from "../validateTopics";
import { respondFromCache } from "./respondFromCache";

/** A validated request to a filter route, with a connection to the database build that serves it. */
export interface FilterRouteRequest<Schema extends ListQuerySchema> {
  query: z.infer<Schema>;
  filter: TrendFilter;
  /** The request URL, which provenance records. */
  url: URL;
  connection: DuckDBConnection;
  build: BuildInfo;
}

export interface FilterRouteOptions<Schema extends ListQuerySchema> {
  /** The route's path as the OpenAPI document writes it, for the server log. */
  route: string;
  schema: Schema;
  /** Topic ids that a parameter other than `topic` and `allTopics` names, checked against the database like theirs. */
  extraTopics?: (query: z.infer<Schema>) => { parameter: string; topics: string[] };
  /** The bucket of the response's periods, whose count is limited; null or absent when the response has no periods. */
  periodBucket?: (query: z.infer<Schema>) => Bucket | null;
  /** Builds the 200 response to a request that passed every check. */
  respond: (request: FilterRouteRequest<Schema>) => Promise<Response>;
}

/**
 * Creates the GET handler of a route that takes filters. The handler
 * validates the query (400 naming the parameter), then, through the result
 * cache of the database build being served, rejects a topic the database
 * does not know and a range of too many periods (400), and builds the response.
 */
export function createFilterRoute<Schema extends ListQuerySchema>(options: FilterRouteOptions<Schema>): (request: NextRequest) => Promise<Response> {
  return async (request) => {
    const parsed = parseFilterQuery(options.schema, request.nextUrl.searchParams);
    if (!parsed.ok) return badRequest(parsed.parameter, parsed.message);
    const { query, filter } = parsed;

    return respondFromCache(request, options.route, async (connection, build) => {
      const unknownTopic = await findUnknownTopic(connection, filter, options.extraTopics?.(query));
      if (unknownTopic) return badRequest(unknownTopic.parameter, unknownTopic.message);
      const bucket = options.periodBucket?.(query) ?? null;
      if (bucket !== null) {
        const tooManyPeriods = await rejectTooManyPeriods(connection, filter, bucket);
        if (tooManyPeriods) return tooManyPeriods;
      }
      return options.respond({ query, filter, url: request.nextUrl, connection, build });
    });
  };
}
