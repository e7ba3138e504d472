import { getPaper, isDatabaseUnavailable } from "@alignment-trends/analytics";
import type { PaperDetail } from "@alignment-trends/schema";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ExternalLink } from "@/components/ExternalLink";
import { ViewNotice } from "@/components/ViewNotice";
import { decodePathSegment } from "@/lib/decodePathSegment";
import { formatDatedValue } from "@/lib/format";
import { loadCached } from "@/lib/loadCached";
import { logger } from "@/lib/logger";
import { PaperIdSchema } from "@/lib/paperId";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;

const FIELD_NAMES: Record<string, string> = {
  title: "title",
  abstract: "abstract",
  authors: "authors",
  published: "published date",
  upvotes: "upvotes",
  code: "code link",
};

/** Groups the merged fields by the digest that gave them, as "format (file name): field, field". */
function describeSources(paper: PaperDetail): string[] {
  const fieldsByDigest = new Map<number, string[]>();
  for (const [field, digestId] of Object.entries(paper.fieldSources)) {
    if (digestId === null || digestId === undefined) continue;
    fieldsByDigest.set(digestId, [...(fieldsByDigest.get(digestId) ?? []), FIELD_NAMES[field] ?? field]);
  }
  return [...fieldsByDigest.entries()].map(([digestId, fields]) => {
    const sighting = paper.sightings.find((candidate) => candidate.digestId === digestId);
    const source = sighting ? `${sighting.format} (${sighting.digestPath.split(/[\\/]/u).at(-1)})` : `digest ${digestId}`;
    return `${fields.join(", ")} from ${source}`;
  });
}

async function loadPaper(rawId: string) {
  const id = PaperIdSchema.safeParse(decodePathSegment(rawId));
  if (!id.success) notFound();
  const paper = await loadCached("paper", { id: id.data }, (connection) => getPaper(connection, id.data));
  if (!paper) notFound();
  return paper;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  try {
    return { title: (await loadPaper((await params).id)).title };
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { title: "Paper" };
    throw error;
  }
}

export default async function PaperPage({ params }: { params: Params }) {
  const { id } = await params;
  let paper;
  try {
    paper = await loadPaper(id);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    logger.warn({ page: "/papers/[id]", paperId: id, err: error }, "database unavailable");
    return <ViewNotice message={`The paper cannot be shown: ${error.message}`} />;
  }
  const codeLinks = paper.links.filter((link) => link.kind === "code");
  const hubLinks = paper.links.filter((link) => link.kind !== "code");

  return (
    <article className="paper-detail">
      <p>
        <a href="/papers">← All papers</a>
      </p>
      <h1>{paper.title}</h1>
      <dl>
        <dt>Authors</dt>
        <dd>{paper.authors.length > 0 ? paper.authors.join(", ") : paper.authorsCount === null ? "unknown" : `${paper.authorsCount} (names not in the digests)`}</dd>
        <dt>Published</dt>
        <dd>{formatDatedValue(paper.publishedOn, paper.publishedPrecision, true)}</dd>
        <dt>First listed</dt>
        <dd>{paper.listedOn ?? "not listed by a daily digest"}</dd>
        <dt>Upvotes</dt>
        <dd>
          {paper.upvotes === null ? "no digest gives upvotes for this paper" : `${paper.upvotes} (latest count seen)`}
          {paper.upvotesFirstWeek !== null && <>; {paper.upvotesFirstWeek} within a week of first listing</>}
        </dd>
        {paper.comments !== null && (
          <>
            <dt>Comments</dt>
            <dd>{paper.comments}</dd>
          </>
        )}
        <dt>Code</dt>
        <dd>
          {codeLinks.length === 0
            ? "no code link found"
            : codeLinks.map((link) => (
                <div key={link.url}>
                  <ExternalLink url={link.url} />
                </div>
              ))}
        </dd>
        {hubLinks.length > 0 && (
          <>
            <dt>Hugging Face</dt>
            <dd>
              {hubLinks.map((link) => (
                <div key={link.url}>
                  {link.kind}: <ExternalLink url={link.url} />
                </div>
              ))}
            </dd>
          </>
        )}
        {paper.projectPage && (
          <>
            <dt>Project page</dt>
            <dd>
              <ExternalLink url={paper.projectPage} />
            </dd>
          </>
        )}
        <dt>Links</dt>
        <dd>
          {paper.arxivUrl ? (
            <>
              <a href={paper.arxivUrl} rel="noopener noreferrer">
                arXiv {paper.arxivId}
              </a>
              {" · "}
              <a href={paper.huggingFaceUrl!} rel="noopener noreferrer">
                Hugging Face
              </a>
            </>
          ) : (
            "no arXiv id known"
          )}
        </dd>
        <dt>Scope</dt>
        <dd>
          {paper.scope}
          {paper.scopeEvidence.length > 0 && <> (matched: {paper.scopeEvidence.map((phrase) => `“${phrase}”`).join(", ")})</>}
        </dd>
        <dt>Topics</dt>
        <dd data-testid="topic-evidence">
          {paper.topicTags.length === 0
            ? "none"
            : paper.topicTags.map((tag) => (
                <div key={tag.topic}>
                  <a href={`/papers?topic=${encodeURIComponent(tag.topic)}`}>{tag.label}</a>: matched {tag.evidence.map((phrase) => `“${phrase}”`).join(", ")}
                </div>
              ))}
          {paper.taxonomyVersion && <div className="meta">Taxonomy version {paper.taxonomyVersion}</div>}
        </dd>
      </dl>

      <h2>Abstract</h2>
      <p className="abstract">{paper.abstract ?? "No abstract in the digests."}</p>

      {paper.aiKeywords.length > 0 && (
        <>
          <h2>Keywords (from Hugging Face)</h2>
          <p>
            {paper.aiKeywords.map((keyword) => (
              <span key={keyword} className="tag">
                {keyword}
              </span>
            ))}
          </p>
        </>
      )}

      <h2>Sightings</h2>
      <p className="meta">
        One row per digest that mentioned the paper. Each merged value comes from the most trusted digest that gave one:{" "}
        {describeSources(paper).join("; ")}.
      </p>
      <div className="table-scroll">
        <table className="data" data-testid="sightings">
          <thead>
            <tr>
              <th scope="col">Digest</th>
              <th scope="col">Format</th>
              <th scope="col">Digest date</th>
              <th scope="col">Listed</th>
              <th scope="col" className="number">Upvotes then</th>
              <th scope="col">Other fields</th>
            </tr>
          </thead>
          <tbody>
            {paper.sightings.map((sighting) => (
              <tr key={`${sighting.digestId}:${sighting.location}`}>
                <td>
                  {sighting.digestPath} ({sighting.location})
                  {sighting.title !== paper.title && <div className="meta">as “{sighting.title}”</div>}
                </td>
                <td>{sighting.format}</td>
                <td>{sighting.digestDate ?? "–"}</td>
                <td>{sighting.listedOn ?? "–"}</td>
                <td className="number">{sighting.upvotes ?? "–"}</td>
                <td>
                  {sighting.extra ? (
                    <details>
                      <summary>{Object.keys(sighting.extra).join(", ")}</summary>
                      <pre className="extra">{JSON.stringify(sighting.extra, null, 2)}</pre>
                    </details>
                  ) : (
                    "–"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </article>
  );
}
