import type { DuckDBAppender, DuckDBConnection } from "@duckdb/node-api";
import type { PaperRecord } from "@alignment-trends/schema";
import { paperIdFromTitleKey, titleKey } from "../normalize/titleKey";

/** Temporary tables that hold one digest's records while they merge into the papers. */
const STAGING_STATEMENTS = [
  `CREATE OR REPLACE TEMP TABLE staged_records (
    row_no INTEGER, location VARCHAR, arxiv_id VARCHAR, new_paper_id VARCHAR, title VARCHAR, title_key VARCHAR,
    abstract VARCHAR, authors_count INTEGER, published_on DATE, published_precision VARCHAR, listed_on DATE,
    upvotes INTEGER, comments INTEGER, code_url VARCHAR, code_host VARCHAR, project_page VARCHAR,
    has_authors BOOLEAN, has_keywords BOOLEAN
  )`,
  "CREATE OR REPLACE TEMP TABLE staged_authors (row_no INTEGER, position INTEGER, name VARCHAR)",
  "CREATE OR REPLACE TEMP TABLE staged_keywords (row_no INTEGER, keyword VARCHAR)",
  "CREATE OR REPLACE TEMP TABLE staged_links (row_no INTEGER, url VARCHAR, kind VARCHAR, host VARCHAR)",
];

function appendText(appender: DuckDBAppender, value: string | null): void {
  if (value === null) appender.appendNull();
  else appender.appendVarchar(value);
}

function appendInteger(appender: DuckDBAppender, value: number | null): void {
  if (value === null) appender.appendNull();
  else appender.appendInteger(value);
}

/**
 * Writes a digest's records into fresh staging tables, numbering them in file
 * order. Dates go in as `YYYY-MM-DD` text and DuckDB casts them, so no time
 * zone touches them.
 */
export async function stageRecords(connection: DuckDBConnection, records: PaperRecord[]): Promise<void> {
  for (const statement of STAGING_STATEMENTS) await connection.run(statement);
  const recordAppender = await connection.createAppender("staged_records", "main", "temp");
  const authorAppender = await connection.createAppender("staged_authors", "main", "temp");
  const keywordAppender = await connection.createAppender("staged_keywords", "main", "temp");
  const linkAppender = await connection.createAppender("staged_links", "main", "temp");

  records.forEach((record, rowNo) => {
    const key = titleKey(record.title);
    const codeLink = record.links.find((link) => link.url === record.codeUrl);
    recordAppender.appendInteger(rowNo);
    recordAppender.appendVarchar(record.location);
    appendText(recordAppender, record.arxivId);
    recordAppender.appendVarchar(record.arxivId ?? paperIdFromTitleKey(key));
    recordAppender.appendVarchar(record.title);
    recordAppender.appendVarchar(key);
    appendText(recordAppender, record.abstract);
    appendInteger(recordAppender, record.authors?.length ?? record.authorsCount);
    appendText(recordAppender, record.publishedOn?.date ?? null);
    appendText(recordAppender, record.publishedOn?.precision ?? null);
    appendText(recordAppender, record.listedOn);
    appendInteger(recordAppender, record.upvotes);
    appendInteger(recordAppender, record.comments);
    appendText(recordAppender, record.codeUrl);
    appendText(recordAppender, codeLink?.host ?? null);
    appendText(recordAppender, record.projectPage);
    recordAppender.appendBoolean(record.authors !== null);
    recordAppender.appendBoolean(record.aiKeywords !== null);
    recordAppender.endRow();

    record.authors?.forEach((name, position) => {
      authorAppender.appendInteger(rowNo);
      authorAppender.appendInteger(position);
      authorAppender.appendVarchar(name);
      authorAppender.endRow();
    });
    record.aiKeywords?.forEach((keyword) => {
      keywordAppender.appendInteger(rowNo);
      keywordAppender.appendVarchar(keyword);
      keywordAppender.endRow();
    });
    record.links.forEach((link) => {
      linkAppender.appendInteger(rowNo);
      linkAppender.appendVarchar(link.url);
      linkAppender.appendVarchar(link.kind);
      linkAppender.appendVarchar(link.host);
      linkAppender.endRow();
    });
  });

  for (const appender of [recordAppender, authorAppender, keywordAppender, linkAppender]) appender.closeSync();
}
