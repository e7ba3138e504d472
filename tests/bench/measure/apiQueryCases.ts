/** One request to measure: a name for reports and the path with its query string. */
export interface ApiQueryCase {
  name: string;
  path: string;
  /** Fewer samples than the run's default, for a request that takes seconds. */
  maxSamples?: { cold: number; warm: number };
}

/**
 * Requests that cover every `/api/v1/` route with parameters a reader of the
 * dashboard sends: each trend metric, paper lists with filters, search and
 * sorting, one paper, term and topic comparisons, co-occurrence, emerging
 * terms, the dataset ZIP and the OpenAPI document. `paperId` is the paper the
 * single-paper request reads.
 */
export function listApiQueryCases(paperId: string): ApiQueryCase[] {
  return [
    { name: "trends papers per topic", path: "/api/v1/trends?metric=papers&bucket=month" },
    { name: "trends papers weekly, filtered", path: "/api/v1/trends?metric=papers&bucket=week&scope=alignment&from=2025-01-01" },
    { name: "trends authors", path: "/api/v1/trends?metric=authors&bucket=month" },
    { name: "trends team-sizes", path: "/api/v1/trends?metric=team-sizes" },
    { name: "trends code", path: "/api/v1/trends?metric=code&bucket=quarter" },
    { name: "trends upvotes", path: "/api/v1/trends?metric=upvotes&bucket=month" },
    { name: "trends scope-shares", path: "/api/v1/trends?metric=scope-shares&bucket=month" },
    { name: "papers default list", path: "/api/v1/papers" },
    { name: "papers filtered", path: "/api/v1/papers?scope=alignment&topic=rlhf,reward-modeling&from=2025-01-01&minUpvotes=5" },
    { name: "papers search", path: "/api/v1/papers?q=reward%20hacking" },
    { name: "papers by upvotes", path: "/api/v1/papers?sort=upvotes&order=desc&limit=100" },
    { name: "paper by id", path: `/api/v1/papers/${encodeURIComponent(paperId)}` },
    {
      name: "compare terms",
      path: "/api/v1/compare?series=DPO%20%7C%20direct%20preference%20optimization&series=RLHF&series=reward%20model&bucket=quarter",
    },
    { name: "compare topics", path: "/api/v1/compare?series=topic:safety&series=topic:rlhf&series=topic:preference-optimization&bucket=month" },
    { name: "cooccurrence", path: "/api/v1/cooccurrence" },
    { name: "emerging", path: "/api/v1/emerging" },
    { name: "emerging 6 months, alignment", path: "/api/v1/emerging?window=6&minPapers=10&scope=alignment" },
    { name: "dataset zip", path: "/api/v1/dataset", maxSamples: { cold: 3, warm: 5 } },
    { name: "openapi.json", path: "/api/v1/openapi.json" },
  ];
}
