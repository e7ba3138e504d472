import { HttpUrlSchema } from "@alignment-trends/schema";

/**
 * Renders a URL that came from a digest as a link opened without a referrer. The
 * ingest keeps only http(s) URLs, but a database written by an older ingest
 * may hold others, so any other URL (`javascript:`, `data:`) shows as plain
 * text and never becomes an `href`.
 */
export function ExternalLink({ url }: { url: string }) {
  if (!HttpUrlSchema.safeParse(url).success) return <span data-testid="unlinked-url">{url}</span>;
  return (
    <a href={url} rel="noopener noreferrer">
      {url}
    </a>
  );
}
