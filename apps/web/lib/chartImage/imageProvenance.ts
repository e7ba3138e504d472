/** Provenance of an image, the page and the time it was made, for its caption, its `<desc>` and its file name. */
export interface ImageProvenance {
  /** The local date, as YYYY-MM-DD. */
  date: string;
  /** "Alignment Trends, <date> · <host><path>?<query>", the query decoded to be readable. */
  caption: string;
  /** The page's full address and the time the image was made. */
  description: string;
}

/** Formats a date as YYYY-MM-DD in the local time zone. */
function localDate(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Describes an image made now from the page at `url`. The caption shows the
 * query with `+` and percent escapes decoded, so that filters read as the
 * form shows them. A page without a query shows "(default filters)".
 */
export function imageProvenance(url: URL, now: Date, chartDescription = ""): ImageProvenance {
  const date = localDate(now);
  const query = [...url.searchParams].map(([name, value]) => `${name}=${value}`).join("&");
  const caption = `Alignment Trends, ${date} · ${url.host}${url.pathname}${query ? `?${query}` : " (default filters)"}`;
  const description = [chartDescription.trim(), `Source: ${url.href}`, `Made ${now.toISOString()}.`].filter((part) => part !== "").join(" ");
  return { date, caption, description };
}
