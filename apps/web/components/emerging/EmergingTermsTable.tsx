import type { EmergingTerm, EmergingTerms } from "@alignment-trends/analytics";
import type { TrendFilter } from "@alignment-trends/schema";
import { CountLink } from "@/components/tables/CountLink";
import { drillDownHref } from "@/lib/filterParams";
import { termCompareHref, termPapersHref } from "@/lib/emergingLinks";
import { formatDecimal } from "@/lib/format";
import { formatMonthRange, lastDayOfMonth } from "@/lib/formatMonthRange";
import { formatTermShare } from "@/lib/formatTermShare";

interface Props {
  terms: EmergingTerm[];
  filter: TrendFilter;
  recent: EmergingTerms["recent"];
  baseline: EmergingTerms["baseline"];
  /** The confidence level of the lower bound, such as "95%". */
  confidence: string;
}

/** Lists the months of each burst, each linked to the term's papers in those months. */
function BurstLinks({ term, filter }: { term: EmergingTerm; filter: TrendFilter }) {
  if (term.bursts.length === 0) return <span className="muted">none</span>;
  return (
    <>
      {term.bursts.map((burst, index) => {
        const label = formatMonthRange(burst.start, burst.end);
        const href = drillDownHref(filter, { term: term.term, periodStart: burst.start, periodEnd: lastDayOfMonth(burst.end) });
        return (
          <span key={burst.start} className="burst">
            {index > 0 && ", "}
            {href === null ? label : <a href={href}>{label}</a>}
          </span>
        );
      })}
    </>
  );
}

/**
 * Shows every listed term with its counts, shares, growth and bursts. The term
 * and the recent count link to its papers in the recent window, the baseline
 * count to those in the baseline window.
 */
export function EmergingTermsTable({ terms, filter, recent, baseline, confidence }: Props) {
  const recentMonths = formatMonthRange(recent.from, recent.to);
  const baselineMonths = formatMonthRange(baseline.from, baseline.to);
  return (
    <table className="data emerging-table" data-testid="emerging-table">
      <thead>
        <tr>
          <th scope="col">Term</th>
          <th scope="col" className="number">
            Recent papers <span className="window-label">({recentMonths})</span>
          </th>
          <th scope="col" className="number">
            Baseline papers <span className="window-label">({baselineMonths})</span>
          </th>
          <th scope="col" className="number">Recent share</th>
          <th scope="col" className="number">Baseline share</th>
          <th scope="col" className="number">Growth</th>
          <th scope="col" className="number">Lower bound ({confidence})</th>
          <th scope="col">Bursts</th>
          <th scope="col">Compare</th>
        </tr>
      </thead>
      <tbody>
        {terms.map((term) => {
          const recentHref = termPapersHref(filter, term.term, recent);
          return (
            <tr key={term.term}>
              <th scope="row" className="term">
                {recentHref === null ? term.term : <a href={recentHref}>{term.term}</a>}
              </th>
              <td className="number" data-column="recent">
                <CountLink href={recentHref} count={term.recentPapers} />
              </td>
              <td className="number" data-column="baseline">
                <CountLink href={termPapersHref(filter, term.term, baseline)} count={term.baselinePapers} />
              </td>
              <td className="number">{formatTermShare(term.recentShare)}</td>
              <td className="number">{formatTermShare(term.baselineShare)}</td>
              <td className="number">{formatDecimal(term.growth)}×</td>
              <td className="number">{formatDecimal(term.growthLowerBound)}×</td>
              <td className="bursts">
                <BurstLinks term={term} filter={filter} />
              </td>
              <td>
                <a href={termCompareHref(filter, term.term)} aria-label={`Compare “${term.term}” over time`}>
                  compare
                </a>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
