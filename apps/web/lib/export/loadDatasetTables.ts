import { countLeftOutPapers, getTopicCooccurrence, listTopics } from "@alignment-trends/analytics";
import type { Bucket, ProvenanceRows, TrendFilter, TrendMetric } from "@alignment-trends/schema";
import type { DuckDBConnection } from "@duckdb/node-api";
import { loadTrend } from "../loadTrend";
import { cooccurrenceToTable } from "./analysisTables";
import { describeLeftOut } from "./describeLeftOut";
import type { ExportTable } from "./exportTable";
import { loadPaperList } from "./loadPaperList";
import { paperListToTable, topicsToTable } from "./paperTables";
import { trendToTable } from "./trendToTable";

/** The trend metrics of the dataset, in the order of its dictionary. */
const DATASET_METRICS: readonly TrendMetric[] = ["papers", "authors", "team-sizes", "code", "upvotes", "scope-shares"];

export interface DatasetTables {
  tables: ExportTable[];
  /** Row counts of the paper list, which ends after `MAX_PAPER_EXPORT_ROWS` papers. */
  paperRows: ProvenanceRows;
}

/**
 * Loads every aggregate table of the dashboard for one filter and bucket, the
 * topic co-occurrence, the topics, and the list of papers (newest first, up
 * to the download limit), each with the notes on what it leaves out. The
 * caller checks the topics and the period count first, as the trends route does.
 */
export async function loadDatasetTables(connection: DuckDBConnection, filter: TrendFilter, bucket: Bucket): Promise<DatasetTables> {
  const tables = [topicsToTable(await listTopics(connection, { ...filter, topics: [] }))];

  const leftOut = await countLeftOutPapers(connection, filter, bucket);
  const perPeriodNotes = describeLeftOut(leftOut, filter, bucket);
  const undatedNotes = describeLeftOut(leftOut, filter, null);
  const scopeShareFilter = { ...filter, scope: undefined };
  const scopeShareNotes = describeLeftOut(await countLeftOutPapers(connection, scopeShareFilter, bucket), scopeShareFilter, bucket);
  // Team sizes have no periods, and scope shares ignore the scope filter, so each leaves out other papers.
  const notesByMetric: Partial<Record<TrendMetric, string[]>> = { "team-sizes": undatedNotes, "scope-shares": scopeShareNotes };
  for (const metric of DATASET_METRICS) {
    const table = trendToTable(await loadTrend(connection, metric, filter, bucket), filter, bucket);
    table.notes = notesByMetric[metric] ?? perPeriodNotes;
    tables.push(table);
  }

  tables.push(cooccurrenceToTable(await getTopicCooccurrence(connection, filter)));
  const order = { sort: "date", order: "desc" } as const;
  const papers = await loadPaperList(connection, filter, { ...order, limit: "all", offset: 0 });
  tables.push(paperListToTable(papers.page.papers, order, papers.notes));
  return { tables, paperRows: papers.rows };
}
