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

/**
 * Shows the two windows the analysis compares, with their dates and the
 * papers with an abstract that the shares count, and the thin trailing months
 * left after the recent window, if any.
 */
export function EmergingWindows({ recent, baseline, thinMonths }: { recent: Window; baseline: Window; thinMonths: EmergingTerms["thinMonths"] }) {
  return (
    <>
      <dl className="emerging-windows" data-testid="emerging-windows">
        <WindowFigure name="Baseline window" window={baseline} />
        <WindowFigure name="Recent window" window={recent} />
      </dl>
      {thinMonths && (
        <p className="notice" role="status" data-testid="thin-months">
          {formatMonthRange(thinMonths.from, thinMonths.to)} ({formatInteger(thinMonths.papers)}{" "}
          {thinMonths.papers === 1 ? "paper" : "papers"} with an abstract) has too few papers so far to end the recent window, so the
          windows end before it. Set the To date to include it anyway.
        </p>
      )}
    </>
  );
}
