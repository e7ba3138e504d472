/**
 * Characters that `filename*` must percent-encode beyond what
 * `encodeURIComponent` does, because RFC 5987 leaves them out of `attr-char`.
 */
const EXTRA_ENCODED = /['()*]/gu;

/**
 * Makes a file name safe to save as it is: control characters go, `/` and `\`
 * become `_`, so the name has no folder, and runs of dots become one dot, so
 * it has no `..`. Leading and trailing dots go too, so the file is not hidden
 * and keeps its extension on Windows.
 */
function sanitizeFileName(fileName: string): string {
  return fileName
    .replace(/\p{Cc}/gu, "")
    .replace(/[/\\]/gu, "_")
    .replace(/\.{2,}/gu, ".")
    .replace(/^\.+|\.+$/gu, "");
}

/**
 * Builds an RFC 6266 attachment header; the ASCII fallback keeps the name
 * readable in old clients and `filename*` carries the UTF-8 original. Where
 * the fallback drops the letters of a word, it drops the hyphen before it too,
 * and where it drops a whole part, one of the two `_` around it.
 * The fallback also replaces `"` and `%`, which some clients decode, with `_`,
 * and starts with `download` when no ASCII letter of the name is left.
 */
export function attachmentHeader(fileName: string): string {
  const safeName = sanitizeFileName(fileName) || "download";
  const ascii = safeName
    .normalize("NFKD")
    .replace(/[^\x20-\x7e]/gu, "")
    .replace(/["%]/gu, "_")
    .replace(/-+(?=[_.]|$)/gu, "")
    .replace(/-{2,}/gu, "-")
    .replace(/_{2,}/gu, "_")
    .replace(/\.{2,}/gu, ".");
  const fallback = ascii === "" || ascii.startsWith(".") ? `download${ascii}` : ascii;
  const encoded = encodeURIComponent(safeName).replace(EXTRA_ENCODED, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
