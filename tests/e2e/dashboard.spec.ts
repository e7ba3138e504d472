import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { parseCsv } from "../support/parseCsv";

const CHART_CARDS = ["topics", "authors", "team-sizes", "code", "upvotes"];

async function openDashboard(page: Page, query = "") {
  await page.goto(`/${query}`);
  await expect(page.getByRole("heading", { level: 1, name: "Alignment research trends" })).toBeVisible();
}

test.describe("dashboard", () => {
  test("shows the headline and every chart with data", async ({ page }) => {
    await openDashboard(page);
    await expect(page.getByTestId("headline")).toContainText("3,382");
    for (const card of CHART_CARDS) {
      const marks = page.locator(`[data-testid="card-${card}"] :is(.recharts-bar-rectangle path, .recharts-line-curve)`);
      await expect(marks.first(), card).toBeVisible();
      expect(await marks.count(), card).toBeGreaterThan(0);
    }
  });

  test("team-size bar drills down to its papers", async ({ page }) => {
    await openDashboard(page);
    const bars = page.locator('[data-testid="chart-team-sizes"] .recharts-bar-rectangle');
    await expect(bars).toHaveCount(9);
    await bars.nth(5).click();

    await expect(page).toHaveURL(/\/papers\?minAuthors=6&maxAuthors=10&sort=authors$/u);
    await expect(page.getByTestId("paper-count")).toContainText("1–50 of 1,573 papers");
    await expect(page.getByTestId("paper-list").locator("li")).toHaveCount(50);
  });

  test("topic segment drills down to its papers", async ({ page }) => {
    await openDashboard(page, "?bucket=year");
    const segment = page.locator('[data-testid="chart-topics"] .recharts-bar-rectangle').first();
    await segment.click();

    await expect(page).toHaveURL(/\/papers\?from=\d{4}-01-01&to=\d{4}-12-31&topic=[a-z-]+$/u);
    const url = new URL(page.url());
    const response = await page.request.get(`/api/v1/trends?metric=papers&bucket=year`);
    const trend = (await response.json()) as { series: { periodStart: string; topics: Record<string, number> }[] };
    const point = trend.series.find((entry) => entry.periodStart === url.searchParams.get("from"))!;
    const expected = point.topics[url.searchParams.get("topic")!]!;
    await expect(page.getByTestId("paper-count")).toContainText(`of ${expected.toLocaleString("en")} papers`);
  });

  test("paper page shows topics and sightings", async ({ page }) => {
    await page.goto("/papers?topic=preference-optimization&sort=upvotes");
    const first = page.getByTestId("paper-list").locator("li a").first();
    const title = (await first.textContent())!;
    await first.click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.getByTestId("topic-evidence")).toContainText("Preference optimization: matched");
    await expect(page.getByTestId("sightings").locator("tbody tr")).toHaveCount(1);
    await expect(page.getByRole("link", { name: /^arXiv / })).toHaveAttribute("href", /^https:\/\/arxiv\.org\/abs\//u);
  });

  test("code CSV download matches the API", async ({ page }) => {
    await openDashboard(page, "?bucket=year");
    const downloadPromise = page.waitForEvent("download");
    await page.locator('[data-testid="card-code"]').getByRole("link", { name: "CSV" }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe("alignment-trends_code-share_year.csv");

    const text = readFileSync((await download.path())!, "utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header!.slice(0, 6)).toEqual(["period_start", "period_end", "period", "papers", "with_code", "code_share"]);
    expect(rows.map((row) => row[2])).toEqual(["2022", "2023", "2024", "2025", "2026"]);

    const api = (await (await page.request.get("/api/v1/trends?metric=code&bucket=year")).json()) as {
      series: { papers: number; withCode: number }[];
    };
    expect(rows.map((row) => [Number(row[3]), Number(row[4])])).toEqual(api.series.map((point) => [point.papers, point.withCode]));
    expect(rows.reduce((total, row) => total + Number(row[3]), 0)).toBe(3382);
  });

  test("filter form applies only the set fields", async ({ page }) => {
    await openDashboard(page);
    const form = page.getByRole("form", { name: "Filters" });
    await form.getByTestId("topic-picker").locator("summary").click();
    await form.getByRole("checkbox", { name: "Safety, jailbreaks and red-teaming" }).check();
    await form.getByLabel("Search").fill("jailbreak attack");
    await form.getByRole("button", { name: "Apply" }).click();

    await expect(page).toHaveURL(/\/\?topic=safety&q=jailbreak\+attack&bucket=month$/u);
    const api = (await (await page.request.get("/api/v1/papers?topic=safety&q=jailbreak+attack&limit=1")).json()) as { total: number };
    expect(api.total).toBeGreaterThan(0);
    await expect(page.getByTestId("headline")).toContainText(`Papers${api.total.toLocaleString("en")}`);
  });

  test("keyboard opens a chart's drill-down", async ({ page }) => {
    await openDashboard(page);
    const chart = page.locator('[data-testid="chart-team-sizes"] .recharts-surface');
    await chart.focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");

    // Focus selects the first bar and ArrowRight moves to the second: papers with two authors.
    await expect(page).toHaveURL(/\/papers\?minAuthors=2&maxAuthors=2&sort=authors$/u);
    await expect(page.getByTestId("paper-count")).toContainText("of 88 papers");
  });

  test("empty filter explains every chart", async ({ page }) => {
    await page.goto("/?q=zzzzqqqq");
    await expect(page.getByRole("status").filter({ hasText: "No papers match these filters" })).toBeVisible();
    for (const id of ["topics", "authors", "team-sizes", "code", "upvotes"]) {
      await expect(page.getByTestId(`empty-${id}`)).toContainText("under these filters. Widen the date range or clear some filters.");
    }
    await expect(page.locator(".recharts-wrapper")).toHaveCount(0);
  });

  test("invalid parameter shows a message", async ({ page }) => {
    await page.goto("/?from=2025-02-30");
    await expect(page.getByRole("alert").filter({ hasText: "Invalid parameter" })).toContainText('Invalid parameter "from": expected a calendar date as YYYY-MM-DD');
  });
});
