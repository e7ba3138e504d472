import { DatabaseUnavailableError, listPapers, listTopics } from "@alignment-trends/analytics";
import { filterFromQuery, PapersQuerySchema } from "@alignment-trends/schema";
import type { Metadata } from "next";
import { FilterBar } from "@/components/FilterBar";
import { PaperList } from "@/components/PaperList";
import { getTrendsDatabase } from "@/lib/database";
import { filterToParams } from "@/lib/filterParams";
import { formatInteger } from "@/lib/format";
import { parseQuery } from "@/lib/parseQuery";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Papers" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const SORT_LABELS = { date: "date", upvotes: "upvotes", authors: "team size" } as const;

export default async function PapersPage({ searchParams }: { searchParams: SearchParams }) {
  const query = parseQuery(PapersQuerySchema, await searchParams, { ignoreUnknown: true });
  if (!query.ok) {
    return (
      <div className="notice error" role="alert">
        <p>{query.message}.</p>
        <p>
          <a href="/papers">List all papers</a>
        </p>
      </div>
    );
  }
  const filter = filterFromQuery(query.data);
  const { sort, order, limit, offset } = query.data;

  let data;
  try {
    data = await getTrendsDatabase().withConnection(async (connection) => ({
      topics: await listTopics(connection, { ...filter, topics: [] }),
      page: await listPapers(connection, filter, { sort, order, limit, offset }),
    }));
  } catch (error) {
    if (!(error instanceof DatabaseUnavailableError)) throw error;
    return (
      <div className="notice error" role="alert">
        <p>No papers to list: {error.message}</p>
      </div>
    );
  }

  const base = filterToParams(filter);
  const linkWith = (changes: Record<string, string | number>) => {
    const params = new URLSearchParams(base);
    params.set("sort", sort);
    params.set("order", order);
    params.set("limit", String(limit));
    for (const [key, value] of Object.entries(changes)) params.set(key, String(value));
    return `/papers?${params.toString()}`;
  };
  const { total, papers } = data.page;
  const first = total === 0 ? 0 : offset + 1;
  const last = offset + papers.length;

  return (
    <>
      <h1>Papers</h1>
      <p className="lede" data-testid="paper-count">
        {total === 0 ? "No papers match these filters." : `${formatInteger(first)}–${formatInteger(last)} of ${formatInteger(total)} papers`}, sorted by{" "}
        {SORT_LABELS[sort]}, {order === "desc" ? "highest first" : "lowest first"}.
      </p>
      <FilterBar action="/papers" filter={filter} topics={data.topics} hidden={{ sort, order }} />
      <p>
        Sort by:{" "}
        {(Object.keys(SORT_LABELS) as (keyof typeof SORT_LABELS)[]).map((key) => (
          <span key={key}>
            {key === sort ? <strong>{SORT_LABELS[key]}</strong> : <a href={linkWith({ sort: key, offset: 0 })}>{SORT_LABELS[key]}</a>}{" "}
          </span>
        ))}
        · <a href={linkWith({ order: order === "desc" ? "asc" : "desc", offset: 0 })}>{order === "desc" ? "lowest first" : "highest first"}</a>
        {" · "}
        <a href={`/api/v1/papers?${new URLSearchParams([...new URL(linkWith({}), "http://localhost").searchParams, ["format", "csv"]]).toString()}`} download>
          Download this page as CSV
        </a>
      </p>
      <PaperList papers={papers} />
      <nav className="pagination" aria-label="Pages">
        {offset > 0 ? <a href={linkWith({ offset: Math.max(0, offset - limit) })}>← Previous</a> : <span />}
        {last < total ? <a href={linkWith({ offset: offset + limit })}>Next →</a> : null}
      </nav>
    </>
  );
}
