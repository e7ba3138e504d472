import type { PaperDetail, PaperSort, PaperSummary, TopicInfo } from "@alignment-trends/schema";
import { exportColumn } from "./exportColumn";
import type { ExportTable } from "./exportTable";

const SUMMARY_COLUMNS = [
  exportColumn("id", "VARCHAR", null, "The paper's id here: its arXiv id when known, else an id made from its title."),
  exportColumn("arxiv_id", "VARCHAR", null, "The arXiv id; null when no digest gave one."),
  exportColumn("title", "VARCHAR", null, "The title, from the most trusted digest that gives one."),
  exportColumn("published_on", "DATE", null, "The publication date; a date known only to the month or year is its first day, and published_precision says so."),
  exportColumn("published_precision", "VARCHAR", null, "How much of the publication date is known: day, month or year."),
  exportColumn("listed_on", "DATE", null, "The first day a digest listed the paper; null for papers no dated digest listed."),
  exportColumn("authors_count", "INTEGER", "authors", "Number of authors; null when unknown."),
  exportColumn("upvotes", "INTEGER", "upvotes", "The latest upvote count any digest saw; null when no digest gives upvotes for the paper."),
  exportColumn("upvotes_first_week", "INTEGER", "upvotes", "The last upvote count seen within 7 days after first listing; null when no digest saw it then."),
  exportColumn("code_url", "VARCHAR", null, "Link to the paper's code repository; null when none is known."),
  exportColumn("scope", "VARCHAR", null, "alignment (alignment research), other-alignment (another sense of the word) or off-topic."),
  exportColumn("topics", "VARCHAR[]", null, "Ids of the paper's topics in alphabetical order; in CSV separated by ;."),
];

function summaryCells(paper: PaperSummary) {
  return [
    paper.id, paper.arxivId, paper.title, paper.publishedOn, paper.publishedPrecision, paper.listedOn, paper.authorsCount,
    paper.upvotes, paper.upvotesFirstWeek, paper.codeUrl, paper.scope, paper.topics,
  ];
}

const SORT_KEYS: Record<PaperSort, string> = { date: "the date each paper counts under", upvotes: "upvotes", authors: "number of authors" };

/** Lists papers one per row, in the order of the list they come from. */
export function paperListToTable(papers: PaperSummary[], order: { sort: PaperSort; order: "asc" | "desc" }, notes: string[] = []): ExportTable {
  const direction = order.order === "desc" ? "descending" : "ascending";
  return {
    name: "paper-list",
    description: `The papers the filters keep, one per row, sorted by ${SORT_KEYS[order.sort]}, ${direction}, papers without a value last, then by id.`,
    columns: SUMMARY_COLUMNS,
    rows: papers.map(summaryCells),
    notes,
  };
}

/** Writes one paper's full record as a table of one row. */
export function paperDetailToTable(paper: PaperDetail): ExportTable {
  return {
    name: "paper",
    description: "One paper's record, merged from every digest that listed it.",
    columns: [
      ...SUMMARY_COLUMNS.slice(0, 3),
      exportColumn("abstract", "VARCHAR", null, "The abstract; null when no digest gives one."),
      exportColumn("authors", "VARCHAR[]", null, "Author names in the order the paper lists them; in CSV separated by ;."),
      ...SUMMARY_COLUMNS.slice(3, 9),
      exportColumn("comments", "INTEGER", "comments", "Comments on the Hugging Face Papers page; null when unknown."),
      ...SUMMARY_COLUMNS.slice(9),
    ],
    rows: [
      [
        paper.id, paper.arxivId, paper.title, paper.abstract, paper.authors, paper.publishedOn, paper.publishedPrecision, paper.listedOn,
        paper.authorsCount, paper.upvotes, paper.upvotesFirstWeek, paper.comments, paper.codeUrl, paper.scope, paper.topics,
      ],
    ],
    notes: [],
  };
}

/** Lists the topics of the taxonomy, so that the ids in other tables can be read. */
export function topicsToTable(topics: TopicInfo[]): ExportTable {
  return {
    name: "topics",
    description: "The topics of the taxonomy in its order, with the label and description each topic page shows.",
    columns: [
      exportColumn("topic_id", "VARCHAR", null, "The topic's id, as other tables and the topic and allTopics filters use it."),
      exportColumn("label", "VARCHAR", null, "The topic's name."),
      exportColumn("description", "VARCHAR", null, "What the topic covers."),
    ],
    rows: topics.map((topic) => [topic.id, topic.label, topic.description]),
    notes: [],
  };
}
