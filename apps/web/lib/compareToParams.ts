import { formatSeriesParam, type Bucket, type CompareMeasure, type SeriesSpec, type TrendFilter } from "@alignment-trends/schema";
import { filterToParams } from "./filterParams";

/** Writes a comparison back as query parameters, in the form the compare page and `/api/v1/compare` read. */
export function compareToParams(comparison: { filter: TrendFilter; series: SeriesSpec[]; bucket: Bucket; measure: CompareMeasure }): URLSearchParams {
  const params = filterToParams(comparison.filter);
  for (const spec of comparison.series) params.append("series", formatSeriesParam(spec));
  params.set("bucket", comparison.bucket);
  params.set("measure", comparison.measure);
  return params;
}
