import type { ReactNode } from "react";

interface Props {
  id: string;
  title: string;
  description: string;
  /** Query string of the trends API for this chart's data, without `format`. */
  dataQuery: string;
  chart: ReactNode;
  table: ReactNode;
}

/** A chart with its description, its data as CSV and JSON, and its data as a table of drill-down links. */
export function ChartCard({ id, title, description, dataQuery, chart, table }: Props) {
  return (
    <section className="chart-card" aria-labelledby={`${id}-title`} data-testid={`card-${id}`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="description">{description}</p>
      {chart}
      <div className="downloads">
        <span>Download data:</span>
        <a href={`/api/v1/trends?${dataQuery}&format=csv`} download>
          CSV
        </a>
        <a href={`/api/v1/trends?${dataQuery}&format=json`}>JSON</a>
      </div>
      <details>
        <summary>Data table</summary>
        <div className="table-scroll">{table}</div>
      </details>
    </section>
  );
}
