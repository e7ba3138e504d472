import { DatabaseUnavailableError, PeriodRangeError } from "@alignment-trends/analytics";
import { DATE_BASIS_LABELS, TrendsQuerySchema, type Bucket, type TrendFilter } from "@alignment-trends/schema";
import { ChartCard } from "@/components/ChartCard";
import { AuthorTrendsChart } from "@/components/charts/AuthorTrendsChart";
import { CodeTrendsChart } from "@/components/charts/CodeTrendsChart";
import { TeamSizeChart } from "@/components/charts/TeamSizeChart";
import { TopicTrendsChart } from "@/components/charts/TopicTrendsChart";
import { UpvoteTrendsChart } from "@/components/charts/UpvoteTrendsChart";
import { FilterBar } from "@/components/FilterBar";
import { HeadlineFigures } from "@/components/HeadlineFigures";
import { PaperList } from "@/components/PaperList";
import { AuthorTrendsTable, TeamSizeTable } from "@/components/tables/AuthorTrendsTable";
import { CodeTrendsTable } from "@/components/tables/CodeTrendsTable";
import { TopicTrendsTable } from "@/components/tables/TopicTrendsTable";
import { UpvoteTrendsTable } from "@/components/tables/UpvoteTrendsTable";
import { drillDownHref, filterToParams } from "@/lib/filterParams";
import { formatInteger } from "@/lib/format";
import { loadDashboard } from "@/lib/loadDashboard";
import { parseFilterQuery } from "@/lib/parseFilterQuery";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function dataQuery(filter: TrendFilter, bucket: Bucket, metric: string): string {
  const params = filterToParams(filter);
  params.set("metric", metric);
  params.set("bucket", bucket);
  return params.toString();
}

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
    if (error instanceof PeriodRangeError) {
      return (
        <div className="notice error" role="alert">
          <p>{error.message}.</p>
          <p>
            <a href="/">Open the dashboard without filters</a>
          </p>
        </div>
      );
    }
    if (!(error instanceof DatabaseUnavailableError)) throw error;
    return (
      <div className="notice error" role="alert">
        <p>The dashboard has no data to show: {error.message}</p>
      </div>
    );
  }

  const { headline, topicTrends } = data;
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
        <ChartCard
          id="topics"
          title="Topics over time"
          description={`Alignment papers per topic and ${bucket}. A paper with several topics counts once in each. Date: ${DATE_BASIS_LABELS[filter.dateBasis]}.`}
          dataQuery={dataQuery(filter, bucket, "papers")}
          chart={<TopicTrendsChart topics={topicTrends.topics} points={topicTrends.points} filter={filter} />}
          table={<TopicTrendsTable topics={topicTrends.topics} points={topicTrends.points} filter={filter} />}
        />
        <ChartCard
          id="authors"
          title="Authors per paper"
          description={`Mean and median team size per ${bucket}, over papers whose author count is known.`}
          dataQuery={dataQuery(filter, bucket, "authors")}
          chart={<AuthorTrendsChart points={data.authorTrends} filter={filter} />}
          table={<AuthorTrendsTable points={data.authorTrends} filter={filter} />}
        />
        <ChartCard
          id="team-sizes"
          title="Team sizes"
          description="How many papers have each number of authors."
          dataQuery={dataQuery(filter, bucket, "team-sizes")}
          chart={<TeamSizeChart bins={data.teamSizes} filter={filter} />}
          table={<TeamSizeTable bins={data.teamSizes} filter={filter} />}
        />
        <ChartCard
          id="code"
          title="Code availability"
          description={`Share of papers per ${bucket} that link to a code repository, by host.`}
          dataQuery={dataQuery(filter, bucket, "code")}
          chart={<CodeTrendsChart points={data.codeTrends} hosts={data.codeHosts} filter={filter} />}
          table={<CodeTrendsTable points={data.codeTrends} hosts={data.codeHosts} filter={filter} />}
        />
        <ChartCard
          id="upvotes"
          title="Community upvotes"
          description={`Median upvotes per paper and the most upvoted paper per ${bucket}, from ${
            filter.upvoteBasis === "latest" ? "the latest count seen in any digest" : "the last count seen within a week of first listing"
          }; papers without such a count are left out.`}
          dataQuery={dataQuery(filter, bucket, "upvotes")}
          chart={<UpvoteTrendsChart points={data.upvoteTrends} filter={filter} />}
          table={<UpvoteTrendsTable points={data.upvoteTrends} filter={filter} />}
        />
        <section className="chart-card" aria-labelledby="top-papers-title">
          <h2 id="top-papers-title">Most upvoted papers</h2>
          <PaperList papers={data.topPapers.papers} topicLabels={new Map(data.allTopics.map((topic) => [topic.id, topic.label]))} />
          <p>
            <a href={drillDownHref(filter, { sort: "upvotes" }) ?? "/papers?sort=upvotes"}>All {formatInteger(data.topPapers.total)} papers by upvotes</a>
          </p>
        </section>
      </div>
    </>
  );
}
