import type { Bucket, TopicInfo, TrendFilter } from "@alignment-trends/schema";

interface Props {
  action: string;
  filter: TrendFilter;
  bucket?: Bucket;
  topics: TopicInfo[];
  /** Parameters that the form does not show but must keep, such as the sort order of a list. */
  hidden?: Record<string, string>;
}

/**
 * The filters of a view as a plain GET form, so that every state is a URL and
 * the form works without JavaScript.
 */
export function FilterBar({ action, filter, bucket, topics, hidden = {} }: Props) {
  const selectedTopic = filter.topics[0] ?? "";
  return (
    <form className="filter-bar" method="get" action={action} aria-label="Filters">
      <label>
        From
        <input type="date" name="from" defaultValue={filter.from ?? ""} />
      </label>
      <label>
        To
        <input type="date" name="to" defaultValue={filter.to ?? ""} />
      </label>
      <label>
        Scope
        <select name="scope" defaultValue={filter.scope ?? ""}>
          <option value="">All papers</option>
          <option value="alignment">Alignment research</option>
          <option value="other-alignment">Other senses of “alignment”</option>
          <option value="off-topic">Off-topic</option>
        </select>
      </label>
      <label>
        Topic
        <select name="topic" defaultValue={selectedTopic}>
          <option value="">Any topic</option>
          {topics.map((topic) => (
            <option key={topic.id} value={topic.id}>
              {topic.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Code
        <select name="hasCode" defaultValue={filter.hasCode === undefined ? "" : String(filter.hasCode)}>
          <option value="">Any</option>
          <option value="true">With code</option>
          <option value="false">Without code</option>
        </select>
      </label>
      <label>
        Min. upvotes
        <input type="number" name="minUpvotes" min={0} step={1} inputMode="numeric" defaultValue={filter.minUpvotes ?? ""} style={{ width: "6rem" }} />
      </label>
      <label>
        Search
        <input type="search" name="q" defaultValue={filter.q ?? ""} placeholder="words in title or abstract" />
      </label>
      {bucket && (
        <label>
          Period
          <select name="bucket" defaultValue={bucket}>
            <option value="week">Week</option>
            <option value="month">Month</option>
            <option value="quarter">Quarter</option>
            <option value="year">Year</option>
          </select>
        </label>
      )}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit">Apply</button>
      <a className="reset" href={action}>
        Clear filters
      </a>
    </form>
  );
}
