import { expect, test, type Locator, type Page } from "@playwright/test";

/*
 * The journeys a researcher takes through the dashboard, each from the first
 * page to the result, in Chromium against the production build.
 */

const TOPICS = ["rlhf", "safety", "preference-optimization"];

interface ComparisonJson {
  points: { label: string; papers: number; series: { papers: number; share: number | null; index: number | null }[] }[];
}

async function topicLabels(page: Page): Promise<Map<string, string>> {
  const response = await page.request.get("/api/v1/cooccurrence");
  const body = (await response.json()) as { topics: { id: string; label: string }[] };
  return new Map(body.topics.map((topic) => [topic.id, topic.label]));
}

/** Reads the total a paper list reports, such as "1–50 of 1,573 papers", or 0 for an empty list. */
async function listedTotal(page: Page): Promise<number> {
  const text = (await page.getByTestId("paper-count").textContent()) ?? "";
  const match = /of ([\d,]+) papers/u.exec(text);
  return match ? Number(match[1]!.replace(/,/gu, "")) : 0;
}

/** Presses Tab until the target has focus, failing after `limit` presses. */
async function tabUntilFocused(page: Page, target: Locator, limit = 60): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`the target did not receive focus within ${limit} presses of Tab`);
}

/** Points at a chart across its width until its tooltip shows, then clicks there, as a reader does. */
async function clickChartAt(page: Page, chart: Locator, fraction: number): Promise<void> {
  const surface = chart.locator(".recharts-wrapper > svg");
  await surface.scrollIntoViewIfNeeded();
  const box = (await surface.boundingBox())!;
  await page.mouse.move(box.x + box.width * fraction, box.y + box.height / 2);
  await expect(chart.locator(".recharts-tooltip-wrapper")).toBeVisible();
  await page.mouse.click(box.x + box.width * fraction, box.y + box.height / 2);
}

test.describe("compare journey", () => {
  test("three topics switch to shares", async ({ page }) => {
    const labels = await topicLabels(page);
    await page.goto("/compare");
    const form = page.getByRole("form", { name: "Filters" });
    for (const [index, topic] of TOPICS.entries()) await form.getByLabel(`Series ${index + 1}`).fill(`topic:${topic}`);
    await form.getByLabel("Measure").selectOption("papers");
    await form.getByLabel("Period").selectOption("quarter");
    await form.getByRole("button", { name: "Apply" }).click();

    await expect(page).toHaveURL(/\/compare\?series=topic%3Arlhf&series=topic%3Asafety&series=topic%3Apreference-optimization&measure=papers&bucket=quarter$/u);
    const chart = page.getByTestId("chart-compare");
    await expect(chart.locator(".recharts-line-curve")).toHaveCount(3);
    await expect(chart.locator(".recharts-legend-item")).toHaveText(TOPICS.map((topic) => `Topic: ${labels.get(topic)}`));

    await form.getByLabel("Measure").selectOption("share");
    await form.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/measure=share/u);
    await expect(page.getByRole("heading", { name: "Share of all papers per quarter" })).toBeVisible();

    // The table's shares equal the API's for the same comparison.
    const api = (await (
      await page.request.get(`/api/v1/compare?${TOPICS.map((topic) => `series=topic:${topic}`).join("&")}&bucket=quarter`)
    ).json()) as ComparisonJson;
    const card = page.getByTestId("card-compare");
    await card.getByText("Data table").click();
    const rows = card.locator("table tbody tr");
    await expect(rows).toHaveCount(api.points.length);
    const last = api.points.at(-1)!;
    await expect(rows.last().locator("th")).toHaveText(last.label);
    await expect(rows.last().locator("td").first()).toHaveText(last.papers.toLocaleString("en"));
  });
});

test.describe("filters journey", () => {
  test("filters survive reload and back", async ({ page }) => {
    await page.goto("/");
    const form = page.getByRole("form", { name: "Filters" });
    await form.getByLabel("From").fill("2025-01-01");
    await form.getByLabel("To").fill("2025-12-31");
    await form.getByLabel("Scope").selectOption("alignment");
    await form.getByTestId("topic-picker").locator("summary").click();
    const labels = await topicLabels(page);
    await form.getByRole("checkbox", { name: labels.get("rlhf")! }).check();
    await form.getByRole("checkbox", { name: labels.get("safety")! }).check();
    await form.getByLabel("Code").selectOption("true");
    await form.getByLabel("Min. upvotes").fill("5");
    await form.getByLabel("Search").fill("reward");
    await form.getByRole("button", { name: "Apply" }).click();

    const expected = "/?from=2025-01-01&to=2025-12-31&scope=alignment&topic=rlhf&topic=safety&hasCode=true&minUpvotes=5&q=reward&bucket=month";
    await expect(page).toHaveURL(new RegExp(`${expected.replace(/[?.]/gu, "\\$&")}$`, "u"));
    const api = (await (
      await page.request.get(`/api/v1/papers?from=2025-01-01&to=2025-12-31&scope=alignment&topic=rlhf&topic=safety&hasCode=true&minUpvotes=5&q=reward&limit=1`)
    ).json()) as { total: number };
    await expect(page.getByTestId("headline").locator("div").first()).toHaveText(`Papers${api.total.toLocaleString("en")}`);

    await page.reload();
    await expect(form.getByLabel("From")).toHaveValue("2025-01-01");
    await expect(form.getByLabel("Scope")).toHaveValue("alignment");
    await expect(form.getByTestId("topic-picker").locator("summary")).toHaveText("2 topics");
    await expect(form.locator('input[name="topic"]:checked')).toHaveCount(2);
    await expect(form.locator('input[name="topic"][value="safety"]')).toBeChecked();
    await expect(form.getByLabel("Search")).toHaveValue("reward");
    await expect(page.getByTestId("headline").locator("div").first()).toHaveText(`Papers${api.total.toLocaleString("en")}`);

    await page.goBack();
    await expect(page).toHaveURL(/\/$/u);
    await expect(page.getByRole("form", { name: "Filters" }).getByLabel("Scope")).toHaveValue("");
  });
});

test.describe("drill-down journey", () => {
  test("code bar lists its host's papers", async ({ page }) => {
    await page.goto("/?bucket=year");
    const bars = page.locator('[data-testid="chart-code"] .recharts-bar-rectangle');
    await expect(bars.first()).toBeVisible();
    await bars.last().click();
    await expect(page).toHaveURL(/\/papers\?from=\d{4}-01-01&to=\d{4}-12-31&codeHost=/u);
    const url = new URL(page.url());
    const trend = (await (await page.request.get("/api/v1/trends?metric=code&bucket=year")).json()) as {
      series: { periodStart: string; hosts: Record<string, number> }[];
    };
    const point = trend.series.find((entry) => entry.periodStart === url.searchParams.get("from"))!;
    expect(await listedTotal(page)).toBe(point.hosts[url.searchParams.get("codeHost")!]);
  });

  test("upvote point lists its year's papers", async ({ page }) => {
    await page.goto("/?bucket=year");
    await clickChartAt(page, page.getByTestId("chart-upvotes"), 0.75);
    await expect(page).toHaveURL(/\/papers\?from=\d{4}-01-01&to=\d{4}-12-31/u);
    const url = new URL(page.url());
    const trend = (await (await page.request.get("/api/v1/trends?metric=upvotes&bucket=year")).json()) as {
      series: { periodStart: string; papers: number }[];
    };
    const point = trend.series.find((entry) => entry.periodStart === url.searchParams.get("from"))!;
    expect(await listedTotal(page)).toBe(point.papers);
  });

  test("alignment share point lists its papers", async ({ page }) => {
    await page.goto("/topics?bucket=year");
    await clickChartAt(page, page.getByTestId("chart-scope-shares"), 0.8);
    await expect(page).toHaveURL(/\/papers\?from=\d{4}-01-01&to=\d{4}-12-31&scope=alignment$/u);
    const url = new URL(page.url());
    const trend = (await (await page.request.get("/api/v1/trends?metric=scope-shares&bucket=year")).json()) as {
      series: { periodStart: string; alignmentPapers: number }[];
    };
    const point = trend.series.find((entry) => entry.periodStart === url.searchParams.get("from"))!;
    expect(await listedTotal(page)).toBe(point.alignmentPapers);
  });

  test("list sorts, pages and opens papers", async ({ page }) => {
    await page.goto("/papers?scope=alignment");
    const total = await listedTotal(page);
    expect(total).toBeGreaterThan(50);
    await page.getByRole("link", { name: "upvotes", exact: true }).click();
    await expect(page).toHaveURL(/sort=upvotes/u);
    await page.getByRole("link", { name: "Next →" }).click();
    await expect(page.getByTestId("paper-count")).toContainText(`51–${Math.min(100, total)} of ${total.toLocaleString("en")} papers`);
    const first = page.getByTestId("paper-list").locator("li a").first();
    const title = (await first.textContent())!;
    await first.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  });
});

test.describe("empty list", () => {
  test("empty list links to cleared filters", async ({ page }) => {
    await page.goto("/papers?q=zzqxjvk&sort=upvotes&order=desc");
    await expect(page.getByTestId("empty-list")).toContainText("No paper matches every filter at once.");
    await page.getByTestId("empty-list").getByRole("link", { name: "clear the filters" }).click();
    await expect(page).toHaveURL(/\/papers\?sort=upvotes&order=desc$/u);
    expect(await listedTotal(page)).toBe(3382);
  });
});

test.describe("keyboard journey", () => {
  test("keyboard filters, drills down, opens paper", async ({ page }) => {
    await page.goto("/?bucket=year");

    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
    await page.keyboard.press("Enter");
    const form = page.getByRole("form", { name: "Filters" });
    const scope = form.getByLabel("Scope");
    await tabUntilFocused(page, scope);
    await page.keyboard.press("ArrowDown");
    await expect(scope).toHaveValue("alignment");
    await tabUntilFocused(page, form.getByRole("button", { name: "Apply" }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/scope=alignment/u);

    await tabUntilFocused(page, page.locator('[data-testid="chart-team-sizes"] .recharts-surface'), 200);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/papers\?scope=alignment&minAuthors=\d+/u);

    await tabUntilFocused(page, page.getByTestId("paper-list").locator("li a").first(), 200);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/papers\/[^?]+$/u);
    await expect(page.getByTestId("topic-evidence")).toBeVisible();
  });
});

test.describe("phone layout", () => {
  test.use({ viewport: { width: 375, height: 800 } });

  for (const path of ["/", "/topics", "/topics/rlhf", "/compare?series=RLHF&series=DPO", "/emerging", "/papers", "/papers?scope=alignment&sort=upvotes"]) {
    test(`${path} fits 375 pixels`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(375);
      await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Papers" })).toBeVisible();
    });
  }
});
