import type { PaperSummary } from "@alignment-trends/schema";
import Link from "next/link";
import { formatDatedValue } from "@/lib/format";

/** Papers as a list; each title opens the paper's page. Topics show by label where `topicLabels` has one. */
export function PaperList({ papers, topicLabels = new Map() }: { papers: PaperSummary[]; topicLabels?: Map<string, string> }) {
  return (
    <ol className="paper-list" data-testid="paper-list">
      {papers.map((paper) => (
        <li key={paper.id}>
          <Link href={`/papers/${encodeURIComponent(paper.id)}`}>{paper.title}</Link>
          <div className="meta">
            {[
              paper.listedOn ? `listed ${paper.listedOn}` : paper.publishedOn ? `published ${formatDatedValue(paper.publishedOn, paper.publishedPrecision, true)}` : "no date",
              paper.authorsCount === null ? "authors unknown" : `${paper.authorsCount} author${paper.authorsCount === 1 ? "" : "s"}`,
              paper.upvotes === null ? "upvotes unknown" : `${paper.upvotes} upvote${paper.upvotes === 1 ? "" : "s"}`,
              paper.codeUrl ? "code" : null,
            ]
              .filter(Boolean)
              .join(" · ")}
          </div>
          <div>
            {paper.topics.map((topic) => (
              <span key={topic} className="tag">
                {topicLabels.get(topic) ?? topic}
              </span>
            ))}
          </div>
        </li>
      ))}
    </ol>
  );
}
