import type { Page } from "@playwright/test";
import type { PageLoadTimings } from "./measureDashboardPage";

/**
 * Reads the largest contentful paint, first contentful paint and the end of
 * the load event of a page that has finished loading. The browser records
 * LCP only for a visible element and stops at the first input, and a
 * buffered observer receives the entries recorded before it was created.
 */
export async function readPaintTimings(page: Page): Promise<PageLoadTimings> {
  const timings = await page.evaluate(async () => {
    const lcpEntries: (PerformanceEntry & { element?: Element | null })[] = [];
    const observer = new PerformanceObserver((list) => lcpEntries.push(...list.getEntries()));
    observer.observe({ type: "largest-contentful-paint", buffered: true });
    // The buffered entries arrive in a later task, so the observer gets one before its pending records are taken.
    await new Promise((resolve) => setTimeout(resolve, 100));
    lcpEntries.push(...observer.takeRecords());
    observer.disconnect();

    const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    const firstContentfulPaint = performance.getEntriesByName("first-contentful-paint")[0];
    const largest = lcpEntries.at(-1);
    const element = largest?.element;
    return {
      largestContentfulPaintMs: largest?.startTime ?? null,
      largestContentfulPaintElement: element ? `<${element.tagName.toLowerCase()}> ${(element.textContent ?? "").trim().slice(0, 60)}` : null,
      firstContentfulPaintMs: firstContentfulPaint?.startTime ?? null,
      loadEventMs: navigation && navigation.loadEventEnd > 0 ? navigation.loadEventEnd : null,
    };
  });
  if (timings.loadEventMs === null) throw new Error(`The page ${page.url()} has no finished load event to time; wait for its load state first`);
  return { ...timings, loadEventMs: timings.loadEventMs };
}
