import type { ReactNode } from "react";
import { DownloadLinks } from "./DownloadLinks";
import { ChartImageButtons } from "./ChartImageButtons";

interface Props {
  id: string;
  title: string;
  description: string;
  /** Query string of the API route for this chart's data, without `format`. */
  dataQuery: string;
  /** The API route that serves the data; the trends route unless given. */
  dataPath?: string;
  chart: ReactNode;
  table: ReactNode;
  /** The reason the chart has nothing to draw. The card shows it in place of empty axes. */
  emptyMessage?: string | null;
}

/**
 * Renders a chart with its description, its data as CSV, JSON and Parquet
 * with provenance, its image as SVG and PNG, and a data table of drill-down links.
 */
export function ChartCard({ id, title, description, dataQuery, dataPath = "/api/v1/trends", chart, table, emptyMessage }: Props) {
  return (
    <section className="chart-card" aria-labelledby={`${id}-title`} data-testid={`card-${id}`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="description">{description}</p>
      {emptyMessage ? (
        <p className="chart-empty" role="status" data-testid={`empty-${id}`}>
          {emptyMessage}
        </p>
      ) : (
        chart
      )}
      <div className="downloads">
        <DownloadLinks path={dataPath} query={dataQuery} />
        <ChartImageButtons title={title} />
      </div>
      <details>
        <summary>Data table</summary>
        <div className="table-scroll">{table}</div>
      </details>
    </section>
  );
}
