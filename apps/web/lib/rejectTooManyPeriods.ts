import "server-only";
import { assertPeriodCount, PeriodRangeError } from "@alignment-trends/analytics";
import type { Bucket, TrendFilter } from "@alignment-trends/schema";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { NextResponse } from "next/server";
import { badRequest } from "./apiResponses";

/**
 * Returns a 400 naming `bucket` when the filter's date range spans more
 * periods than a series may have, else null so that the route goes on.
 */
export async function rejectTooManyPeriods(connection: DuckDBConnection, filter: TrendFilter, bucket: Bucket): Promise<NextResponse | null> {
  try {
    await assertPeriodCount(connection, filter, bucket);
    return null;
  } catch (error) {
    if (error instanceof PeriodRangeError) return badRequest("bucket", error.message);
    throw error;
  }
}
