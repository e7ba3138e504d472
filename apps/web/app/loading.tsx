import { LoadingStatus } from "@/components/LoadingStatus";

/**
 * Shows while the dashboard, or a route without a loading state of its own,
 * waits for the database.
 * NOTE: a client navigation to the dashboard from another page keeps that page
 * until the dashboard is ready, because React does not show the fallback of a
 * boundary that is already mounted, and this one wraps every page.
 */
export default function Loading() {
  return <LoadingStatus message="Loading the dashboard…" />;
}
