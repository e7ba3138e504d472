import { MAX_PAPER_EXPORT_ROWS, type TrendFilter } from "@alignment-trends/schema";
import { filterToParams } from "@/lib/filterParams";
import { formatInteger } from "@/lib/format";
import { DownloadLinks } from "./DownloadLinks";

interface Props {
  filter: TrendFilter;
  /** How many papers the filter keeps. */
  total: number;
  sort: "date" | "upvotes" | "authors";
  order: "asc" | "desc";
}

/**
 * Links to the whole list of papers a filter keeps, not only the page shown,
 * as CSV, JSON and Parquet. The link text states when the list is longer
 * than one download can contain.
 */
export function PaperListDownloads({ filter, total, sort, order }: Props) {
  const params = filterToParams(filter);
  params.set("sort", sort);
  params.set("order", order);
  params.set("limit", "all");
  const capped = total > MAX_PAPER_EXPORT_ROWS;
  const label = capped
    ? `Download the first ${formatInteger(MAX_PAPER_EXPORT_ROWS)} of ${formatInteger(total)} papers (the most one download holds):`
    : `Download all ${formatInteger(total)} ${total === 1 ? "paper" : "papers"}:`;
  return (
    <div className="downloads" data-testid="paper-list-downloads">
      <DownloadLinks path="/api/v1/papers" query={params.toString()} label={label} />
    </div>
  );
}
