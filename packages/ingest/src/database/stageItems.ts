import {
  LIST,
  listValue,
  STRUCT,
  structValue,
  VARCHAR,
  type DuckDBAppender,
  type DuckDBConnection,
} from "@duckdb/node-api";
import type { PaperRecord, RejectedRecord } from "@alignment-trends/schema";
import type { ParsedItem } from "../formats/digestParser";
import { paperIdFromTitleKey, titleKey } from "../normalize/titleKey";

/** Temporary tables that hold one load's records and rejects while they merge into the database. */
const STAGING_STATEMENTS = [
  `CREATE OR REPLACE TEMP TABLE staged_records (
    row_no BIGINT, digest_id INTEGER, priority INTEGER, location VARCHAR, arxiv_id VARCHAR, new_paper_id VARCHAR,
    title VARCHAR, title_key VARCHAR, abstract VARCHAR, authors VARCHAR[], authors_count INTEGER,
    published_on DATE, published_precision VARCHAR, listed_on DATE, seen_on DATE, upvotes INTEGER, comments INTEGER,
    code_url VARCHAR, code_host VARCHAR, project_page VARCHAR, keywords VARCHAR[],
    links STRUCT(url VARCHAR, kind VARCHAR, host VARCHAR)[], extra VARCHAR
  )`,
  "CREATE OR REPLACE TEMP TABLE staged_rejects (digest_id INTEGER, location VARCHAR, reason VARCHAR, detail VARCHAR, raw VARCHAR)",
];

const TEXT_LIST = LIST(VARCHAR);
const LINK_LIST = LIST(STRUCT({ url: VARCHAR, kind: VARCHAR, host: VARCHAR }));

/** The digest a load stages records for. */
export interface StagingDigest {
  digestId: number;
  priority: number;
  /** The day the digest was captured; the day its upvote counts were seen. */
  digestDate: string | null;
}

/** Counts of records and rejects that staging saw while it streamed a digest's items. */
export interface StagedCounts {
  records: number;
  rejected: number;
  rejectedByReason: Record<string, number>;
}

function appendText(appender: DuckDBAppender, value: string | null | undefined): void {
  if (value === null || value === undefined) appender.appendNull();
  else appender.appendVarchar(value);
}

function appendInteger(appender: DuckDBAppender, value: number | null | undefined): void {
  if (value === null || value === undefined) appender.appendNull();
  else appender.appendInteger(value);
}

function appendTextList(appender: DuckDBAppender, values: string[] | null): void {
  if (values === null) appender.appendNull();
  else appender.appendList(listValue(values), TEXT_LIST);
}

/** Numbers staged records for the life of the process, so that within any load a row number names one record. */
let nextRowNumber = 0n;

function appendRecord(appender: DuckDBAppender, digest: StagingDigest, record: PaperRecord): void {
  const key = titleKey(record.title);
  const codeLink = record.links.find((link) => link.url === record.codeUrl);
  appender.appendBigInt(nextRowNumber);
  nextRowNumber += 1n;
  appender.appendInteger(digest.digestId);
  appender.appendInteger(digest.priority);
  appender.appendVarchar(record.location);
  appendText(appender, record.arxivId);
  appender.appendVarchar(record.arxivId ?? paperIdFromTitleKey(key));
  appender.appendVarchar(record.title);
  appender.appendVarchar(key);
  appendText(appender, record.abstract);
  appendTextList(appender, record.authors);
  appendInteger(appender, record.authorsCount);
  // Dates go in as `YYYY-MM-DD` text that DuckDB casts, so no time zone touches them.
  appendText(appender, record.publishedOn?.date);
  appendText(appender, record.publishedOn?.precision);
  appendText(appender, record.listedOn);
  appendText(appender, digest.digestDate ?? record.listedOn);
  appendInteger(appender, record.upvotes);
  appendInteger(appender, record.comments);
  appendText(appender, record.codeUrl);
  appendText(appender, codeLink?.host);
  appendText(appender, record.projectPage);
  appendTextList(appender, record.aiKeywords);
  appender.appendList(listValue(record.links.map((link) => structValue({ url: link.url, kind: link.kind, host: link.host }))), LINK_LIST);
  appendText(appender, record.extra === null ? null : JSON.stringify(record.extra));
  appender.endRow();
}

function appendReject(appender: DuckDBAppender, digestId: number, reject: RejectedRecord): void {
  appender.appendInteger(digestId);
  appender.appendVarchar(reject.location);
  appender.appendVarchar(reject.reason);
  appender.appendVarchar(reject.detail);
  appendText(appender, reject.raw);
  appender.endRow();
}

/** Creates empty staging tables for one load, replacing those of the previous load. */
export async function createStagingTables(connection: DuckDBConnection): Promise<void> {
  for (const statement of STAGING_STATEMENTS) await connection.run(statement);
}

/**
 * Streams a digest's items into the staging tables, numbering records in file
 * order. The appenders write in chunks, so memory does not grow with the
 * file. Returns the counts of records and rejects.
 */
export async function stageItems(connection: DuckDBConnection, digest: StagingDigest, items: AsyncIterable<ParsedItem>): Promise<StagedCounts> {
  const records = await connection.createAppender("staged_records", "main", "temp");
  const rejects = await connection.createAppender("staged_rejects", "main", "temp");
  const counts: StagedCounts = { records: 0, rejected: 0, rejectedByReason: {} };
  try {
    for await (const item of items) {
      if ("record" in item) {
        appendRecord(records, digest, item.record);
        counts.records += 1;
      } else {
        appendReject(rejects, digest.digestId, item.reject);
        counts.rejected += 1;
        counts.rejectedByReason[item.reject.reason] = (counts.rejectedByReason[item.reject.reason] ?? 0) + 1;
      }
    }
  } finally {
    records.closeSync();
    rejects.closeSync();
  }
  return counts;
}

