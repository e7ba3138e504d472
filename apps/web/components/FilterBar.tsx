import type { Bucket, TopicInfo, TrendFilter } from "@alignment-trends/schema";
import type { ReactNode } from "react";
import { GetForm } from "./GetForm";
import { NarrowingChips } from "./NarrowingChips";
import { TopicPicker } from "./TopicPicker";

interface Props {
  action: string;
  filter: TrendFilter;
  bucket?: Bucket;
  topics: TopicInfo[];
  /** Parameters that the form does not show but must keep, such as the sort order of a list. */
  hidden?: Record<string, string>;
  /** False on views that fix the topic themselves or show every topic at once. */
  showTopic?: boolean;
  /** The target of the "Clear filters" link: the form's action unless given, for a view that keeps some of its own fields. */
  resetHref?: string;
  /** Fields of the view placed before the filters and submitted with them, such as the series of a comparison. */
  leadingFields?: ReactNode;
  /** Fields of the view placed after the filters and submitted with them, such as the windows of the emerging terms. */
  trailingFields?: ReactNode;
  /** The values of the view's own fields, which the links that remove a narrowing keep. */
  fieldValues?: [string, string][];
}

/**
 * The filters of a view as a GET form, so that every state is a URL and the
 * form works without JavaScript; the server ignores empty fields.
 */
export function FilterBar(props: Props) {
  const { action, filter, bucket, topics, hidden = {}, showTopic = true, resetHref = action, leadingFields, trailingFields, fieldValues = [] } = props;
  return (
    <GetForm className="filter-bar" action={action} label="Filters">
      {leadingFields}
      <div className="field">
        <label htmlFor="filter-from">From</label>
        <input id="filter-from" type="date" name="from" defaultValue={filter.from ?? ""} />
      </div>
      <div className="field">
        <label htmlFor="filter-to">To</label>
        <input id="filter-to" type="date" name="to" defaultValue={filter.to ?? ""} />
      </div>
      <div className="field">
        <label htmlFor="filter-scope">Scope</label>
        <select id="filter-scope" name="scope" defaultValue={filter.scope ?? ""}>
          <option value="">All papers</option>
          <option value="alignment">Alignment research</option>
          <option value="other-alignment">Other senses of “alignment”</option>
          <option value="off-topic">Off-topic</option>
        </select>
      </div>
      {showTopic && <TopicPicker topics={topics} selected={filter.topics} />}
      <div className="field">
        <label htmlFor="filter-hasCode">Code</label>
        <select id="filter-hasCode" name="hasCode" defaultValue={filter.hasCode === undefined ? "" : String(filter.hasCode)}>
          <option value="">Any</option>
          <option value="true">With code</option>
          <option value="false">Without code</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-minUpvotes">Min. upvotes</label>
        <input id="filter-minUpvotes" type="number" name="minUpvotes" min={0} step={1} inputMode="numeric" defaultValue={filter.minUpvotes ?? ""} style={{ width: "6rem" }} />
      </div>
      <div className="field">
        <label htmlFor="filter-q">Search</label>
        <input id="filter-q" type="search" name="q" defaultValue={filter.q ?? ""} placeholder="words in title or abstract" />
      </div>
      <div className="field">
        <label htmlFor="filter-dateBasis">Date</label>
        <select id="filter-dateBasis" name="dateBasis" defaultValue={filter.dateBasis === "listed" ? "" : filter.dateBasis}>
          <option value="">First listed, else published</option>
          <option value="published">Published</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-upvoteBasis">Upvotes</label>
        <select id="filter-upvoteBasis" name="upvoteBasis" defaultValue={filter.upvoteBasis === "latest" ? "" : filter.upvoteBasis}>
          <option value="">Latest count</option>
          <option value="first-week">Count in the first week</option>
        </select>
      </div>
      {bucket && (
        <div className="field">
          <label htmlFor="filter-bucket">Period</label>
          <select id="filter-bucket" name="bucket" defaultValue={bucket}>
            <option value="week">Week</option>
            <option value="month">Month</option>
            <option value="quarter">Quarter</option>
            <option value="year">Year</option>
          </select>
        </div>
      )}
      {trailingFields}
      <NarrowingChips action={action} filter={filter} topics={topics} topicsInForm={showTopic} keep={[...fieldValues, ...Object.entries(hidden)]} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit">Apply</button>
      <a className="reset" href={resetHref}>
        Clear filters
      </a>
    </GetForm>
  );
}
