import type { DataDictionary, DataDictionaryFile, ProvenanceFilters } from "@alignment-trends/schema";

/** Escapes text for one cell of a Markdown table, where `|` would end the cell and a line break the row. */
function cell(text: string): string {
  return text.replaceAll("\\", "\\\\").replaceAll("|", "\\|").replace(/\r?\n/gu, " ");
}

function describeFilters(filters: ProvenanceFilters): string {
  const set = Object.entries(filters).filter(([, value]) => value !== null && !(Array.isArray(value) && value.length === 0));
  return set.map(([name, value]) => `\`${name}\` = ${Array.isArray(value) ? value.join(", ") : String(value)}`).join("; ");
}

function formatTable(files: DataDictionaryFile[]): string[] {
  const [first] = files;
  if (!first) return [];
  const lines = [
    `## ${first.table}`,
    "",
    first.description,
    "",
    `Files: ${files.map((file) => `\`${file.path}\``).join(", ")}. Rows: ${first.rows ?? 0}.`,
    "",
  ];
  for (const note of first.notes) lines.push(`- Note: ${note}`);
  if (first.notes.length > 0) lines.push("");
  lines.push("| Column | Type | Unit | Meaning |", "| --- | --- | --- | --- |");
  for (const column of first.columns) {
    lines.push(`| \`${cell(column.name)}\` | ${column.type} | ${cell(column.unit ?? "")} | ${cell(column.description)} |`);
  }
  lines.push("");
  return lines;
}

/** Writes the data dictionary as Markdown, `DATA-DICTIONARY.md`, from the same object as `data-dictionary.json`. */
export function formatDataDictionary(dictionary: DataDictionary): string {
  const { provenance } = dictionary;
  const filters = describeFilters(provenance.filters);
  const lines = [
    `# ${dictionary.title}: data dictionary`,
    "",
    `Made ${provenance.generatedAt} from database build ${provenance.database.buildId} (built ${provenance.database.builtAt}),`,
    `taxonomy version ${provenance.taxonomyVersion ?? "unknown"}, by the request \`${provenance.request}\`.`,
    "",
    `- Filters: ${filters || "none"}.`,
    `- Period: ${provenance.bucket ?? "none"}. Dates: ${provenance.dateBasis}.`,
    ...provenance.notes.map((note) => `- Note: ${note}`),
    "",
    "## Files",
    "",
    "| File | Rows | Contents |",
    "| --- | --- | --- |",
    ...dictionary.files.map((file) => `| \`${cell(file.path)}\` | ${file.rows ?? ""} | ${cell(file.description)} |`),
    "",
    "## CSV values",
    "",
    "Parquet files keep the types below. CSV files write them as text:",
    "",
    ...dictionary.csvConventions.map((convention) => `- ${convention}`),
    "",
  ];
  const tableNames = [...new Set(dictionary.files.flatMap((file) => (file.table === null ? [] : [file.table])))];
  for (const name of tableNames) lines.push(...formatTable(dictionary.files.filter((file) => file.table === name)));
  return lines.join("\n");
}
