import type { TopicInfo, TrendFilter } from "@alignment-trends/schema";
import { filterToParams } from "@/lib/filterParams";

interface Props {
  action: string;
  filter: TrendFilter;
  topics: TopicInfo[];
  /** True when the form has its own topic field, so several topics need no chip. */
  topicsInForm: boolean;
  /** Parameters the link that removes a constraint keeps, such as the sort order of a list; a name may repeat. */
  keep?: [string, string][];
}

interface Constraint {
  key: string;
  label: string;
  /** The hidden fields that carry the constraint through the form. */
  fields: [string, string][];
  without: Partial<TrendFilter>;
}

/** Lists the constraints of a filter that the form has no field for, each as a hidden field the form resubmits. */
function listConstraints(filter: TrendFilter, topics: TopicInfo[], topicsInForm: boolean): Constraint[] {
  const topicLabel = (id: string) => topics.find((topic) => topic.id === id)?.label ?? id;
  const constraints: Constraint[] = filter.terms.map((term, index) => ({
    key: `term-${index}`,
    label: `Term: ${term}`,
    fields: [["term", term]],
    without: { terms: filter.terms.filter((_, other) => other !== index) },
  }));
  if (filter.allTopics.length > 0) {
    constraints.push({
      key: "allTopics",
      label: `All of: ${filter.allTopics.map(topicLabel).join(" + ")}`,
      fields: [["allTopics", filter.allTopics.join(",")]],
      without: { allTopics: [] },
    });
  }
  if (filter.codeHost) {
    constraints.push({ key: "codeHost", label: `Code on ${filter.codeHost}`, fields: [["codeHost", filter.codeHost]], without: { codeHost: undefined } });
  }
  if (filter.minAuthors !== undefined || filter.maxAuthors !== undefined) {
    const range =
      filter.maxAuthors === undefined
        ? `${filter.minAuthors} or more authors`
        : filter.minAuthors === undefined
          ? `at most ${filter.maxAuthors} authors`
          : `${filter.minAuthors}–${filter.maxAuthors} authors`;
    const fields: [string, string][] = [];
    if (filter.minAuthors !== undefined) fields.push(["minAuthors", String(filter.minAuthors)]);
    if (filter.maxAuthors !== undefined) fields.push(["maxAuthors", String(filter.maxAuthors)]);
    constraints.push({ key: "authors", label: range, fields, without: { minAuthors: undefined, maxAuthors: undefined } });
  }
  if (filter.topics.length > 0 && !topicsInForm) {
    constraints.push({
      key: "topics",
      label: `Any of: ${filter.topics.map(topicLabel).join(", ")}`,
      fields: filter.topics.map((topic): [string, string] => ["topic", topic]),
      without: { topics: [] },
    });
  }
  return constraints;
}

/**
 * Shows the constraints a drill-down added that the filter form has no field
 * for (terms, topic pairs, code host, team size, topics on a view without a
 * topic field), keeps them
 * through the form as hidden fields, and links to the view without each.
 */
export function NarrowingChips({ action, filter, topics, topicsInForm, keep = [] }: Props) {
  const constraints = listConstraints(filter, topics, topicsInForm);
  if (constraints.length === 0) return null;
  return (
    <div className="narrowing" role="group" aria-label="Also narrowed by">
      <span className="narrowing-label">Also narrowed by</span>
      {constraints.map((constraint) => {
        const params = filterToParams({ ...filter, ...constraint.without });
        for (const name of new Set(keep.map(([name]) => name))) params.delete(name);
        for (const [name, value] of keep) params.append(name, value);
        const query = params.toString();
        return (
          <span key={constraint.key} className="chip">
            {constraint.fields.map(([name, value]) => (
              <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
            ))}
            {constraint.label}{" "}
            <a href={query ? `${action}?${query}` : action} aria-label={`Remove ${constraint.label}`}>
              ✕
            </a>
          </span>
        );
      })}
    </div>
  );
}
