import { expect, test, type Page, type Route } from "@playwright/test";

/**
 * Holds the responses to requests for `path` that `shouldHold` picks until
 * the returned release is called, so that a test can look at the page while
 * the next one loads.
 */
async function holdRequests(page: Page, path: string, shouldHold: (route: Route) => boolean) {
  const heldRoutes: Route[] = [];
  let released = false;
  const matches = (url: URL) => url.pathname === path;
  await page.route(matches, async (route) => {
    if (!released && shouldHold(route)) heldRoutes.push(route);
    else await route.continue();
  });
  return async () => {
    released = true;
    for (const route of heldRoutes) await route.continue();
    await page.unroute(matches);
  };
}

/**
 * Returns the texts the navigation status takes from now on. Playwright
 * cannot read a page while the browser loads the next document, so the page
 * reports each change itself.
 */
async function recordStatus(page: Page): Promise<string[]> {
  const texts: string[] = [];
  await page.exposeFunction("reportNavigationStatus", (text: string) => texts.push(text));
  await page.evaluate(() => {
    const status = document.querySelector(".navigation-status")!;
    const report = (window as unknown as { reportNavigationStatus: (text: string) => void }).reportNavigationStatus;
    new MutationObserver(() => report(status.textContent ?? "")).observe(status, { childList: true, subtree: true, characterData: true });
  });
  return texts;
}

/** Server component payloads, which the client router fetches for a navigation. */
const isPayload = (route: Route) => route.request().headers()["rsc"] !== undefined;
/** Documents, which the browser fetches for a full page load. */
const isDocument = (route: Route) => route.request().resourceType() === "document";

/** Each page that queries the database, the header link that opens it, the page the test starts on, and its loading message. */
const PAGES = [
  { link: "Dashboard", path: "/", start: "/papers", message: "Loading the dashboard…", heading: "Alignment research trends" },
  { link: "Topics", path: "/topics", start: "/", message: "Loading the topics…", heading: "Topics" },
  { link: "Compare", path: "/compare", start: "/", message: "Loading the comparison…", heading: "Compare terms and topics" },
  { link: "Emerging", path: "/emerging", start: "/", message: "Loading the emerging terms…", heading: "Emerging terms" },
  { link: "Papers", path: "/papers", start: "/", message: "Loading the papers…", heading: "Papers" },
];

test.describe("navigation status", () => {
  for (const { link, path, start, message, heading } of PAGES) {
    test(`${link} link shows its loading status`, async ({ page }) => {
      await page.goto(start);
      const status = page.locator(".navigation-status");
      await expect(status).toHaveRole("status");
      await expect(status).toHaveText("");

      const release = await holdRequests(page, path, isPayload);
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: link, exact: true }).click();
      await expect(status).toHaveText(message);
      await expect(status).toBeVisible();

      await release();
      await expect(page.getByRole("heading", { level: 1, name: heading, exact: true })).toBeVisible();
      await expect(status).toHaveText("");
    });
  }

  test("filter form shows the status until the page loads", async ({ page }) => {
    await page.goto("/topics");
    const seen = await recordStatus(page);
    const release = await holdRequests(page, "/topics", isDocument);

    await page.getByRole("form", { name: "Filters" }).getByLabel("Period").selectOption("year");
    await page.getByRole("button", { name: "Apply" }).click({ noWaitAfter: true });
    await expect.poll(() => seen).toEqual(["Loading the topics…"]);

    await release();
    await expect(page).toHaveURL("/topics?bucket=year");
    await expect(page.locator(".navigation-status")).toHaveText("");
  });

  test("link to a topic shows the topic message", async ({ page }) => {
    await page.goto("/topics");
    const seen = await recordStatus(page);
    const release = await holdRequests(page, "/topics/rlhf", isDocument);

    await page.getByRole("link", { name: "RLHF and RLAIF" }).first().click({ noWaitAfter: true });
    await expect.poll(() => seen).toEqual(["Loading the topic…"]);

    await release();
    await expect(page).toHaveURL("/topics/rlhf");
  });

  test("data download leaves the status empty", async ({ page }) => {
    await page.goto("/");
    const card = page.getByTestId("card-topics");
    const [download] = await Promise.all([page.waitForEvent("download"), card.getByRole("link", { name: "CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/u);
    await expect(page.locator(".navigation-status")).toHaveText("");
  });
});
