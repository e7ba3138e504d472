import { createHash } from "node:crypto";
import { decodeHTML } from "entities";
import { decodeLatex } from "./decodeLatex";

/**
 * Returns the form of a title that identifies a paper when no arXiv id is
 * known: HTML entities decoded once, Unicode NFC, LaTeX turned into text,
 * case folded, and every run of spaces and punctuation folded into one space,
 * so that the same title copied by different digests yields the same key.
 */
export function titleKey(title: string): string {
  const text = decodeLatex(decodeHTML(title).normalize("NFC"));
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Returns the paper id of a paper known only by its title: `t` and 16 hex digits of the key's SHA-256. */
export function paperIdFromTitleKey(key: string): string {
  return `t${createHash("sha256").update(key).digest("hex").slice(0, 16)}`;
}
