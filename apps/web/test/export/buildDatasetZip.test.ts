import { DataDictionarySchema } from "@alignment-trends/schema";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, test } from "vitest";
import { buildDatasetZip } from "../../lib/export/buildDatasetZip";
import type { ExportTable } from "../../lib/export/exportTable";
import { tableToCsv } from "../../lib/export/tableToCsv";
import { SAMPLE_PROVENANCE, SAMPLE_TABLE } from "./sampleTable";

const PAIRS_TABLE: ExportTable = {
  name: "pairs",
  description: "Pairs of topics.",
  columns: [
    { name: "topic_a", type: "VARCHAR", unit: null, description: "First topic." },
    { name: "papers", type: "INTEGER", unit: "papers", description: "Papers with both." },
  ],
  rows: [["rlhf", 4]],
  notes: [],
};

async function unpack(): Promise<Record<string, Uint8Array>> {
  return unzipSync(await buildDatasetZip([SAMPLE_TABLE, PAIRS_TABLE], SAMPLE_PROVENANCE, "dataset-folder"));
}

describe("buildDatasetZip", () => {
  test("packs every table as CSV and Parquet with the side files", async () => {
    const files = await unpack();
    expect(Object.keys(files).sort()).toEqual(
      [
        "dataset-folder/",
        "dataset-folder/DATA-DICTIONARY.md",
        "dataset-folder/data-dictionary.json",
        "dataset-folder/pairs.csv",
        "dataset-folder/pairs.parquet",
        "dataset-folder/provenance.json",
        "dataset-folder/sample.csv",
        "dataset-folder/sample.parquet",
      ].sort(),
    );
    // TextDecoder drops a byte order mark, so the test compares bytes.
    expect(Buffer.from(files["dataset-folder/sample.csv"]!)).toEqual(Buffer.from(tableToCsv(SAMPLE_TABLE), "utf8"));
    expect(strFromU8(files["dataset-folder/sample.parquet"]!.subarray(0, 4))).toBe("PAR1");
    expect(JSON.parse(strFromU8(files["dataset-folder/provenance.json"]!))).toEqual(SAMPLE_PROVENANCE);
  });

  test("dictionary lists every file and column", async () => {
    const files = await unpack();
    const dictionary = DataDictionarySchema.parse(JSON.parse(strFromU8(files["dataset-folder/data-dictionary.json"]!)));
    expect(dictionary.provenance).toEqual(SAMPLE_PROVENANCE);
    const packed = Object.keys(files).filter((path) => !path.endsWith("/"));
    expect(dictionary.files.map((file) => `dataset-folder/${file.path}`).sort()).toEqual(packed.sort());
    for (const file of dictionary.files.filter((entry) => entry.table === "sample")) {
      expect(file.columns, file.path).toEqual(SAMPLE_TABLE.columns);
      expect(file.rows, file.path).toBe(3);
      expect(file.notes, file.path).toEqual(["One note."]);
    }
    expect(dictionary.files.find((file) => file.path === "pairs.parquet")).toEqual({
      path: "pairs.parquet",
      format: "parquet",
      table: "pairs",
      description: "Pairs of topics.",
      rows: 1,
      columns: PAIRS_TABLE.columns,
      notes: [],
    });
  });

  test("Markdown dictionary escapes pipes in tables", async () => {
    const markdown = strFromU8((await unpack())["dataset-folder/DATA-DICTIONARY.md"]!);
    expect(markdown).toContain(
      [
        "## pairs",
        "",
        "Pairs of topics.",
        "",
        "Files: `pairs.csv`, `pairs.parquet`. Rows: 1.",
        "",
        "| Column | Type | Unit | Meaning |",
        "| --- | --- | --- | --- |",
        "| `topic_a` | VARCHAR |  | First topic. |",
        "| `papers` | INTEGER | papers | Papers with both. |",
      ].join("\n"),
    );
    expect(markdown).toContain("| `label` | VARCHAR |  | A label \\| with a pipe. |");
    expect(markdown).toContain("- Note: One note.");
    expect(markdown).toContain("- Filters: `topic` = rlhf; `dateBasis` = listed; `upvoteBasis` = latest.");
  });
});
