import { createHash } from "node:crypto";
import { collapseWhitespace } from "./collapseWhitespace";

/**
 * Returns the form of a title that identifies a paper when no arXiv id is
 * known: Unicode NFC, whitespace folded, case folded.
 */
export function titleKey(title: string): string {
  return collapseWhitespace(title.normalize("NFC")).toLowerCase();
}

/** Returns the paper id of a paper known only by its title: `t` and 16 hex digits of the key's SHA-256. */
export function paperIdFromTitleKey(key: string): string {
  return `t${createHash("sha256").update(key).digest("hex").slice(0, 16)}`;
}
