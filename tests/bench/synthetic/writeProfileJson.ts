import { writeFile } from "node:fs/promises";
import { SyntheticProfileSchema, type SyntheticProfile } from "./profileSchema";

/** The line length that packed word lists wrap at. */
const LINE_WIDTH = 120;

function isFrequencyList(value: unknown): value is [string, number][] {
  return Array.isArray(value) && value.length > 0 && value.every((item) => Array.isArray(item) && item.length === 2 && typeof item[0] === "string" && typeof item[1] === "number");
}

/** Packs items onto lines of at most `LINE_WIDTH` characters between `open` and `close`, or onto one line when they fit. */
function packItems(items: string[], indent: string, open: string, close: string): string {
  const flat = open === "{" ? `{ ${items.join(", ")} }` : `[${items.join(", ")}]`;
  if (indent.length + flat.length <= LINE_WIDTH) return flat;
  const inner = `${indent}  `;
  const lines: string[] = [];
  let line = "";
  for (const item of items) {
    if (line !== "" && inner.length + line.length + 2 + item.length > LINE_WIDTH) {
      lines.push(`${inner}${line},`);
      line = item;
    } else {
      line = line === "" ? item : `${line}, ${item}`;
    }
  }
  lines.push(`${inner}${line}`);
  return `${open}\n${lines.join("\n")}\n${indent}${close}`;
}

function isPlain(value: unknown): boolean {
  return value === null || typeof value !== "object";
}

/** Formats JSON indented by two spaces, with word lists, plain arrays and histograms packed many items to a line. */
function formatValue(value: unknown, indent: string): string {
  if (isFrequencyList(value)) return packItems(value.map(([word, count]) => `[${JSON.stringify(word)}, ${count}]`), indent, "[", "]");
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.every(isPlain)) return packItems(value.map((item) => JSON.stringify(item)), indent, "[", "]");
    return `[\n${value.map((item) => inner + formatValue(item, inner)).join(",\n")}\n${indent}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    if (entries.every(([, item]) => isPlain(item))) return packItems(entries.map(([key, item]) => `${JSON.stringify(key)}: ${JSON.stringify(item)}`), indent, "{", "}");
    return `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${formatValue(item, inner)}`).join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/**
 * Validates a profile and writes it as JSON that stays readable and
 * diffable: two-space indents, and word lists, plain arrays and histograms
 * packed many items to a line.
 */
export async function writeProfileJson(file: string, profile: SyntheticProfile): Promise<void> {
  const valid = SyntheticProfileSchema.parse(profile);
  await writeFile(file, `${formatValue(valid, "")}\n`);
}
