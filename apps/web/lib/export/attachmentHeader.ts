/**
 * Builds an RFC 6266 attachment header; the ASCII fallback keeps the name
 * readable in old clients and `filename*` carries the UTF-8 original. Where
 * the fallback drops the letters of a word, it drops the hyphen before it too.
 */
export function attachmentHeader(fileName: string): string {
  const fallback =
    fileName
      .normalize("NFKD")
      .replace(/[^\x20-\x7e]/gu, "")
      .replace(/["\\/]/gu, "_")
      .replace(/-+(?=[_.]|$)/gu, "")
      .replace(/-{2,}/gu, "-") || "download";
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
