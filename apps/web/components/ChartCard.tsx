import type { ReactNode } from "react";
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
}

/** A chart with its description, its data as CSV and JSON, and its data as a table of drill-down links. */
export function ChartCard({ id, title, description, dataQuery, dataPath = "/api/v1/trends", chart, table }: Props) {
  return (
    <section className="chart-card" aria-labelledby={`${id}-title`} data-testid={`card-${id}`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="description">{description}</p>
      {chart}
      <div className="downloads">
        <span>Download data:</span>
        <a href={`${dataPath}?${dataQuery}&format=csv`} download>
          CSV
        </a>
        <a href={`${dataPath}?${dataQuery}&format=json`}>JSON</a>
        <ChartImageButtons title={title} />
      </div>
      <details>
        <summary>Data table</summary>
        <div className="table-scroll">{table}</div>
      </details>
    </section>
  );
}
