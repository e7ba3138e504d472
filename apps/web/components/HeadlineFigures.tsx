import type { Headline } from "@alignment-trends/schema";
import { formatDatedValue, formatDecimal, formatInteger, formatShare } from "@/lib/format";

/** The headline numbers of a view. */
export function HeadlineFigures({ headline }: { headline: Headline }) {
  const figures: [string, string][] = [
    ["Papers", formatInteger(headline.papers)],
    ["Alignment research", `${formatInteger(headline.alignmentPapers)} (${formatShare(headline.papers === 0 ? null : headline.alignmentPapers / headline.papers)})`],
    ["With code", `${formatInteger(headline.withCode)} (${formatShare(headline.codeShare)})`],
    ["Median authors", formatDecimal(headline.medianAuthors)],
    ["Median upvotes", formatDecimal(headline.medianUpvotes)],
    [
      "Dates",
      headline.firstDate && headline.lastDate
        ? `${formatDatedValue(headline.firstDate, headline.firstDatePrecision)} – ${formatDatedValue(headline.lastDate, headline.lastDatePrecision)}`
        : "–",
    ],
  ];
  return (
    <dl className="headline" data-testid="headline">
      {figures.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
