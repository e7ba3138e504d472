import type { EmergingTerms } from "@alignment-trends/analytics";
import { formatInteger } from "@/lib/format";
import { formatMonthRange } from "@/lib/formatMonthRange";

type Window = EmergingTerms["recent"];

function WindowFigure({ name, window }: { name: string; window: Window }) {
  return (
    <div>
      <dt>{name}</dt>
      <dd className="window-months">{formatMonthRange(window.from, window.to)}</dd>
      <dd className="window-detail">
        {window.from} to {window.to} · {formatInteger(window.papers)} {window.papers === 1 ? "paper" : "papers"} with an abstract
      </dd>
    </div>
  );
}

/** Shows the two windows the analysis compares, with their dates and the papers with an abstract that the shares count. */
export function EmergingWindows({ recent, baseline }: { recent: Window; baseline: Window }) {
  return (
    <dl className="emerging-windows" data-testid="emerging-windows">
      <WindowFigure name="Baseline window" window={baseline} />
      <WindowFigure name="Recent window" window={recent} />
    </dl>
  );
}
