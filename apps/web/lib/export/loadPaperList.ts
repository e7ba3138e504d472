import { listPapers, type PaperListOptions } from "@alignment-trends/analytics";
import { MAX_PAPER_EXPORT_ROWS, type PaperPage, type ProvenanceRows, type TrendFilter } from "@alignment-trends/schema";
import type { DuckDBConnection } from "@duckdb/node-api";
import { formatInteger } from "../format";

export interface PaperListRequest extends Omit<PaperListOptions, "limit"> {
  /** The page size, or `all` for every paper from the offset on, up to `maxRows`. */
  limit: number | "all";
}

export interface LoadedPaperList {
  page: PaperPage;
  rows: ProvenanceRows;
  /** Says so when the download limit cut the list; empty otherwise. */
  notes: string[];
}

/**
 * Loads one page of the papers a filter keeps, or with `limit: "all"` the
 * whole list up to `maxRows` (`MAX_PAPER_EXPORT_ROWS` unless given), and
 * reports whether the limit cut it.
 */
export async function loadPaperList(
  connection: DuckDBConnection,
  filter: TrendFilter,
  request: PaperListRequest,
  maxRows = MAX_PAPER_EXPORT_ROWS,
): Promise<LoadedPaperList> {
  const limit = request.limit === "all" ? maxRows : request.limit;
  const page = await listPapers(connection, filter, { ...request, limit });
  const available = Math.max(0, page.total - request.offset);
  const truncated = request.limit === "all" && available > limit;
  const notes = truncated
    ? [
        `The list holds the first ${formatInteger(limit)} of ${formatInteger(available)} papers, the most one download holds; narrow the filters, or download the rest with offset=${request.offset + limit}.`,
      ]
    : [];
  return { page, rows: { total: page.total, included: page.papers.length, offset: request.offset, limit, truncated }, notes };
}
