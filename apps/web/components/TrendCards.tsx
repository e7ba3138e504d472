import { DATE_BASIS_LABELS, MIN_PAPERS_FOR_SHARE, type Bucket, type TrendFilter } from "@alignment-trends/schema";
import type { readDashboard } from "@/lib/loadDashboard";
import { filterToParams } from "@/lib/filterParams";
import { ChartCard } from "./ChartCard";
import { AuthorTrendsChart } from "./charts/AuthorTrendsChart";
import { CodeTrendsChart } from "./charts/CodeTrendsChart";
import { TeamSizeChart } from "./charts/TeamSizeChart";
import { TopicTrendsChart } from "./charts/TopicTrendsChart";
import { UpvoteTrendsChart } from "./charts/UpvoteTrendsChart";
import { AuthorTrendsTable, TeamSizeTable } from "./tables/AuthorTrendsTable";
import { CodeTrendsTable } from "./tables/CodeTrendsTable";
import { TopicTrendsTable } from "./tables/TopicTrendsTable";
import { UpvoteTrendsTable } from "./tables/UpvoteTrendsTable";

type DashboardData = Awaited<ReturnType<typeof readDashboard>>;

interface Props {
  data: DashboardData;
  filter: TrendFilter;
  bucket: Bucket;
  /** The papers the view is about, as the descriptions name them: "papers", or "papers on this topic". */
  subject: string;
  /** The title and description of the first card, which charts the topics. */
  topicsCard: { title: string; description: string };
}

function dataQuery(filter: TrendFilter, bucket: Bucket, metric: string): string {
  const params = filterToParams(filter);
  params.set("metric", metric);
  params.set("bucket", bucket);
  return params.toString();
}

const WIDEN = "Widen the date range or clear some filters.";

/** Returns, for each chart of the cards, why it has nothing to draw, or null when it has data. */
function describeEmptyCharts(data: DashboardData, subject: string) {
  const none = (count: number, missingPapers: string) => (count === 0 ? `No ${missingPapers} under these filters. ${WIDEN}` : null);
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  return {
    topics: none(sum(data.topicTrends.points.flatMap((point) => Object.values(point.topics))), "alignment papers with a topic"),
    authors: none(sum(data.authorTrends.map((point) => point.papersWithAuthorCount)), `${subject} with a known author count`),
    teamSizes: none(sum(data.teamSizes.map((bin) => bin.papers)), `${subject} with a known author count`),
    code: none(sum(data.codeTrends.map((point) => point.papers)), `dated ${subject}`),
    upvotes: none(sum(data.upvoteTrends.map((point) => point.papers)), `${subject} with an upvote count`),
  };
}

/** Renders the chart cards of topics, authors, team sizes, code and upvotes that the dashboard and each topic page show. */
export function TrendCards({ data, filter, bucket, subject, topicsCard }: Props) {
  const upvoteSource =
    filter.upvoteBasis === "latest" ? "the latest count seen in any digest" : "the last count seen within a week of first listing";
  const empty = describeEmptyCharts(data, subject);
  return (
    <>
      <ChartCard
        id="topics"
        title={topicsCard.title}
        description={`${topicsCard.description} Date: ${DATE_BASIS_LABELS[filter.dateBasis]}.`}
        dataQuery={dataQuery(filter, bucket, "papers")}
        emptyMessage={empty.topics}
        chart={<TopicTrendsChart topics={data.topicTrends.topics} points={data.topicTrends.points} filter={filter} />}
        table={<TopicTrendsTable topics={data.topicTrends.topics} points={data.topicTrends.points} filter={filter} />}
      />
      <ChartCard
        id="authors"
        title="Authors per paper"
        description={`Mean and median team size per ${bucket}, over ${subject} whose author count is known.`}
        dataQuery={dataQuery(filter, bucket, "authors")}
        emptyMessage={empty.authors}
        chart={<AuthorTrendsChart points={data.authorTrends} filter={filter} />}
        table={<AuthorTrendsTable points={data.authorTrends} filter={filter} />}
      />
      <ChartCard
        id="team-sizes"
        title="Team sizes"
        description={`How many ${subject} have each number of authors.`}
        dataQuery={dataQuery(filter, bucket, "team-sizes")}
        emptyMessage={empty.teamSizes}
        chart={<TeamSizeChart bins={data.teamSizes} filter={filter} />}
        table={<TeamSizeTable bins={data.teamSizes} filter={filter} />}
      />
      <ChartCard
        id="code"
        title="Code availability"
        description={`Share of ${subject} per ${bucket} that link to a code repository, by host. A ${bucket} with fewer than ${MIN_PAPERS_FOR_SHARE} papers is left as a gap; the data table lists its counts.`}
        dataQuery={dataQuery(filter, bucket, "code")}
        emptyMessage={empty.code}
        chart={<CodeTrendsChart points={data.codeTrends} hosts={data.codeHosts} filter={filter} />}
        table={<CodeTrendsTable points={data.codeTrends} hosts={data.codeHosts} filter={filter} />}
      />
      <ChartCard
        id="upvotes"
        title="Community upvotes"
        description={`Median upvotes per paper and the most upvoted paper per ${bucket}, over ${subject}, from ${upvoteSource}; papers without such a count are left out.`}
        dataQuery={dataQuery(filter, bucket, "upvotes")}
        emptyMessage={empty.upvotes}
        chart={<UpvoteTrendsChart points={data.upvoteTrends} filter={filter} />}
        table={<UpvoteTrendsTable points={data.upvoteTrends} filter={filter} />}
      />
    </>
  );
}
