import type { TopicInfo } from "@alignment-trends/schema";

/** Names the chosen topics in the closed picker. */
function summarizeChoice(chosen: TopicInfo[]): string {
  if (chosen.length === 0) return "Any topic";
  if (chosen.length === 1) return chosen[0]!.label;
  return `${chosen.length} topics`;
}

/**
 * Lets the filter form choose any number of topics as checkboxes in a
 * disclosure, so that it works without JavaScript and a paper matching any
 * chosen topic counts. The summary names the choice.
 */
export function TopicPicker({ topics, selected }: { topics: TopicInfo[]; selected: string[] }) {
  const chosen = topics.filter((topic) => selected.includes(topic.id));
  return (
    <div className="field">
      <span className="field-label" id="filter-topics-label">
        Topics
      </span>
      <details className="topic-picker" data-testid="topic-picker">
        <summary aria-describedby="filter-topics-label">{summarizeChoice(chosen)}</summary>
        <fieldset>
          <legend className="visually-hidden">Papers on any of these topics</legend>
          {topics.map((topic) => (
            <label key={topic.id}>
              <input type="checkbox" name="topic" value={topic.id} defaultChecked={selected.includes(topic.id)} /> {topic.label}
            </label>
          ))}
        </fieldset>
      </details>
    </div>
  );
}
