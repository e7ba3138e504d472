import { columnSpec, selectListSql, type ColumnSpec, type DatasetTableSpec } from "./datasetTableSpec";
import { datedPapersSql } from "./datedPapersSql";

const PAPER_MONTH_DESCRIPTION = "The month of the tagged paper, as papers.month.";
const TAXONOMY_VERSION_DESCRIPTION = "The version of the taxonomy whose rules made the tag.";

const dated = datedPapersSql();

/** Returns the SELECT of a table of per-paper tags with the month of each tag's paper; a tag without its paper gets a null month. */
function tagsByPaperMonthSql(table: string, columns: ColumnSpec[]): string {
  return `SELECT ${selectListSql(columns, "t")}, p.month
FROM ${table} t LEFT JOIN (${dated.sql}) p ON p.paper_id = t.paper_id`;
}

const TOPIC_COLUMNS = [
  columnSpec("topic_id", "The topic's id, as paper_topics and the dashboard's topic filter use it."),
  columnSpec("label", "The topic's name."),
  columnSpec("description", "What the topic covers."),
  columnSpec("position", "The topic's place in the taxonomy's order, from 0."),
  columnSpec("rules", "The phrases and conditions that tag a paper with the topic, as JSON text in the form of taxonomy.json.", "t.rules::VARCHAR"),
];

export const TOPICS_TABLE: DatasetTableSpec = {
  name: "topics",
  kind: "table",
  description: "The topics of the taxonomy in its order, with the rules that tag them.",
  columns: TOPIC_COLUMNS,
  monthPartition: null,
  query: { sql: `SELECT ${selectListSql(TOPIC_COLUMNS, "t")}\nFROM topics t ORDER BY t.position` },
};

const PAPER_TOPIC_COLUMNS = [
  columnSpec("paper_id", "The tagged paper (see papers)."),
  columnSpec("topic_id", "The topic (see topics)."),
  columnSpec("evidence", "The phrases that gave the topic, each followed by where it matched, such as safety (title)."),
  columnSpec("taxonomy_version", TAXONOMY_VERSION_DESCRIPTION),
];

export const PAPER_TOPICS_TABLE: DatasetTableSpec = {
  name: "paper_topics",
  kind: "table",
  description: "One row per paper and topic it is tagged with; a paper may have several topics or none.",
  columns: PAPER_TOPIC_COLUMNS,
  monthPartition: PAPER_MONTH_DESCRIPTION,
  query: { sql: tagsByPaperMonthSql("paper_topics", PAPER_TOPIC_COLUMNS), params: dated.params },
};

const PAPER_SCOPE_COLUMNS = [
  columnSpec("paper_id", "The tagged paper (see papers)."),
  columnSpec("scope", "alignment, other-alignment or off-topic, as papers.scope."),
  columnSpec("evidence", "The phrases that decided the scope, each followed by where it matched, such as safety (title); empty when no phrase matched."),
  columnSpec("taxonomy_version", TAXONOMY_VERSION_DESCRIPTION),
];

export const PAPER_SCOPES_TABLE: DatasetTableSpec = {
  name: "paper_scopes",
  kind: "table",
  description: "One row per paper with the scope the taxonomy gave it and the phrases that decided it.",
  columns: PAPER_SCOPE_COLUMNS,
  monthPartition: PAPER_MONTH_DESCRIPTION,
  query: { sql: tagsByPaperMonthSql("paper_scopes", PAPER_SCOPE_COLUMNS), params: dated.params },
};
