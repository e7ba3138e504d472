import type { TopicCooccurrence } from "@alignment-trends/analytics";
import type { TrendFilter } from "@alignment-trends/schema";
import { cooccurrenceOverlap, MAX_SHADE_PERCENT } from "@/lib/cooccurrenceOverlap";
import { drillDownHref } from "@/lib/filterParams";
import { formatInteger, formatShare } from "@/lib/format";

/**
 * Renders how often topics tag the same paper as a table. Each cell counts
 * the papers with both topics and links to them, and the diagonal counts each
 * topic's papers. The shade is the pair's papers over the smaller topic's.
 */
export function CooccurrenceMatrix({ cooccurrence, filter }: { cooccurrence: TopicCooccurrence; filter: TrendFilter }) {
  const { topics, counts } = cooccurrence;
  return (
    <table className="data matrix" data-testid="cooccurrence">
      <thead>
        <tr>
          <td />
          {topics.map((topic) => (
            <th key={topic.id} scope="col" className="matrix-column">
              <span>{topic.label}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {topics.map((first, row) => (
          <tr key={first.id}>
            <th scope="row">{first.label}</th>
            {topics.map((second, column) => {
              const count = counts[row]![column]!;
              if (row === column) {
                const href = drillDownHref(filter, { topic: first.id });
                return (
                  <td key={second.id} className="number diagonal" title={`${formatInteger(count)} papers on ${first.label}`}>
                    {href && count > 0 ? <a href={href}>{formatInteger(count)}</a> : formatInteger(count)}
                  </td>
                );
              }
              const shade = cooccurrenceOverlap(counts, row, column);
              const href = drillDownHref(filter, { allTopics: [first.id, second.id] });
              const title = `${formatInteger(count)} papers on both ${first.label} and ${second.label}: ${formatShare(
                counts[row]![row]! === 0 ? null : count / counts[row]![row]!,
              )} of ${first.label}, ${formatShare(counts[column]![column]! === 0 ? null : count / counts[column]![column]!)} of ${second.label}`;
              return (
                <td
                  key={second.id}
                  className="number"
                  title={title}
                  style={{ background: `color-mix(in srgb, var(--matrix-shade) ${Math.round(shade * MAX_SHADE_PERCENT)}%, transparent)` }}
                >
                  {href && count > 0 ? <a href={href}>{formatInteger(count)}</a> : formatInteger(count)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
