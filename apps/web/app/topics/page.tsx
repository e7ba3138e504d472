import { isDatabaseUnavailable, PeriodRangeError } from "@alignment-trends/analytics";
import { DATE_BASIS_LABELS, MIN_PAPERS_FOR_SHARE, TrendsQuerySchema, type Bucket, type TrendFilter } from "@alignment-trends/schema";
import type { Metadata } from "next";
import { ChartCard } from "@/components/ChartCard";
import { DownloadLinks } from "@/components/DownloadLinks";
import { ScopeSharesChart } from "@/components/charts/ScopeSharesChart";
import { TopicTrendsChart } from "@/components/charts/TopicTrendsChart";
import { FilterBar } from "@/components/FilterBar";
import { ScopeSharesTable } from "@/components/tables/ScopeSharesTable";
import { TopicTrendsTable } from "@/components/tables/TopicTrendsTable";
import { CooccurrenceImageButtons } from "@/components/topics/CooccurrenceImageButtons";
import { CooccurrenceMatrix } from "@/components/topics/CooccurrenceMatrix";
import { TopicOverviewTable } from "@/components/topics/TopicOverviewTable";
import { ViewNotice } from "@/components/ViewNotice";
import { filterToParams } from "@/lib/filterParams";
import { formatInteger, formatShare } from "@/lib/format";
import { loadTopicsOverview } from "@/lib/loadTopicsOverview";
import { parseFilterQuery } from "@/lib/parseFilterQuery";
import { UnknownTopicError } from "@/lib/validateTopics";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Topics" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function dataQuery(filter: TrendFilter, extra: Record<string, string>): string {
  const params = filterToParams(filter);
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  return params.toString();
}

export default async function TopicsPage({ searchParams }: { searchParams: SearchParams }) {
  const parsed = parseFilterQuery(TrendsQuerySchema, await searchParams, { ignoreUnknown: true });
  if (!parsed.ok) return <ViewNotice message={`${parsed.message}.`} action={<a href="/topics">Open the topics without filters</a>} />;
  // The page shows every topic side by side, so a topic filter would only hide some of them.
  const filter: TrendFilter = { ...parsed.filter, topics: [] };
  const bucket: Bucket = parsed.query.bucket;

  let data;
  try {
    data = await loadTopicsOverview(filter, bucket);
  } catch (error) {
    if (error instanceof PeriodRangeError || error instanceof UnknownTopicError) return <ViewNotice message={`${error.message}.`} action={<a href="/topics">Open the topics without filters</a>} />;
    if (isDatabaseUnavailable(error)) return <ViewNotice message={`The topics have no data to show: ${error.message}`} />;
    throw error;
  }

  const { headline, cooccurrence } = data;
  return (
    <>
      <h1>Topics</h1>
      <p className="lede">
        {formatInteger(headline.alignmentPapers)} of {formatInteger(headline.papers)} papers (
        {formatShare(headline.papers === 0 ? null : headline.alignmentPapers / headline.papers)}) are alignment research, sorted into {cooccurrence.topics.length}{" "}
        topics by the rules each topic page shows. A paper can have several topics, and each paper page says which phrases gave them. Date:{" "}
        {DATE_BASIS_LABELS[filter.dateBasis]}.
      </p>
      <FilterBar action="/topics" filter={filter} bucket={bucket} topics={cooccurrence.topics} showTopic={false} />
      {headline.papers === 0 && (
        <div className="notice" role="status">
          No papers match these filters. Widen the date range or clear the filters.
        </div>
      )}
      {data.coarseDates > 0 && (
        <p className="notice" role="status" data-testid="coarse-dates">
          {formatInteger(data.coarseDates)} {data.coarseDates === 1 ? "paper has" : "papers have"} a date known only to a span longer than one{" "}
          {bucket} and {data.coarseDates === 1 ? "is" : "are"} left out of the series over time; choose a longer period to include them.
        </p>
      )}

      <div className="chart-grid">
        <ChartCard
          id="scope-shares"
          title="Alignment research in the whole feed"
          description={`Share of all papers per ${bucket} that are alignment research, and share that use “alignment” in another sense (image registration, sequence alignment, word alignment in translation, aligning representations across models). Periods with fewer than ${MIN_PAPERS_FOR_SHARE} papers are left as gaps; the table lists them. The scope filter does not apply here.`}
          dataQuery={dataQuery({ ...filter, scope: undefined }, { metric: "scope-shares", bucket })}
          emptyMessage={
            data.scopeShares.some((point) => point.alignmentShare !== null || point.otherAlignmentShare !== null)
              ? null
              : `No ${bucket} has ${MIN_PAPERS_FOR_SHARE} or more papers under these filters, so no share is drawn. Widen the date range, choose a longer period or clear some filters.`
          }
          chart={<ScopeSharesChart points={data.scopeShares} filter={filter} />}
          table={<ScopeSharesTable points={data.scopeShares} filter={filter} />}
        />
        <ChartCard
          id="topics"
          title="Topics over time"
          description={`Alignment papers per topic and ${bucket}. A paper with several topics counts once in each.`}
          dataQuery={dataQuery(filter, { metric: "papers", bucket })}
          emptyMessage={
            data.topicTrends.points.some((point) => Object.values(point.topics).some((count) => count > 0))
              ? null
              : "No alignment papers with a topic under these filters. Widen the date range or clear some filters."
          }
          chart={<TopicTrendsChart topics={data.topicTrends.topics} points={data.topicTrends.points} filter={filter} />}
          table={<TopicTrendsTable topics={data.topicTrends.topics} points={data.topicTrends.points} filter={filter} />}
        />
      </div>

      <section className="chart-card wide" aria-labelledby="topic-list-title">
        <h2 id="topic-list-title">The topics</h2>
        <p className="description">Each topic links to its page: papers, team size, code share and upvotes over time, and the rules that tag it.</p>
        <div className="table-scroll">
          <TopicOverviewTable cooccurrence={cooccurrence} alignmentPapers={headline.alignmentPapers} filter={filter} />
        </div>
      </section>

      <section className="chart-card wide" aria-labelledby="cooccurrence-title" data-testid="card-cooccurrence">
        <h2 id="cooccurrence-title">Topics that occur together</h2>
        <p className="description">
          Papers tagged with both topics; the diagonal counts each topic&apos;s papers. The darker the cell, the larger the pair&apos;s share of the
          smaller topic. Each count lists its papers.
        </p>
        <div className="table-scroll">
          <CooccurrenceMatrix cooccurrence={cooccurrence} filter={filter} />
        </div>
        <div className="downloads">
          <DownloadLinks path="/api/v1/cooccurrence" query={dataQuery(filter, {})} />
          <CooccurrenceImageButtons
            title="Topics that occur together"
            description="Papers tagged with both topics; the diagonal counts each topic's papers. The darker the cell, the larger the pair's share of the smaller topic."
            data={{ labels: cooccurrence.topics.map((topic) => topic.label), counts: cooccurrence.counts }}
          />
        </div>
      </section>
    </>
  );
}
