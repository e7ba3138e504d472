import { MONTHLY_CODE_HOSTS_TABLE, MONTHLY_SUMMARY_TABLE, MONTHLY_TOPIC_PAPERS_TABLE, TEAM_SIZES_TABLE } from "./aggregateTables";
import { BUILD_INFO_TABLE } from "./buildInfoTable";
import type { DatasetTableSpec } from "./datasetTableSpec";
import { DIGESTS_TABLE, PAPERS_TABLE, SIGHTINGS_TABLE } from "./paperTables";
import { PAPER_SCOPES_TABLE, PAPER_TOPICS_TABLE, TOPICS_TABLE } from "./tagTables";

/**
 * The tables of the Parquet dataset in the manifest's order. The per-paper
 * tables are split by month, because readers filter them by date and a large
 * database has many rows per month. The catalogue tables and the aggregates
 * hold one file each: they have at most a few rows per month, and a file per
 * month would leave engines opening hundreds of tiny files.
 */
export const DATASET_TABLES: readonly DatasetTableSpec[] = [
  PAPERS_TABLE,
  SIGHTINGS_TABLE,
  PAPER_TOPICS_TABLE,
  PAPER_SCOPES_TABLE,
  TOPICS_TABLE,
  DIGESTS_TABLE,
  BUILD_INFO_TABLE,
  MONTHLY_SUMMARY_TABLE,
  MONTHLY_TOPIC_PAPERS_TABLE,
  MONTHLY_CODE_HOSTS_TABLE,
  TEAM_SIZES_TABLE,
];

/** The database tables the dataset leaves out, with the reason the manifest gives. */
export const LEFT_OUT_TABLES: readonly { name: string; reason: string }[] = [
  {
    name: "paper_terms",
    reason: "The term index, one row per paper and term of its title and abstract: derived from papers, with many times as many rows.",
  },
  {
    name: "paper_term_texts",
    reason: "Bookkeeping of the term index: the hash of the text each paper's terms come from, and their number.",
  },
  {
    name: "term_months",
    reason: "Papers per date basis, month, scope and term in two or more titles, which emerging terms read: derived from papers and the term index.",
  },
  { name: "term_month_series", reason: "The papers of term_months again, in term order, which the bursts of emerging terms read." },
  { name: "term_month_papers", reason: "Bookkeeping of term_months: the months and scope each paper is counted under." },
  { name: "term_month_terms", reason: "Bookkeeping of term_months: every title term with its id and its number of title papers." },
  { name: "term_month_counted", reason: "Bookkeeping of term_months: the ids and texts of the terms it counts." },
  { name: "rejects", reason: "Records the ingest could not read, with their raw text; list them with npm run ingest -- --rejects." },
];
