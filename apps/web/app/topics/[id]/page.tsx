import { getTopic, isDatabaseUnavailable, PeriodRangeError } from "@alignment-trends/analytics";
import { TopicIdSchema, TrendsQuerySchema, type TrendFilter } from "@alignment-trends/schema";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { FilterBar } from "@/components/FilterBar";
import { HeadlineFigures } from "@/components/HeadlineFigures";
import { PaperList } from "@/components/PaperList";
import { PaperListDownloads } from "@/components/PaperListDownloads";
import { TrendCards } from "@/components/TrendCards";
import { CountLink } from "@/components/tables/CountLink";
import { TopicRules } from "@/components/topics/TopicRules";
import { ViewNotice } from "@/components/ViewNotice";
import { decodePathSegment } from "@/lib/decodePathSegment";
import { drillDownHref } from "@/lib/filterParams";
import { formatInteger } from "@/lib/format";
import { loadCached } from "@/lib/loadCached";
import { loadTopicPage } from "@/lib/loadTopicPage";
import { logger } from "@/lib/logger";
import { parseFilterQuery } from "@/lib/parseFilterQuery";
import { UnknownTopicError } from "@/lib/validateTopics";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Returns the tab title: the topic's label, or its id when the topic or the database is missing. */
export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const rawId = (await params).id;
  const id = decodePathSegment(rawId) ?? rawId;
  try {
    const topicId = id.toLowerCase();
    const topic = await loadCached("topic label", { topicId }, (connection) => getTopic(connection, topicId));
    return { title: topic ? topic.label : `Topic ${id}` };
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    logger.warn({ page: "/topics/[id]", topicId: id, err: error }, "database unavailable");
    return { title: `Topic ${id}` };
  }
}

export default async function TopicPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const requested = decodePathSegment((await params).id);
  if (requested === null) notFound();
  // Topic ids are lower case, so /topics/RLHF leads to the rlhf page.
  if (requested !== requested.toLowerCase()) {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(await searchParams)) for (const item of [value ?? []].flat()) query.append(name, item);
    redirect(`/topics/${encodeURIComponent(requested.toLowerCase())}${query.size > 0 ? `?${query.toString()}` : ""}`);
  }
  const topicId = TopicIdSchema.safeParse(requested);
  if (!topicId.success) notFound();
  const self = `/topics/${topicId.data}`;
  const parsed = parseFilterQuery(TrendsQuerySchema, await searchParams, { ignoreUnknown: true });
  if (!parsed.ok) return <ViewNotice message={`${parsed.message}.`} action={<a href={self}>Open the topic without filters</a>} />;
  const bucket = parsed.query.bucket;

  let data;
  try {
    data = await loadTopicPage(topicId.data, parsed.filter, bucket);
  } catch (error) {
    if (error instanceof PeriodRangeError || error instanceof UnknownTopicError) return <ViewNotice message={`${error.message}.`} action={<a href={self}>Open the topic without filters</a>} />;
    if (isDatabaseUnavailable(error)) return <ViewNotice message={`The topic has no data to show: ${error.message}`} />;
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
      <FilterBar action={self} filter={{ ...filter, topics: [] }} bucket={bucket} topics={dashboard.allTopics} showTopic={false} />
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
        <TrendCards
          data={dashboard}
          filter={filter}
          bucket={bucket}
          subject="papers on this topic"
          topicsCard={{ title: "Papers over time", description: `Papers on ${topic.label} per ${bucket}.` }}
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
          {dashboard.topPapers.total === 0 ? (
            <p className="chart-empty" role="status">
              No papers under these filters.
            </p>
          ) : (
            <>
              <p>
                <a href={drillDownHref(filter, { sort: "upvotes" }) ?? "/papers"}>All {formatInteger(dashboard.topPapers.total)} papers on this topic</a>
              </p>
              <PaperListDownloads filter={filter} total={dashboard.topPapers.total} sort="upvotes" order="desc" />
            </>
          )}
        </section>
      </div>

      <section className="chart-card wide" aria-labelledby="rules-title">
        <h2 id="rules-title">How papers get this topic</h2>
        <TopicRules rules={topic.rules} taxonomyVersion={topic.taxonomyVersion} />
      </section>
    </>
  );
}
