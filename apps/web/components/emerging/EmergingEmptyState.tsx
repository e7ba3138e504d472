import type { EmergingTerms } from "@alignment-trends/analytics";
import type { TrendFilter } from "@alignment-trends/schema";
import { EMERGING_TITLE_RULE } from "@alignment-trends/analytics";
import { emergingQuery, type EmergingSettings } from "@/lib/emergingLinks";
import { EMERGING_SETTING_BOUNDS } from "@/lib/emergingQueryBounds";
import { formatInteger, formatShare } from "@/lib/format";
import { formatMonthRange } from "@/lib/formatMonthRange";

interface Props {
  emerging: EmergingTerms | null;
  filter: TrendFilter;
  settings: EmergingSettings;
  /** A lower minimum of recent papers at which some term passes, when none passes with the current one. */
  passingMinPapers: number | null;
}

function pageHref(filter: TrendFilter, settings: EmergingSettings): string {
  return `/emerging?${emergingQuery(filter, settings)}`;
}

/**
 * Explains why no term is listed and what to change: the filters keep no
 * dated paper with an abstract, the baseline window has no papers, or no term
 * passes the rules. Renders nothing when terms are listed.
 */
export function EmergingEmptyState({ emerging, filter, settings, passingMinPapers }: Props) {
  if (emerging === null) {
    return (
      <div className="notice" role="status" data-testid="emerging-empty">
        <p>
          No papers with an abstract and a date known to the month match these filters, so there are no windows to compare. Widen the
          date range or clear the filters.
        </p>
      </div>
    );
  }

  const { baseline } = emerging;
  if (baseline.papers === 0) {
    const shorter = Math.max(EMERGING_SETTING_BOUNDS.window.min, Math.floor(settings.window / 2));
    return (
      <div className="notice" role="status" data-testid="emerging-empty">
        <p>
          The baseline window, {formatMonthRange(baseline.from, baseline.to)} ({baseline.from} to {baseline.to}), has no papers with an
          abstract under these filters, so growth cannot be measured. Choose a shorter window or widen the dates.
        </p>
        {shorter < settings.window && (
          <p>
            <a href={pageHref(filter, { ...settings, window: shorter })}>Try a {shorter}-month window</a>
          </p>
        )}
      </div>
    );
  }

  if (emerging.terms.length > 0) return null;
  const { minTitlePapers, minTitleShare } = EMERGING_TITLE_RULE;
  const titleRule = `appears in the titles of at least ${formatInteger(minTitlePapers)} and ${formatShare(minTitleShare)} of its recent papers`;
  return (
    <div className="notice" role="status" data-testid="emerging-empty">
      {passingMinPapers === null ? (
        <p>
          No term passes the rules
          {settings.minPapers > EMERGING_SETTING_BOUNDS.minPapers.min && `, even with the lowest minimum of ${EMERGING_SETTING_BOUNDS.minPapers.min} recent papers`}: no
          term that {titleRule} has a share that grew beyond chance (a lower bound of growth above 1). Choose a longer window or widen
          the filters.
        </p>
      ) : (
        <>
          <p>
            No term has at least {formatInteger(settings.minPapers)} recent papers and passes the other rules. Lower the minimum of recent
            papers to {formatInteger(passingMinPapers)} or less to list terms.
          </p>
          <p>
            <a href={pageHref(filter, { ...settings, minPapers: passingMinPapers })}>Show terms with at least {formatInteger(passingMinPapers)} recent papers</a>
          </p>
        </>
      )}
    </div>
  );
}
