/**
 * Requests of the trends and papers routes as the dashboard's readers send
 * them: several metrics, periods and filters, so that a load run does not
 * repeat one URL. Every path is valid for any database the ingest builds,
 * because the topic ids come from the taxonomy.
 */
export const DASHBOARD_LOAD_PATHS: readonly string[] = [
  "/api/v1/trends?metric=papers&bucket=month",
  "/api/v1/trends?metric=papers&bucket=quarter&scope=alignment",
  "/api/v1/trends?metric=authors&bucket=month&from=2024-01-01",
  "/api/v1/trends?metric=upvotes&bucket=month&topic=safety",
  "/api/v1/trends?metric=code&bucket=quarter&hasCode=true",
  "/api/v1/papers?limit=50",
  "/api/v1/papers?scope=alignment&topic=rlhf,preference-optimization&sort=upvotes",
  "/api/v1/papers?q=reward%20hacking&limit=20",
  "/api/v1/papers?from=2025-01-01&to=2025-06-30&minUpvotes=10&sort=date&order=desc",
];
