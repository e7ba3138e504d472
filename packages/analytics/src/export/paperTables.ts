import { columnSpec, selectListSql, type DatasetTableSpec } from "./datasetTableSpec";
import { datedPapersSql } from "./datedPapersSql";

const LINKS_DESCRIPTION = "Each link is a struct of url, kind (code, model, dataset or space) and host.";
const PRIORITY_DESCRIPTION =
  "How much the ingest trusts the digest's format when digests disagree: 50 for the Hugging Face API, 40 for its pages, 30 for digests copied from them, 20 for newsletters and feeds, 10 for curated lists.";

const PAPER_COLUMNS = [
  columnSpec("paper_id", "The paper's id: its arXiv id when known, else t and 16 hex digits of the SHA-256 of title_key."),
  columnSpec("arxiv_id", "The arXiv id without a version; null when no digest gave one."),
  columnSpec("title", "The title, from the most trusted digest that gives one."),
  columnSpec(
    "title_key",
    "The title with HTML entities and LaTeX decoded, case folded, and every run of spaces and punctuation folded into one space; papers without an arXiv id merge on it.",
  ),
  columnSpec("abstract", "The abstract from the most trusted digest that gives one; null when none does."),
  columnSpec("authors", "Author names in the paper's order; null when no digest lists them."),
  columnSpec("authors_count", "Number of authors: the length of authors, else a count a digest gave; null when unknown."),
  columnSpec("published_on", "The publication date; a date known only to the month or year is its first day, and published_precision says so."),
  columnSpec("published_precision", "How much of published_on is known: day, month or year."),
  columnSpec("first_listed_on", "The earliest listing date any digest gave; null when none gave one."),
  columnSpec("upvotes", "The latest upvote count on the Hugging Face Papers page that a digest saw; null when no digest gives upvotes for the paper."),
  columnSpec("upvotes_first_week", "The last upvote count seen within 7 days after first_listed_on; null when no digest saw one then."),
  columnSpec("comments", "The latest comment count on the Hugging Face Papers page; null when unknown."),
  columnSpec("code_url", "Link to the paper's code repository; null when none is known."),
  columnSpec("code_host", "The host of code_url, such as github.com; null when code_url is."),
  columnSpec("project_page", "The paper's project page; null when none is known."),
  columnSpec("keywords", "Keywords a digest gave, such as the AI keywords of the Hugging Face API; null when none did."),
  columnSpec("links", `Every link the digests gave, each once. ${LINKS_DESCRIPTION}`),
  columnSpec(
    "field_sources",
    "For title, abstract, authors, published, upvotes and code, the digest_id of the digest whose value the paper has (see digests); null where no digest gave one.",
  ),
  columnSpec("sightings", "How many digests listed the paper: its rows in sightings."),
  columnSpec("scope", "alignment (alignment research), other-alignment (another sense of the word, such as image registration) or off-topic."),
  columnSpec("updated_at", "When the ingest last merged the paper from its sightings, in the local time of the machine that ran it."),
];

const dated = datedPapersSql();

export const PAPERS_TABLE: DatasetTableSpec = {
  name: "papers",
  kind: "table",
  description: "One row per paper, merged from every digest that listed it: each field from the most trusted digest that gives it.",
  columns: PAPER_COLUMNS,
  monthPartition:
    "The month the paper counts under on the dashboard: of first_listed_on, else published_on. Null for a paper dated only to the year, which no monthly chart counts.",
  query: { sql: `SELECT ${selectListSql(PAPER_COLUMNS, "p")}, p.month\nFROM (${dated.sql}) p`, params: dated.params },
};

const SIGHTING_COLUMNS = [
  columnSpec("paper_id", "The paper the record was merged into (see papers)."),
  columnSpec("digest_id", "The digest file that listed the paper (see digests)."),
  columnSpec("location", "Where the record is in the digest file, such as line 12 or index 3."),
  columnSpec("priority", PRIORITY_DESCRIPTION),
  columnSpec("arxiv_id", "The arXiv id of the paper the record was merged into; null when none is known."),
  columnSpec("title", "The title as the digest gave it."),
  columnSpec("title_key", "The title as papers.title_key normalizes it."),
  columnSpec("abstract", "The abstract as the digest gave it; null when it gave none."),
  columnSpec("authors", "The authors as the digest gave them; null when it gave no complete list."),
  columnSpec("authors_count", "The number of authors the digest gave or listed; null when unknown."),
  columnSpec("published_on", "The publication date the digest gave, as papers.published_on stores it."),
  columnSpec("published_precision", "How much of published_on is known: day, month or year."),
  columnSpec("listed_on", "The day the digest says the paper was listed; null when it gives none."),
  columnSpec("seen_on", "The digest's own date, else listed_on: the day the digest saw the paper. Null for undated digests such as curated lists."),
  columnSpec("upvotes", "The upvote count the digest saw; null when it gives none."),
  columnSpec("comments", "The comment count the digest saw; null when it gives none."),
  columnSpec("code_url", "The code link the digest gave; null when it gave none."),
  columnSpec("code_host", "The host of code_url."),
  columnSpec("project_page", "The project page the digest gave; null when it gave none."),
  columnSpec("keywords", "The keywords the digest gave; null when it gave none."),
  columnSpec("links", `The links the digest gave. ${LINKS_DESCRIPTION}`),
  columnSpec("extra", "Fields of the source record that the product does not use, as JSON text; null when there are none.", "s.extra::VARCHAR"),
];

export const SIGHTINGS_TABLE: DatasetTableSpec = {
  name: "sightings",
  kind: "table",
  description: "One row per paper per digest that listed it, with every value that digest gave; the papers table is merged from these rows.",
  columns: SIGHTING_COLUMNS,
  monthPartition: "The month of seen_on. Null for a sighting without seen_on.",
  query: { sql: `SELECT ${selectListSql(SIGHTING_COLUMNS, "s")}, strftime(s.seen_on, '%Y-%m') AS month\nFROM sightings s` },
};

const DIGEST_COLUMNS = [
  columnSpec("digest_id", "The digest's id, as sightings.digest_id and papers.field_sources use it."),
  columnSpec("path", "The digest file as the ingest read it."),
  columnSpec("content_hash", "SHA-256 of the file's decompressed content in hex, so a file and its gzipped copy are one digest; unreadable:<path> for a file that could not be read."),
  columnSpec("format", "The digest format the file was read as; null when none was detected."),
  columnSpec("priority", `${PRIORITY_DESCRIPTION} Null for a file that failed.`),
  columnSpec("status", "loaded, or failed when the file could not be read at all."),
  columnSpec("error", "Why the file failed; null when it loaded."),
  columnSpec("digest_date", "The digest's own date; null when the file has none."),
  columnSpec("digest_date_source", "Where digest_date comes from: as-of, file name, wrapper date, page header, heading, feed or today."),
  columnSpec("records", "Records read from the file, rejected ones included."),
  columnSpec("new_papers", "Papers the file added to the database."),
  columnSpec("updated_papers", "Papers already in the database that the file listed again."),
  columnSpec("duplicates_in_file", "Records of a paper the file had already listed; only the first counts."),
  columnSpec("rejected", "Records that could not be read; the database keeps them in rejects, which the export leaves out."),
  columnSpec("ingested_at", "When the file was loaded, in the local time of the machine that ran the ingest."),
];

export const DIGESTS_TABLE: DatasetTableSpec = {
  name: "digests",
  kind: "table",
  description: "One row per digest file the ingest read, with its format, date and counts.",
  columns: DIGEST_COLUMNS,
  monthPartition: null,
  query: { sql: `SELECT ${selectListSql(DIGEST_COLUMNS, "d")}\nFROM digests d ORDER BY d.digest_id` },
};
