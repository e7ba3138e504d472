import { isDatabaseUnavailable, PeriodRangeError } from "@alignment-trends/analytics";
import { TrendsQuerySchema } from "@alignment-trends/schema";
import { FilterBar } from "@/components/FilterBar";
import { HeadlineFigures } from "@/components/HeadlineFigures";
import { PaperList } from "@/components/PaperList";
import { PaperListDownloads } from "@/components/PaperListDownloads";
import { TrendCards } from "@/components/TrendCards";
import { drillDownHref, filterToParams } from "@/lib/filterParams";
import { formatInteger } from "@/lib/format";
import { loadDashboard } from "@/lib/loadDashboard";
import { parseFilterQuery } from "@/lib/parseFilterQuery";
import { UnknownTopicError } from "@/lib/validateTopics";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const parsed = parseFilterQuery(TrendsQuerySchema, await searchParams, { ignoreUnknown: true });
  if (!parsed.ok) {
    return (
      <div className="notice error" role="alert">
        <p>{parsed.message}.</p>
        <p>
          <a href="/">Open the dashboard without filters</a>
        </p>
      </div>
    );
  }
  const { filter } = parsed;
  const bucket = parsed.query.bucket;

  let data;
  try {
    data = await loadDashboard(filter, bucket);
  } catch (error) {
    if (error instanceof PeriodRangeError || error instanceof UnknownTopicError) {
      return (
        <div className="notice error" role="alert">
          <p>{error.message}.</p>
          <p>
            <a href="/">Open the dashboard without filters</a>
          </p>
        </div>
      );
    }
    if (!isDatabaseUnavailable(error)) throw error;
    return (
      <div className="notice error" role="alert">
        <p>The dashboard has no data to show: {error.message}</p>
      </div>
    );
  }

  const { headline } = data;
  const datasetParams = filterToParams(filter);
  datasetParams.set("bucket", bucket);
  const datasetHref = `/api/v1/dataset?${datasetParams.toString()}`;
  return (
    <>
      <h1>Alignment research trends</h1>
      <p className="lede">
        {formatInteger(headline.papers)} papers from {formatInteger(headline.digests)} digests.{" "}
        {filter.dateBasis === "listed"
          ? "Papers count under the first day a digest listed them, else their publication date."
          : "Papers count under their publication date."}{" "}
        Click any bar or point to see the papers behind it.
      </p>
      <FilterBar action="/" filter={filter} bucket={bucket} topics={data.allTopics} />
      <HeadlineFigures headline={headline} />
      <p className="dataset-download">
        <a href={datasetHref} download data-testid="dataset-download">
          Download the whole dataset
        </a>{" "}
        as one ZIP file: every chart&apos;s table and the paper list under these filters, as CSV and Parquet, with their provenance and a data
        dictionary.
      </p>
      {data.coarseDates > 0 && (
        <p className="notice" role="status" data-testid="coarse-dates">
          {formatInteger(data.coarseDates)} {data.coarseDates === 1 ? "paper has" : "papers have"} a date known only to{" "}
          {bucket === "week" ? "the month or the year" : "the year"} and {data.coarseDates === 1 ? "is" : "are"} left out of the series by{" "}
          {bucket}; choose a longer period to include them.
        </p>
      )}
      {headline.undatedPapers > 0 && (
        <p className="notice" role="status" data-testid="undated">
          {formatInteger(headline.undatedPapers)} {headline.undatedPapers === 1 ? "paper has" : "papers have"} no{" "}
          {filter.dateBasis === "listed" ? "listing or publication date" : "publication date"} and{" "}
          {headline.undatedPapers === 1 ? "is" : "are"} left out of every chart over time.
        </p>
      )}
      {headline.papers === 0 && (
        <div className="notice" role="status">
          No papers match these filters. Widen the date range or clear the filters.
        </div>
      )}

      <div className="chart-grid">
        <TrendCards
          data={data}
          filter={filter}
          bucket={bucket}
          subject="papers"
          topicsCard={{ title: "Topics over time", description: `Alignment papers per topic and ${bucket}. A paper with several topics counts once in each.` }}
        />
        <section className="chart-card" aria-labelledby="top-papers-title">
          <h2 id="top-papers-title">Most upvoted papers</h2>
          <PaperList papers={data.topPapers.papers} topicLabels={new Map(data.allTopics.map((topic) => [topic.id, topic.label]))} />
          {data.topPapers.total === 0 ? (
            <p className="chart-empty" role="status">
              No papers under these filters.
            </p>
          ) : (
            <>
              <p>
                <a href={drillDownHref(filter, { sort: "upvotes" }) ?? "/papers?sort=upvotes"}>All {formatInteger(data.topPapers.total)} papers by upvotes</a>
              </p>
              <PaperListDownloads filter={filter} total={data.topPapers.total} sort="upvotes" order="desc" />
            </>
          )}
        </section>
      </div>
    </>
  );
}
