import { DASHBOARD_LOAD_PATHS } from "../../bench/measure/dashboardLoadPaths";

/**
 * Returns the paths a reader of the dashboard requests most: every page, a
 * topic page and the page of paper `paperId`, and the API routes behind them
 * with several filters. Every path returns 200 on any database the ingest
 * builds that contains `paperId`, because topic ids come from the taxonomy.
 */
export function listMainRoutes(paperId: string): string[] {
  const paper = encodeURIComponent(paperId);
  return [
    "/",
    "/?scope=alignment&bucket=quarter",
    "/topics",
    "/topics/rlhf",
    "/compare?series=RLHF+%7C+reinforcement+learning+from+human+feedback&series=DPO+%7C+direct+preference+optimization&bucket=month&measure=share",
    "/compare?series=topic%3Arlhf&series=topic%3Apreference-optimization&bucket=month&measure=papers",
    "/emerging",
    "/papers",
    "/papers?topic=safety&sort=upvotes",
    `/papers/${paper}`,
    ...DASHBOARD_LOAD_PATHS,
    "/api/v1/compare?series=reward+model&series=topic%3Asafety&bucket=quarter",
    "/api/v1/emerging",
    "/api/v1/cooccurrence",
    `/api/v1/papers/${paper}`,
  ];
}
