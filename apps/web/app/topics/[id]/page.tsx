import { DatabaseUnavailableError, PeriodRangeError } from "@alignment-trends/analytics";
import { TopicIdSchema, TrendsQuerySchema, type TrendFilter } from "@alignment-trends/schema";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
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
import { CountLink } from "@/components/tables/CountLink";
import { TopicTrendsTable } from "@/components/tables/TopicTrendsTable";
import { UpvoteTrendsTable } from "@/components/tables/UpvoteTrendsTable";
import { TopicRules } from "@/components/topics/TopicRules";
import { ViewNotice } from "@/components/ViewNotice";
import { drillDownHref, filterToParams } from "@/lib/filterParams";
import { formatInteger } from "@/lib/format";
import { loadTopicPage } from "@/lib/loadTopicPage";
import { parseFilterQuery } from "@/lib/parseFilterQuery";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  return { title: `Topic ${decodeURIComponent(id)}` };
}

function dataQuery(filter: TrendFilter, metric: string, bucket: string): string {
  const params = filterToParams(filter);
  params.set("metric", metric);
  params.set("bucket", bucket);
  return params.toString();
}

export default async function TopicPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const topicId = TopicIdSchema.safeParse(decodeURIComponent((await params).id));
  if (!topicId.success) notFound();
  const self = `/topics/${topicId.data}`;
  const parsed = parseFilterQuery(TrendsQuerySchema, await searchParams, { ignoreUnknown: true });
  if (!parsed.ok) return <ViewNotice message={`${parsed.message}.`} action={<a href={self}>Open the topic without filters</a>} />;
  const bucket = parsed.query.bucket;

  let data;
  try {
    data = await loadTopicPage(topicId.data, parsed.filter, bucket);
  } catch (error) {
    if (error instanceof PeriodRangeError) return <ViewNotice message={`${error.message}.`} action={<a href={self}>Open the topic without filters</a>} />;
    if (error instanceof DatabaseUnavailableError) return <ViewNotice message={`The topic has no data to show: ${error.message}`} />;
    throw error;
  }
  if (data === null) notFound();

  const { topic, dashboard, neighbours } = data;
  const filter: TrendFilter = { ...parsed.filter, topics: [topic.id] };
  const { headline } = dashboard;
  const topicLabels = new Map(dashboard.allTopics.map((entry) => [entry.id, entry.label]));
  return (
    <>
      <p className="breadcrumb">
        <a href="/topics">Topics</a> ›
      </p>
      <h1>{topic.label}</h1>
      <p className="lede">{topic.description}</p>
      <FilterBar action={self} filter={filter} bucket={bucket} topics={dashboard.allTopics} showTopic={false} />
      <HeadlineFigures headline={headline} />
      {headline.papers === 0 && (
        <div className="notice" role="status">
          No papers on this topic match these filters. Widen the date range or clear the filters.
        </div>
      )}
      <p>
        <a href={`/compare?series=${encodeURIComponent(`topic:${topic.id}`)}`}>Compare this topic with terms or other topics</a>
      </p>

      <div className="chart-grid">
        <ChartCard
          id="topics"
          title="Papers over time"
          description={`Papers on ${topic.label} per ${bucket}.`}
          dataQuery={dataQuery(filter, "papers", bucket)}
          chart={<TopicTrendsChart topics={dashboard.topicTrends.topics} points={dashboard.topicTrends.points} filter={filter} />}
          table={<TopicTrendsTable topics={dashboard.topicTrends.topics} points={dashboard.topicTrends.points} filter={filter} />}
        />
        <ChartCard
          id="authors"
          title="Authors per paper"
          description={`Mean and median team size per ${bucket}, over papers on this topic whose author count is known.`}
          dataQuery={dataQuery(filter, "authors", bucket)}
          chart={<AuthorTrendsChart points={dashboard.authorTrends} filter={filter} />}
          table={<AuthorTrendsTable points={dashboard.authorTrends} filter={filter} />}
        />
        <ChartCard
          id="team-sizes"
          title="Team sizes"
          description="How many papers on this topic have each number of authors."
          dataQuery={dataQuery(filter, "team-sizes", bucket)}
          chart={<TeamSizeChart bins={dashboard.teamSizes} filter={filter} />}
          table={<TeamSizeTable bins={dashboard.teamSizes} filter={filter} />}
        />
        <ChartCard
          id="code"
          title="Code availability"
          description={`Share of papers on this topic per ${bucket} that link to a code repository, by host.`}
          dataQuery={dataQuery(filter, "code", bucket)}
          chart={<CodeTrendsChart points={dashboard.codeTrends} hosts={dashboard.codeHosts} filter={filter} />}
          table={<CodeTrendsTable points={dashboard.codeTrends} hosts={dashboard.codeHosts} filter={filter} />}
        />
        <ChartCard
          id="upvotes"
          title="Community upvotes"
          description={`Median upvotes per paper on this topic and the most upvoted paper per ${bucket}; papers without an upvote count are left out.`}
          dataQuery={dataQuery(filter, "upvotes", bucket)}
          chart={<UpvoteTrendsChart points={dashboard.upvoteTrends} filter={filter} />}
          table={<UpvoteTrendsTable points={dashboard.upvoteTrends} filter={filter} />}
        />
        <section className="chart-card" aria-labelledby="neighbours-title" data-testid="card-neighbours">
          <h2 id="neighbours-title">Often together with</h2>
          {neighbours.length === 0 ? (
            <p className="description">No paper on this topic has another topic under these filters.</p>
          ) : (
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Topic</th>
                  <th scope="col" className="number">Papers with both</th>
                </tr>
              </thead>
              <tbody>
                {neighbours.map(({ topic: other, papers }) => (
                  <tr key={other.id}>
                    <th scope="row">
                      <a href={`/topics/${other.id}`}>{other.label}</a>
                    </th>
                    <td className="number">
                      <CountLink href={drillDownHref({ ...filter, topics: [] }, { allTopics: [topic.id, other.id] })} count={papers} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section className="chart-card" aria-labelledby="top-papers-title">
          <h2 id="top-papers-title">Most upvoted papers</h2>
          <PaperList papers={dashboard.topPapers.papers} topicLabels={topicLabels} />
          <p>
            <a href={drillDownHref(filter, { sort: "upvotes" }) ?? "/papers"}>All {formatInteger(dashboard.topPapers.total)} papers on this topic</a>
          </p>
        </section>
      </div>

      <section className="chart-card wide" aria-labelledby="rules-title">
        <h2 id="rules-title">How papers get this topic</h2>
        <TopicRules rules={topic.rules} taxonomyVersion={topic.taxonomyVersion} />
      </section>
    </>
  );
}
