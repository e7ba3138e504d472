import { expect, test, type Route } from "@playwright/test";

/**
 * Each page that queries the database: the header link that opens it, the
 * page the test starts on, its loading message and its heading.
 */
const PAGES = [
  { link: "Topics", path: "/topics", start: "/", message: "Loading the topics…", heading: "Topics" },
  { link: "Compare", path: "/compare", start: "/", message: "Loading the comparison…", heading: "Compare terms and topics" },
  { link: "Emerging", path: "/emerging", start: "/", message: "Loading the emerging terms…", heading: "Emerging terms" },
  { link: "Papers", path: "/papers", start: "/", message: "Loading the papers…", heading: "Papers" },
];

for (const { link, path, start, message, heading } of PAGES) {
  test(`${link} shows its loading status`, async ({ page }) => {
    await page.goto(start);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

    // Holds the page's server component payload until the loading status has been checked.
    const heldRoutes: Route[] = [];
    const isPage = (url: URL) => url.pathname === path;
    await page.route(isPage, async (route) => {
      if (route.request().headers()["rsc"] === undefined) await route.continue();
      else heldRoutes.push(route);
    });

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: link, exact: true }).click();
    const status = page.getByRole("status").filter({ hasText: message });
    await expect(status).toBeVisible();
    await expect(status).toHaveText(message);

    for (const route of heldRoutes) await route.continue();
    await page.unroute(isPage);
    await expect(page.getByRole("heading", { level: 1, name: heading, exact: true })).toBeVisible();
    await expect(status).toHaveCount(0);
  });
}

test("dashboard streams its loading status first", async ({ page }) => {
  // A client navigation to the dashboard keeps the old page until the new one is ready, because the root boundary is mounted already.
  const html = await (await page.request.get("/")).text();
  const status = html.indexOf('<div class="loading-status" role="status"><span class="loading-spinner" aria-hidden="true"></span>Loading the dashboard…</div>');
  expect(status).toBeGreaterThan(html.indexOf('<main id="main">'));
  expect(status).toBeLessThan(html.indexOf("Alignment research trends</h1>"));
});
