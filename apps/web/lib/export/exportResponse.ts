import type { ExportFormat, Provenance, ProvenanceSidecar } from "@alignment-trends/schema";
import { attachmentHeader } from "./attachmentHeader";
import { buildExportFileName, type ExportFileNameParts } from "./buildExportFileName";
import type { ExportTable } from "./exportTable";
import { tableToCsv } from "./tableToCsv";
import { tableToParquet } from "./tableToParquet";

/** The media type of Parquet files, as registered with IANA. */
export const PARQUET_CONTENT_TYPE = "application/vnd.apache.parquet";

export interface ExportInput {
  format: ExportFormat;
  table: ExportTable;
  provenance: Provenance;
  fileName: ExportFileNameParts;
  /** The route's JSON body; the JSON response adds `provenance` to it. */
  json: Record<string, unknown>;
  /** The request URL, from which the link to the provenance sidecar is made. */
  url: URL;
}

/** Returns the key-value metadata that every Parquet download carries: the provenance and the table's columns, as JSON text. */
export function parquetMetadata(table: ExportTable, provenance: Provenance): Record<string, string> {
  return {
    provenance: JSON.stringify(provenance),
    table: table.name,
    description: table.description,
    columns: JSON.stringify(table.columns),
    notes: JSON.stringify(table.notes),
  };
}

/** Returns the provenance sidecar: the provenance and the table's columns, which a CSV file cannot carry itself. */
export function provenanceSidecar(table: ExportTable, provenance: Provenance): ProvenanceSidecar {
  return {
    provenance,
    table: { name: table.name, description: table.description, columns: table.columns, notes: table.notes },
  };
}

/** Builds an RFC 8288 link from a download to its provenance sidecar, the same request with `format=provenance`. */
function provenanceLink(url: URL): string {
  const sidecar = new URL(url);
  sidecar.searchParams.set("format", "provenance");
  return `<${sidecar.pathname}${sidecar.search}>; rel="describedby"; type="application/json"`;
}

/**
 * Builds the response to a data request in the requested format. JSON is the route's own
 * body with `provenance` added. CSV stays a plain table for spreadsheets, so
 * its provenance is in the sidecar that the `Link` header points to.
 * Parquet carries the provenance in its key-value metadata and links the
 * sidecar too.
 */
export async function exportResponse(input: ExportInput): Promise<Response> {
  const { format, table, provenance } = input;
  switch (format) {
    case "json":
      return Response.json({ ...input.json, provenance });
    case "provenance":
      return Response.json(provenanceSidecar(table, provenance));
    case "csv":
      return new Response(tableToCsv(table), {
        headers: {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": attachmentHeader(buildExportFileName(input.fileName, "csv")),
          Link: provenanceLink(input.url),
        },
      });
    case "parquet": {
      const bytes = await tableToParquet(table, parquetMetadata(table, provenance));
      return new Response(bytes, {
        headers: {
          "Content-Type": PARQUET_CONTENT_TYPE,
          "Content-Disposition": attachmentHeader(buildExportFileName(input.fileName, "parquet")),
          Link: provenanceLink(input.url),
        },
      });
    }
  }
}
