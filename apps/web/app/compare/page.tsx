import { isDatabaseUnavailable, type Comparison } from "@alignment-trends/analytics";
import { DATE_BASIS_LABELS, formatSeriesParam, MIN_PAPERS_FOR_SHARE, type Bucket, type CompareMeasure, type TopicInfo } from "@alignment-trends/schema";
import type { Metadata } from "next";
import { ChartCard } from "@/components/ChartCard";
import { CompareChart } from "@/components/compare/CompareChart";
import { CompareExamples } from "@/components/compare/CompareExamples";
import { CompareFields } from "@/components/compare/CompareFields";
import { CompareTable } from "@/components/compare/CompareTable";
import { SeriesNotices } from "@/components/compare/SeriesNotices";
import { FilterBar } from "@/components/FilterBar";
import { compareWithoutRangeHref } from "@/lib/compareRangeHref";
import { compareToParams } from "@/lib/compareToParams";
import { formatInteger } from "@/lib/format";
import { loadComparison, type ComparisonData } from "@/lib/loadComparison";
import { parseCompareQuery, type ComparePageQuery } from "@/lib/parseCompareQuery";
import { seriesLabel } from "@/lib/seriesLabel";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const MEASURE_DESCRIPTIONS: Record<CompareMeasure, string> = {
  papers: "Papers per period that match each series.",
  share: `Each series' papers as a share of all papers the filter keeps in the period. A period with fewer than ${MIN_PAPERS_FOR_SHARE} papers has no share.`,
  index: `Each series' share of all papers the filter keeps in the period, scaled so that the highest point of any series in the view is 100. A period with fewer than ${MIN_PAPERS_FOR_SHARE} papers has no index.`,
};

function ErrorNotice({ message }: { message: string }) {
  return (
    <div className="notice error" role="alert">
      <p>{message}.</p>
      <p>
        <a href="/compare">Open the compare page without series or filters</a>
      </p>
    </div>
  );
}

/** Renders the heading, how comparisons work, and the form with the series and the filters. */
function CompareHeader({ query, topics }: { query: ComparePageQuery; topics: TopicInfo[] }) {
  const { filter, bucket, series, measure } = query;
  // "Clear filters" keeps the series and the measure: they are the comparison, not a filter on it.
  const ownFields: [string, string][] = series.map((spec) => ["series", formatSeriesParam(spec)]);
  if (measure !== "share") ownFields.push(["measure", measure]);
  const withoutFilters = new URLSearchParams(ownFields);
  const resetHref = withoutFilters.size > 0 ? `/compare?${withoutFilters.toString()}` : "/compare";
  return (
    <>
      <h1>Compare terms and topics</h1>
      <p className="lede">
        Follow up to eight terms or topics over time, side by side. Share is a series&apos; papers over all papers the filter keeps in the
        period; the index scales the share so that the highest point in the view is 100.
      </p>
      <FilterBar
        action="/compare"
        filter={filter}
        bucket={bucket}
        topics={topics}
        resetHref={resetHref}
        leadingFields={<CompareFields series={series} measure={measure} topics={topics} />}
        fieldValues={ownFields}
      />
    </>
  );
}

function chartTitle(measure: CompareMeasure, bucket: Bucket): string {
  if (measure === "papers") return `Papers per ${bucket}`;
  if (measure === "share") return `Share of all papers per ${bucket}`;
  return `Share per ${bucket} as an index, highest point 100`;
}

const RANGE_HELP =
  "To show fewer periods, drag the ends of the range bar under the chart, or set From and To in the filters; from the keyboard, move an end of the bar with the arrow keys and press Enter.";

/** The periods to suggest when a period is too short to hold enough papers. */
const LONGER_BUCKETS: Record<Bucket, string> = { week: "month or quarter", month: "quarter or year", quarter: "year", year: "year" };

/**
 * Renders a notice when periods have too few papers for a share, so that a
 * gap or a missing line reads as thin data, not as zero, with the fix.
 */
function ThinPeriodsNotice({ comparison, bucket }: { comparison: Comparison; bucket: Bucket }) {
  const withPapers = comparison.points.filter((point) => point.papers > 0);
  const thin = withPapers.filter((point) => point.papers < comparison.minPapersForShare);
  if (thin.length === 0) return null;
  const longer = LONGER_BUCKETS[bucket];
  return (
    <p className="notice" role="status" data-testid="thin-periods">
      {thin.length} of {withPapers.length} {bucket}s with papers have fewer than {comparison.minPapersForShare} papers, so they show no share
      or index; the data table lists their counts.{" "}
      {bucket === "year" ? "Switch the measure to papers to see them." : `A ${longer} gives each period more papers, or switch the measure to papers.`}
    </p>
  );
}

interface ViewProps {
  query: ComparePageQuery;
  comparison: Comparison;
  coarseDates: number;
  topics: TopicInfo[];
}

/** Renders the notices, the chart and the data table of a comparison. */
function ComparisonView({ query, comparison, coarseDates, topics }: ViewProps) {
  const { filter, bucket, measure } = query;
  const topicLabels = new Map(topics.map((topic) => [topic.id, topic.label]));
  // compareSeries returns the series in the order of the query.
  const series = query.series.map((spec, index) => ({ spec, label: seriesLabel(spec, topicLabels), indexed: comparison.series[index]?.indexed ?? true }));
  const totalPapers = comparison.points.reduce((total, point) => total + point.papers, 0);
  const keyboardHelp =
    series.length === 1
      ? "From the keyboard, focus the chart, move between periods with the arrow keys and press Enter."
      : `From the keyboard, focus the chart, move between periods with the arrow keys and press a series' number, 1 to ${series.length}; Enter opens series 1.`;

  // The chart remounts for every other comparison, so that its brush starts again over all of the periods.
  const dataQuery = compareToParams({ filter, bucket, measure, series: query.series }).toString();

  return (
    <>
      <SeriesNotices series={series} totals={series.map((_, index) => comparison.points.reduce((sum, point) => sum + point.series[index]!.papers, 0))} />
      {measure !== "papers" && <ThinPeriodsNotice comparison={comparison} bucket={bucket} />}
      {coarseDates > 0 && (
        <p className="notice" role="status" data-testid="coarse-dates">
          {formatInteger(coarseDates)} {coarseDates === 1 ? "paper has" : "papers have"} a date known only to{" "}
          {bucket === "week" ? "the month or the year" : "the year"} and {coarseDates === 1 ? "is" : "are"} left out of the series by {bucket};
          choose a longer period to include them.
        </p>
      )}
      {totalPapers === 0 && (
        <p className="notice" role="status">
          No papers match these filters. Widen the date range or clear the filters.
        </p>
      )}
      {(filter.from || filter.to) && (
        <p className="range-note" data-testid="range-note">
          Showing papers {filter.from ? `from ${filter.from}` : "from the earliest"} {filter.to ? `to ${filter.to}` : "to the latest"}.{" "}
          <a href={compareWithoutRangeHref({ filter, bucket, measure, series: query.series })}>Reset range</a>
        </p>
      )}
      <ChartCard
        id="compare"
        title={chartTitle(measure, bucket)}
        description={`${MEASURE_DESCRIPTIONS[measure]} ${formatInteger(totalPapers)} papers in all. Date: ${DATE_BASIS_LABELS[filter.dateBasis]}. Click a point to see the papers behind it. ${keyboardHelp} ${RANGE_HELP}`}
        dataPath="/api/v1/compare"
        dataQuery={dataQuery}
        chart={<CompareChart key={dataQuery} series={series} points={comparison.points} measure={measure} bucket={bucket} filter={filter} />}
        table={<CompareTable series={series} points={comparison.points} filter={filter} />}
      />
    </>
  );
}

export default async function ComparePage({ searchParams }: { searchParams: SearchParams }) {
  const query = parseCompareQuery(await searchParams);
  if (!query.ok) return <ErrorNotice message={query.message} />;

  let data: ComparisonData;
  try {
    data = await loadComparison(query);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return (
      <div className="notice error" role="alert">
        <p>The comparison has no data to show: {error.message}</p>
      </div>
    );
  }

  return (
    <>
      <CompareHeader query={query} topics={data.topics} />
      {data.result === "rejected" && (
        <div className="notice error" role="alert">
          <p>{data.message}.</p>
        </div>
      )}
      {data.result === "empty" && <CompareExamples filter={query.filter} bucket={query.bucket} />}
      {data.result === "compared" && <ComparisonView query={query} comparison={data.comparison} coarseDates={data.coarseDates} topics={data.topics} />}
    </>
  );
}
