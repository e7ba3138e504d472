interface Props {
  /** The API route that serves the data. */
  path: string;
  /** The route's query string without `format`; may be empty. */
  query: string;
  /** The words before the links. */
  label?: string;
}

/**
 * Links to one view's data as CSV, JSON and Parquet, and to its provenance
 * sidecar. Renders inline elements only, so that the caller's `.downloads`
 * container can hold more download buttons beside them.
 */
export function DownloadLinks({ path, query, label = "Download data:" }: Props) {
  const href = (format: string) => (query ? `${path}?${query}&format=${format}` : `${path}?format=${format}`);
  return (
    <>
      <span>{label}</span>
      <a href={href("csv")} download>
        CSV
      </a>
      <a href={href("json")}>JSON</a>
      <a href={href("parquet")} download>
        Parquet
      </a>
      <a href={href("provenance")} title="Where the data comes from: filters, database build, taxonomy version (JSON)">
        Provenance
      </a>
    </>
  );
}
