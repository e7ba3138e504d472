import { isDatabaseUnavailable, listPapers, listTopics } from "@alignment-trends/analytics";
import { DEFAULT_PAPER_PAGE_SIZE, PapersQuerySchema } from "@alignment-trends/schema";
import type { Metadata } from "next";
import { FilterBar } from "@/components/FilterBar";
import { PaperList } from "@/components/PaperList";
import { PaperListDownloads } from "@/components/PaperListDownloads";
import { filterToParams } from "@/lib/filterParams";
import { formatInteger } from "@/lib/format";
import { loadCached } from "@/lib/loadCached";
import { parseFilterQuery } from "@/lib/parseFilterQuery";
import { findUnknownTopic } from "@/lib/validateTopics";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Papers" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const SORT_LABELS = { date: "date", upvotes: "upvotes", authors: "team size" } as const;

/** How each sort order reads: dates run newest to oldest, counts highest to lowest. */
function orderLabel(sort: keyof typeof SORT_LABELS, order: "asc" | "desc"): string {
  if (sort === "date") return order === "desc" ? "newest first" : "oldest first";
  return order === "desc" ? "highest first" : "lowest first";
}

/** Describes which papers the page shows, including a page past the end of the list. */
function describeRange(total: number, offset: number, shown: number): string {
  if (total === 0) return "No papers match these filters";
  if (shown === 0) return `No papers on this page; the list has ${formatInteger(total)} papers`;
  return `${formatInteger(offset + 1)}–${formatInteger(offset + shown)} of ${formatInteger(total)} papers`;
}

export default async function PapersPage({ searchParams }: { searchParams: SearchParams }) {
  const parsed = parseFilterQuery(PapersQuerySchema, await searchParams, { ignoreUnknown: true });
  if (!parsed.ok) {
    return (
      <div className="notice error" role="alert">
        <p>{parsed.message}.</p>
        <p>
          <a href="/papers">List all papers</a>
        </p>
      </div>
    );
  }
  const { filter } = parsed;
  const { sort, order, offset } = parsed.query;
  // `limit=all` requests the whole list, which only downloads serve, so the page shows one page of the default size.
  const limit = parsed.query.limit === "all" ? DEFAULT_PAPER_PAGE_SIZE : parsed.query.limit;

  let data;
  try {
    data = await loadCached("papers", { filter, sort, order, limit, offset }, async (connection) => ({
      unknownTopic: await findUnknownTopic(connection, filter),
      topics: await listTopics(connection, { ...filter, topics: [] }),
      page: await listPapers(connection, filter, { sort, order, limit, offset }),
    }));
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return (
      <div className="notice error" role="alert">
        <p>No papers to list: {error.message}</p>
      </div>
    );
  }

  if (data.unknownTopic) {
    return (
      <div className="notice error" role="alert">
        <p>{data.unknownTopic.message}.</p>
        <p>
          <a href="/papers">List all papers</a>
        </p>
      </div>
    );
  }

  const base = filterToParams(filter);
  const paramsWith = (changes: Record<string, string | number>) => {
    const params = new URLSearchParams(base);
    params.set("sort", sort);
    params.set("order", order);
    params.set("limit", String(limit));
    params.set("offset", String(offset));
    for (const [key, value] of Object.entries(changes)) params.set(key, String(value));
    return params;
  };
  const linkWith = (changes: Record<string, string | number>) => `/papers?${paramsWith(changes).toString()}`;
  const { total, papers } = data.page;
  const last = offset + papers.length;
  const topicLabels = new Map(data.topics.map((topic) => [topic.id, topic.label]));

  return (
    <>
      <h1>Papers</h1>
      <p className="lede" data-testid="paper-count">
        {describeRange(total, offset, papers.length)}, sorted by {SORT_LABELS[sort]}, {orderLabel(sort, order)}.
        {papers.length === 0 && total > 0 && (
          <>
            {" "}
            <a href={linkWith({ offset: 0 })}>Go to the first page</a>.
          </>
        )}
      </p>
      <FilterBar action="/papers" filter={filter} topics={data.topics} hidden={{ sort, order }} />
      {total === 0 && (
        <div className="notice" role="status" data-testid="empty-list">
          No paper matches every filter at once. Widen the date range, remove a topic or a search word, or{" "}
          <a href={`/papers?${new URLSearchParams({ sort, order }).toString()}`}>clear the filters</a>.
        </div>
      )}
      <p>
        Sort by:{" "}
        {(Object.keys(SORT_LABELS) as (keyof typeof SORT_LABELS)[]).map((key) => (
          <span key={key}>
            {key === sort ? <strong>{SORT_LABELS[key]}</strong> : <a href={linkWith({ sort: key, offset: 0 })}>{SORT_LABELS[key]}</a>}{" "}
          </span>
        ))}
        · <a href={linkWith({ order: order === "desc" ? "asc" : "desc", offset: 0 })}>{orderLabel(sort, order === "desc" ? "asc" : "desc")}</a>
      </p>
      {total > 0 && <PaperListDownloads filter={filter} total={total} sort={sort} order={order} />}
      <PaperList papers={papers} topicLabels={topicLabels} />
      <nav className="pagination" aria-label="Pages">
        {offset > 0 ? <a href={linkWith({ offset: Math.max(0, offset - limit) })}>← Previous</a> : <span />}
        {last < total ? <a href={linkWith({ offset: offset + limit })}>Next →</a> : null}
      </nav>
    </>
  );
}
