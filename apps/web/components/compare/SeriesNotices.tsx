import { shapeTerm, splitAlternatives } from "@alignment-trends/analytics";
import type { SeriesSpec } from "@alignment-trends/schema";
import type { NamedSeries } from "./CompareChart";

/** Returns the alternatives of a term that are not in the term index, as the reader wrote them. */
function unindexedAlternatives(term: string): string[] {
  return splitAlternatives(term).filter((alternative) => {
    const shape = shapeTerm(alternative);
    return shape.words.length > 0 && !shape.indexed;
  });
}

/** Reports whether a term has no letters or digits at all, so that it matches no paper. */
function hasNoWords(spec: SeriesSpec): boolean {
  return spec.kind === "term" && splitAlternatives(spec.term).every((alternative) => shapeTerm(alternative).words.length === 0);
}

/**
 * Renders notices on how series were matched. A term not in the term index
 * was matched by scanning text and so took longer. A term without any word,
 * or a series without papers (`totals` gives each series' papers over the
 * whole view), matches nothing.
 */
export function SeriesNotices({ series, totals }: { series: (NamedSeries & { indexed: boolean })[]; totals: number[] }) {
  return (
    <>
      {series.map((entry, index) => {
        if (hasNoWords(entry.spec)) {
          return (
            <p key={index} className="notice" role="status" data-testid="series-no-words">
              Series {index + 1}, “{entry.label}”, has no letters or digits, so it matches no paper.
            </p>
          );
        }
        if (totals[index] === 0) {
          return (
            <p key={index} className="notice" role="status" data-testid="series-no-papers">
              Series {index + 1}, “{entry.label}”, matches no paper under these filters.
              {entry.spec.kind === "term" &&
                " Separate alternatives with |: commas and * are ignored and OR is read as a word, so “RLHF, DPO” looks for the phrase “rlhf dpo”."}
            </p>
          );
        }
        if (entry.indexed || entry.spec.kind !== "term") return null;
        const alternatives = unindexedAlternatives(entry.spec.term);
        return (
          <p key={index} className="notice" role="status" data-testid="series-unindexed">
            Series {index + 1}, “{entry.label}”, was matched by scanning every title and abstract the filter keeps, which is slower: the
            term index holds only phrases of one to three words that start and end with a content word, and{" "}
            {alternatives.map((alternative, position) => (
              <span key={position}>
                {position > 0 && (position === alternatives.length - 1 ? " and " : ", ")}“{alternative}”
              </span>
            ))}{" "}
            {alternatives.length === 1 ? "is not such a phrase" : "are not such phrases"}.
          </p>
        );
      })}
    </>
  );
}
