import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { buildOpenApiDocument } from "../lib/openapi/buildOpenApiDocument";
import { writeParameterTables } from "../lib/openapi/writeParameterTables";

const docsPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../docs/api.md");
const document = buildOpenApiDocument();

/** Returns a parameter block for the filters and for every route, each with `body` between its markers. */
function allBlocks(body: string): string {
  return ["filter", ...Object.keys(document.paths).map((route) => `GET ${route}`)]
    .map((name) => `<!-- parameters: ${name} -->\n${body}\n<!-- end parameters -->`)
    .join("\n\n");
}

describe("writeParameterTables", () => {
  test("docs/api.md matches the schemas", () => {
    const current = readFileSync(docsPath, "utf8");
    expect(writeParameterTables(current, document), "docs/api.md is out of date with the schemas; run npm run docs:api").toBe(current);
  });

  test("replaces only the text between markers", () => {
    const updated = writeParameterTables(`# Before\n\n${allBlocks("stale table")}\n\nAfter.\n`, document);
    expect(updated).not.toContain("stale table");
    expect(updated.startsWith("# Before\n\n<!-- parameters: filter -->\n| Parameter | Values | Default | Example | Description |\n")).toBe(true);
    expect(updated.endsWith("<!-- end parameters -->\n\nAfter.\n")).toBe(true);
  });

  test("writes a route's own parameters and links the filters", () => {
    const updated = writeParameterTables(allBlocks(""), document);
    const cooccurrence = updated.split("<!-- parameters: GET /api/v1/cooccurrence -->\n")[1]!.split("\n<!-- end parameters -->")[0];
    expect(cooccurrence).toBe(
      [
        "| Parameter | Values | Default | Example | Description |",
        "| --- | --- | --- | --- | --- |",
        "| `format` | `json`, `csv`, `parquet`, `provenance` | `json` |  | The format of the response body: `json`; `csv` or `parquet` for a file download; or `provenance`, the JSON description of where the data of the same query comes from. |",
        "",
        "It also takes every [filter parameter](#filter-parameters).",
      ].join("\n"),
    );
  });

  test("escapes pipes inside table cells", () => {
    const updated = writeParameterTables(allBlocks(""), document);
    expect(updated).toContain("| `term` | list of text of 1 to 200 characters, at most 8; repeat the parameter |  | `term=DPO \\| direct preference optimization` |");
  });

  test("rejects docs without a route's block", () => {
    const withoutCompare = allBlocks("").replace("<!-- parameters: GET /api/v1/compare -->\n\n<!-- end parameters -->", "");
    expect(() => writeParameterTables(withoutCompare, document)).toThrow(
      'docs/api.md has no parameter block for GET /api/v1/compare. Add "<!-- parameters: NAME -->" and "<!-- end parameters -->" on lines of their own to the route\'s section.',
    );
  });

  test("rejects a block that names no route", () => {
    expect(() => writeParameterTables(`${allBlocks("")}\n<!-- parameters: GET /api/v1/nothing -->\n<!-- end parameters -->`, document)).toThrow(
      'docs/api.md has a parameter block "GET /api/v1/nothing" that names no route',
    );
  });
});
