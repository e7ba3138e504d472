import type { Provenance } from "@alignment-trends/schema";
import { strToU8, zipSync, type Zippable } from "fflate";
import { buildDataDictionary } from "./buildDataDictionary";
import { parquetMetadata } from "./exportResponse";
import type { ExportTable } from "./exportTable";
import { formatDataDictionary } from "./formatDataDictionary";
import { tableToCsv } from "./tableToCsv";
import { tableToParquet } from "./tableToParquet";

/**
 * Packs every table as CSV and Parquet, with `provenance.json` and the data
 * dictionary as JSON and Markdown, into one ZIP archive. The files sit in
 * one folder named `folder`, so that unpacking the archive makes one folder.
 * Parquet files are stored as they are, because they are compressed already.
 */
export async function buildDatasetZip(tables: ExportTable[], provenance: Provenance, folder: string): Promise<Uint8Array<ArrayBuffer>> {
  const dictionary = buildDataDictionary(tables, provenance);
  const modified = new Date(provenance.generatedAt);
  const files: Zippable = {
    "provenance.json": strToU8(`${JSON.stringify(provenance, null, 2)}\n`),
    "data-dictionary.json": strToU8(`${JSON.stringify(dictionary, null, 2)}\n`),
    "DATA-DICTIONARY.md": strToU8(formatDataDictionary(dictionary)),
  };
  for (const table of tables) {
    files[`${table.name}.csv`] = strToU8(tableToCsv(table));
    files[`${table.name}.parquet`] = [await tableToParquet(table, parquetMetadata(table, provenance)), { level: 0 }];
  }
  // fflate allocates its output on a plain ArrayBuffer, never a SharedArrayBuffer.
  return zipSync({ [folder]: files }, { level: 6, mtime: modified }) as Uint8Array<ArrayBuffer>;
}
