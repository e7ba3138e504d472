import type { Provenance } from "@alignment-trends/schema";
import type { ExportTable } from "../../lib/export/exportTable";

/** A table with one column of every exported type, and cells that CSV must quote or neutralise. */
export const SAMPLE_TABLE: ExportTable = {
  name: "sample",
  description: "A table with every column type.",
  columns: [
    { name: "period_start", type: "DATE", unit: null, description: "First day." },
    { name: "label", type: "VARCHAR", unit: null, description: "A label | with a pipe." },
    { name: "papers", type: "INTEGER", unit: "papers", description: "Papers." },
    { name: "total_upvotes", type: "BIGINT", unit: "upvotes", description: "Upvotes." },
    { name: "share", type: "DOUBLE", unit: "share, 0 to 1", description: "A share." },
    { name: "indexed", type: "BOOLEAN", unit: null, description: "Indexed or not." },
    { name: "topics", type: "VARCHAR[]", unit: null, description: "Topic ids." },
  ],
  rows: [
    ["2024-01-01", '=HYPERLINK("x")', 12, 9_007_199_254_740_991, 0.25, true, ["rlhf", "safety"]],
    ["2024-02-29", 'Łukasz, "quoted"', 0, 0, null, false, []],
    [null, "-1 minus", null, null, -0.5, null, null],
  ],
  notes: ["One note."],
};

/** The provenance of a download of the trend of code links on the topic rlhf, as a CSV file. */
export const SAMPLE_PROVENANCE: Provenance = {
  source: "Alignment Trends",
  request: "/api/v1/trends?metric=code&topic=rlhf&format=csv",
  generatedAt: "2026-02-03T04:05:06.789Z",
  filters: {
    from: null, to: null, scope: null, topic: ["rlhf"], hasCode: null, codeHost: null, minUpvotes: null, minAuthors: null, maxAuthors: null,
    q: null, term: [], allTopics: [], dateBasis: "listed", upvoteBasis: "latest",
  },
  options: { metric: "code", bucket: "month" },
  bucket: "month",
  dateBasis: "first listed, else published",
  taxonomyVersion: "2026.1",
  database: { buildId: "build-1", builtAt: "2026-01-02 03:04:05" },
  rows: null,
  notes: [],
};
