import { formatSeriesParam, MAX_COMPARE_SERIES, type CompareMeasure, type SeriesSpec, type TopicInfo } from "@alignment-trends/schema";
import { MEASURE_LABELS } from "@/lib/compareMeasures";
import { SeriesKey } from "./SeriesKey";

interface Props {
  series: SeriesSpec[];
  measure: CompareMeasure;
  /** Every topic of the taxonomy, offered as `topic:<id>` suggestions. */
  topics: TopicInfo[];
}

const PLACEHOLDERS = ["e.g. RLHF | reinforcement learning from human feedback", "e.g. topic:safety"];

/**
 * Renders the series and the measure of a comparison as fields of the filter
 * form. All eight series fields are always there, so that the form works
 * without JavaScript, and the server ignores the empty ones.
 */
export function CompareFields({ series, measure, topics }: Props) {
  const values = Array.from({ length: MAX_COMPARE_SERIES }, (_, index) => {
    const spec = series[index];
    return spec ? formatSeriesParam(spec) : "";
  });

  return (
    <fieldset className="compare-fields">
      <legend>Series to compare</legend>
      <p className="compare-help" id="compare-help">
        Each field is a term or a topic. A term matches whole words in a paper&apos;s title or abstract, ignoring case; separate
        alternatives with <code>|</code>, as in <code>DPO | direct preference optimization</code>. Write a topic as <code>topic:</code>{" "}
        and its id, such as <code>topic:safety</code>; the fields suggest every topic.
      </p>
      <div className="compare-series">
        {values.map((value, index) => (
          <div className="field" key={index}>
            <label htmlFor={`series-${index + 1}`}>
              <SeriesKey index={index} />
              Series {index + 1}
            </label>
            <input
              id={`series-${index + 1}`}
              type="text"
              name="series"
              defaultValue={value}
              list="compare-topic-ids"
              placeholder={PLACEHOLDERS[index]}
              aria-describedby="compare-help"
              autoComplete="off"
              spellCheck={false}
            />
          </div>
        ))}
      </div>
      <datalist id="compare-topic-ids">
        {topics.map((topic) => (
          <option key={topic.id} value={`topic:${topic.id}`}>
            {topic.label}
          </option>
        ))}
      </datalist>
      <div className="field">
        <label htmlFor="compare-measure">Measure</label>
        <select id="compare-measure" name="measure" defaultValue={measure}>
          {(["share", "papers", "index"] as const).map((option) => (
            <option key={option} value={option}>
              {MEASURE_LABELS[option]}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
