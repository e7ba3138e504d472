// Regenerates the parameter tables of docs/api.md from the OpenAPI document. Run it with `npm run docs:api`.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildOpenApiDocument } from "../lib/openapi/buildOpenApiDocument";
import { writeParameterTables } from "../lib/openapi/writeParameterTables";

const docsPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../docs/api.md");
const current = readFileSync(docsPath, "utf8");
const updated = writeParameterTables(current, buildOpenApiDocument());
if (updated === current) {
  console.log(`${docsPath} is up to date`);
} else {
  writeFileSync(docsPath, updated);
  console.log(`Updated the parameter tables in ${docsPath}`);
}
