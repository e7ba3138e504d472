import { CompareQuerySchema, filterFromQuery, type CompareMeasure, type SeriesSpec, type TrendFilter, type Bucket } from "@alignment-trends/schema";
import { ZodError } from "zod";
import { parseQuery, searchParamsToObject } from "./parseQuery";

/** The compare page's query: the API's, except that the series may be missing, as on the empty form. */
const ComparePageQuerySchema = CompareQuerySchema.extend({ series: CompareQuerySchema.shape.series.optional() });

/** A comparison as the page shows it; `series` is empty before the reader names any. */
export interface ComparePageQuery {
  series: SeriesSpec[];
  measure: CompareMeasure;
  bucket: Bucket;
  filter: TrendFilter;
}

export type ComparePageQueryResult = ({ ok: true } & ComparePageQuery) | { ok: false; parameter: string; message: string };

/**
 * Validates the compare page's query and builds its filter. Unknown
 * parameters are ignored, as on every page, and blank series fields are left
 * out, so the form may send all of its rows. On failure the result names the
 * invalid parameter.
 */
export function parseCompareQuery(params: URLSearchParams | Record<string, string | string[] | undefined>): ComparePageQueryResult {
  const { series: seriesParams = [], ...rest } = searchParamsToObject(params);
  const filled = [seriesParams].flat().filter((value) => value.trim() !== "");
  const parsed = parseQuery(ComparePageQuerySchema, filled.length > 0 ? { ...rest, series: filled } : rest, { ignoreUnknown: true });
  if (!parsed.ok) return parsed;

  const { series = [], measure, bucket } = parsed.data;
  try {
    return { ok: true, series, measure, bucket, filter: filterFromQuery(parsed.data) };
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    const issue = error.issues[0]!;
    const parameter = String(issue.path[0] ?? "from");
    return { ok: false, parameter, message: `Invalid parameter "${parameter}": ${issue.message}` };
  }
}
