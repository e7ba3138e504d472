import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";

const RLHF = "RLHF | reinforcement learning from human feedback";
const DPO = "DPO | direct preference optimization";

interface SeriesValue {
  papers: number;
  share: number | null;
  index: number | null;
}

interface ComparisonJson {
  series: { kind: "term" | "topic"; term?: string; topic?: string; indexed: boolean }[];
  points: { periodStart: string; periodEnd: string; label: string; papers: number; series: SeriesValue[] }[];
}

/** Builds a compare query string with one `series` parameter per series, then the other parameters in order. */
function compareQuery(series: string[], extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const spec of series) params.append("series", spec);
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  return params.toString();
}

/** Two terms, the first of them matched by scanning text, and a topic, per year. */
const YEARLY = compareQuery([RLHF, DPO, "topic:safety"], { bucket: "year" });

async function fetchComparison(page: Page, query: string): Promise<ComparisonJson> {
  const response = await page.request.get(`/api/v1/compare?${query}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as ComparisonJson;
}

async function topicLabel(page: Page, id: string): Promise<string> {
  const trends = (await (await page.request.get("/api/v1/trends?metric=papers&bucket=year")).json()) as { topics: { id: string; label: string }[] };
  return trends.topics.find((topic) => topic.id === id)!.label;
}

async function openCompare(page: Page, query = "") {
  await page.goto(`/compare${query ? `?${query}` : ""}`);
  await expect(page.getByRole("heading", { level: 1, name: "Compare terms and topics" })).toBeVisible();
}

const shareFormat = new Intl.NumberFormat("en", { style: "percent", maximumSignificantDigits: 3 });

/** The cells of the data table as the page should show them for a comparison. */
function expectedRows(comparison: ComparisonJson): string[][] {
  return comparison.points.map((point) => [
    point.label,
    point.papers.toLocaleString("en"),
    ...point.series.flatMap((value) => [
      value.papers.toLocaleString("en"),
      value.share === null ? "–" : shareFormat.format(value.share),
      value.index === null ? "–" : String(value.index),
    ]),
  ]);
}

/** Asserts that the paper list reports `total` papers, or none. */
async function expectPaperTotal(page: Page, total: number) {
  const text = total === 0 ? "No papers match these filters" : `of ${total.toLocaleString("en")} papers`;
  await expect(page.getByTestId("paper-count")).toContainText(text);
}

test.describe("compare page", () => {
  test("without series offers examples", async ({ page }) => {
    await openCompare(page);
    const examples = page.getByRole("region", { name: "Examples" }).getByRole("link");
    await expect(examples).toHaveCount(3);
    await expect(page.getByTestId("chart-compare")).toHaveCount(0);

    await examples.first().click();
    await expect(page).toHaveURL(`/compare?${compareQuery([RLHF, DPO], { bucket: "month", measure: "share" })}`);
    await expect(page.locator('[data-testid="chart-compare"] .recharts-line-curve')).toHaveCount(2);
  });

  test("chart draws one line per series", async ({ page }) => {
    const comparison = await fetchComparison(page, YEARLY);
    await openCompare(page, YEARLY);

    const chart = page.getByTestId("chart-compare");
    await expect(chart.locator(".recharts-line-curve")).toHaveCount(comparison.series.length);
    await expect(chart.locator(".recharts-legend-item")).toHaveText([RLHF, DPO, `Topic: ${await topicLabel(page, "safety")}`]);
    // The default measure is the share, which a year with too few papers lacks, so such a year draws no dot.
    for (let line = 0; line < comparison.series.length; line += 1) {
      const drawn = comparison.points.filter((point) => point.series[line]!.share !== null).length;
      await expect(chart.locator(".recharts-line-dots").nth(line).locator(".recharts-line-dot")).toHaveCount(drawn);
    }
  });

  test("data table shows the API's numbers", async ({ page }) => {
    const comparison = await fetchComparison(page, YEARLY);
    await openCompare(page, YEARLY);
    const card = page.getByTestId("card-compare");
    await card.getByText("Data table").click();

    const table = card.locator("table");
    await expect(table.locator("thead tr").first().locator("th")).toHaveText(["Period", "All papers", RLHF, DPO, `Topic: ${await topicLabel(page, "safety")}`]);
    const rows = table.locator("tbody tr");
    await expect(rows).toHaveCount(comparison.points.length);
    const expected = expectedRows(comparison);
    for (let row = 0; row < expected.length; row += 1) {
      await expect(rows.nth(row).locator("th, td")).toHaveText(expected[row]!);
    }
  });

  test("count links list the same totals", async ({ page }) => {
    const comparison = await fetchComparison(page, YEARLY);
    await openCompare(page, YEARLY);
    const pointIndex = comparison.points.findIndex((point) => point.label === "2025");
    const point = comparison.points[pointIndex]!;
    const cells = page.getByTestId("card-compare").locator("tbody tr").nth(pointIndex).locator("td");
    // Columns: all papers, then papers, share and index per series.
    const links = [
      { href: await cells.nth(0).locator("a").getAttribute("href"), total: point.papers },
      ...(await Promise.all(
        point.series.map(async (value, series) => ({ href: await cells.nth(1 + series * 3).locator("a").getAttribute("href"), total: value.papers })),
      )),
    ];

    for (const link of links) {
      expect(link.href).toMatch(/^\/papers\?from=2025-01-01&to=2025-12-31/u);
      await page.goto(link.href!);
      await expectPaperTotal(page, link.total);
    }
  });

  test("count link of a topic within a topic filter", async ({ page }) => {
    const query = compareQuery(["topic:rlhf"], { topic: "preference-optimization", bucket: "year" });
    const comparison = await fetchComparison(page, query);
    await openCompare(page, query);
    const pointIndex = comparison.points.findIndex((point) => point.series[0]!.papers > 0);
    const link = page.getByTestId("card-compare").locator("tbody tr").nth(pointIndex).locator("td").nth(1).locator("a");
    const point = comparison.points[pointIndex]!;

    await expect(link).toHaveAttribute("href", `/papers?from=${point.periodStart}&to=${point.periodEnd}&topic=preference-optimization&allTopics=rlhf`);
    await page.goto((await link.getAttribute("href"))!);
    await expectPaperTotal(page, point.series[0]!.papers);
  });

  test("click on a point opens its papers", async ({ page }) => {
    const query = compareQuery([RLHF, DPO, "topic:safety"], { bucket: "year", measure: "papers" });
    const comparison = await fetchComparison(page, query);
    await openCompare(page, query);
    const pointIndex = comparison.points.findIndex((point) => point.label === "2025");
    const chart = page.getByTestId("chart-compare");

    // Hovering the DPO line's dot shows the active dots of that period, one per series.
    await chart.locator(".recharts-line-dots").nth(1).locator(".recharts-line-dot").nth(pointIndex).hover();
    await chart.locator('circle[data-series="1"]').click();

    await expect(page).toHaveURL(`/papers?from=2025-01-01&to=2025-12-31&${new URLSearchParams({ term: DPO }).toString()}`);
    await expectPaperTotal(page, comparison.points[pointIndex]!.series[1]!.papers);
  });

  test("number key opens that series' papers", async ({ page }) => {
    const comparison = await fetchComparison(page, YEARLY);
    await openCompare(page, YEARLY);
    await page.getByTestId("chart-compare").getByRole("application").focus();
    // Focus selects the first period, 2022, and each ArrowRight moves one year on.
    for (let step = 0; step < 3; step += 1) await page.keyboard.press("ArrowRight");
    await page.keyboard.press("3");

    await expect(page).toHaveURL("/papers?from=2025-01-01&to=2025-12-31&topic=safety");
    const point = comparison.points.find((candidate) => candidate.label === "2025")!;
    await expectPaperTotal(page, point.series[2]!.papers);
  });

  test("Enter opens the first series' papers", async ({ page }) => {
    const comparison = await fetchComparison(page, YEARLY);
    await openCompare(page, YEARLY);
    await page.getByTestId("chart-compare").getByRole("application").focus();
    for (let step = 0; step < 3; step += 1) await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");

    await expect(page).toHaveURL(`/papers?from=2025-01-01&to=2025-12-31&${new URLSearchParams({ term: RLHF }).toString()}`);
    const point = comparison.points.find((candidate) => candidate.label === "2025")!;
    await expectPaperTotal(page, point.series[0]!.papers);
  });

  test("non-indexed term shows its notice", async ({ page }) => {
    const comparison = await fetchComparison(page, YEARLY);
    expect(comparison.series.map((series) => series.indexed)).toEqual([false, true, true]);
    await openCompare(page, YEARLY);

    await expect(page.getByTestId("series-unindexed")).toHaveText([
      `Series 1, “${RLHF}”, was matched by scanning every title and abstract the filter keeps, which is slower: the term index holds only ` +
        "phrases of one to three words that start and end with a content word, and “reinforcement learning from human feedback” is not such a phrase.",
    ]);
  });

  test("a term without papers explains how to write alternatives", async ({ page }) => {
    await openCompare(page, compareQuery(["RLHF, DPO"]));
    await expect(page.getByTestId("series-no-papers")).toContainText("Series 1, “RLHF, DPO”, matches no paper under these filters.");
    await expect(page.getByTestId("series-no-papers")).toContainText("Separate alternatives with |");
  });

  test("thin months are counted in a notice", async ({ page }) => {
    const query = compareQuery([RLHF], { scope: "alignment" });
    const comparison = await fetchComparison(page, query);
    const withPapers = comparison.points.filter((point) => point.papers > 0);
    const thin = withPapers.filter((point) => point.papers < 10);
    expect(thin.length).toBeGreaterThan(0);
    await openCompare(page, query);
    await expect(page.getByTestId("thin-periods")).toHaveText(
      `${thin.length} of ${withPapers.length} months with papers have fewer than 10 papers, so they show no share or index; the data table lists their counts. A quarter or year gives each period more papers, or switch the measure to papers.`,
    );
  });

  test("downloads come from the compare API", async ({ page }) => {
    const query = compareQuery([DPO, "topic:safety"], { bucket: "year", measure: "index" });
    const comparison = await fetchComparison(page, query);
    await openCompare(page, query);
    const card = page.getByTestId("card-compare");
    await expect(card.getByRole("link", { name: "JSON" })).toHaveAttribute("href", `/api/v1/compare?${query}&format=json`);

    const downloadPromise = page.waitForEvent("download");
    await card.getByRole("link", { name: "CSV" }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe("alignment-trends_compare_dpo-direct-preference-optimization_topic-safety_year.csv");
    const lines = readFileSync((await download.path())!, "utf8").slice(1).trim().split(/\r?\n/u);
    expect(lines[0]).toBe("period_start,period_end,period,papers,series,kind,indexed,series_papers,share,index");
    expect(lines.slice(1).map((line) => line.split(",")[7])).toEqual(
      comparison.points.flatMap((point) => point.series.map((value) => String(value.papers))),
    );
  });
});

test.describe("compare form", () => {
  test("applies series and leaves out empty rows", async ({ page }) => {
    await openCompare(page);
    const form = page.getByRole("form", { name: "Filters" });
    await form.getByLabel("Series 1").fill("red teaming");
    await form.getByLabel("Series 2").fill("topic:safety");
    await form.getByLabel("Measure").selectOption("papers");
    await form.getByLabel("Period").selectOption("year");
    await form.getByRole("button", { name: "Apply" }).click();

    await expect(page).toHaveURL(`/compare?${compareQuery(["red teaming", "topic:safety"], { measure: "papers", bucket: "year" })}`);
    await expect(page.locator('[data-testid="chart-compare"] .recharts-line-curve')).toHaveCount(2);
    await expect(form.getByLabel("Series 2")).toHaveValue("topic:safety");
    await expect(form.getByRole("link", { name: "Clear filters" })).toHaveAttribute(
      "href",
      `/compare?${compareQuery(["red teaming", "topic:safety"], { measure: "papers" })}`,
    );
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("submits and shows the data table", async ({ page }) => {
      await openCompare(page);
      const form = page.getByRole("form", { name: "Filters" });
      await form.getByLabel("Series 1").fill(DPO);
      await form.getByLabel("Period").selectOption("year");
      await form.getByRole("button", { name: "Apply" }).click();

      await expect(page).toHaveURL(/\/compare\?series=DPO\+%7C\+direct\+preference\+optimization&series=&/u);
      const comparison = await fetchComparison(page, compareQuery([DPO], { bucket: "year" }));
      await page.getByTestId("card-compare").getByText("Data table").click();
      await expect(page.getByTestId("card-compare").locator("tbody tr")).toHaveCount(comparison.points.length);
    });
  });
});

test.describe("compare errors", () => {
  const nineSeries = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
  const invalidQueries = [
    {
      name: "invalid measure",
      query: compareQuery([RLHF], { measure: "median" }),
      message: 'Invalid parameter "measure": Invalid option: expected one of "papers"|"share"|"index", not "median".',
    },
    {
      name: "more than eight series",
      query: compareQuery(nineSeries),
      message: 'Invalid parameter "series": expected at most 8 series at once.',
    },
    {
      name: "malformed topic id",
      query: compareQuery(["topic:Safety"]),
      message: 'Invalid parameter "series": expected a topic id in lower case, letters, digits and hyphens, such as rlhf or safety.',
    },
  ];

  for (const { name, query, message } of invalidQueries) {
    test(`${name} shows the error notice`, async ({ page }) => {
      await page.goto(`/compare?${query}`);
      const alert = page.locator(".notice.error");
      await expect(alert.locator("p").first()).toHaveText(message);
      await expect(alert.getByRole("link", { name: "Open the compare page without series or filters" })).toHaveAttribute("href", "/compare");
    });
  }

  test("unknown topic lists the known ones", async ({ page }) => {
    await openCompare(page, compareQuery([DPO, "topic:no-such-topic"]));
    await expect(page.locator(".notice.error")).toHaveText(
      'Invalid parameter "series": unknown topic "no-such-topic"; known topics: rlhf, preference-optimization, reward-modeling, ' +
        "instruction-tuning, safety, values-pluralism, oversight-honesty, multimodal-alignment, inference-time-alignment, self-alignment, theory-evaluation.",
    );
    await expect(page.getByLabel("Series 2")).toHaveValue("topic:no-such-topic");
    await expect(page.getByTestId("chart-compare")).toHaveCount(0);
  });

  test("too many periods keeps the form", async ({ page }) => {
    await openCompare(page, compareQuery([DPO], { bucket: "week", from: "1990-01-01", to: "2026-01-01" }));
    await expect(page.locator(".notice.error")).toHaveText(
      "The range 1990-01-01 to 2026-01-01 has 1879 weeks, more than the 1000 a series can show; choose a longer period or a shorter range.",
    );
    await expect(page.getByLabel("Period")).toHaveValue("week");
  });
});
