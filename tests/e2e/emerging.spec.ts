import { DEFAULT_BURST_PARAMETERS, EMERGING_TITLE_RULE, GROWTH_CONFIDENCE_Z, NESTED_TWIN_TOLERANCE } from "@alignment-trends/analytics";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

/** A query that lists a few terms on the bundled samples: 16 with these settings when the test was written. */
const QUERY = "window=3&minPapers=20&limit=30";

interface Window {
  from: string;
  to: string;
  papers: number;
}

interface EmergingTerm {
  term: string;
  recentPapers: number;
  baselinePapers: number;
  recentShare: number;
  baselineShare: number;
  growth: number;
  growthLowerBound: number;
  bursts: { start: string; end: string; weight: number }[];
}

interface EmergingResponse {
  recent: Window | null;
  baseline: Window | null;
  terms: EmergingTerm[];
}

async function fetchEmerging(request: APIRequestContext, query: string): Promise<EmergingResponse> {
  const response = await request.get(`/api/v1/emerging?${query}`);
  expect(response.status(), query).toBe(200);
  return (await response.json()) as EmergingResponse;
}

async function openEmerging(page: Page, query: string) {
  await page.goto(`/emerging?${query}`);
  await expect(page.getByRole("heading", { level: 1, name: "Emerging terms" })).toBeVisible();
}

/** Formats growth as the page does: at most two decimals and a times sign. */
function formatGrowth(value: number): string {
  return `${value.toLocaleString("en", { maximumFractionDigits: 2 })}×`;
}

/** Reads a percentage such as "13.6%" back as a share from 0 to 1. */
function parsePercent(text: string): number {
  return Number(text.replace("%", "")) / 100;
}

/**
 * Counts the papers in a `/papers` list that have an abstract, by reading
 * each paper from the API. The emerging counts include only such papers,
 * while the list also shows papers that have a title alone.
 */
async function countPapersWithAbstract(request: APIRequestContext, listQuery: URLSearchParams): Promise<{ total: number; withAbstract: number }> {
  const params = new URLSearchParams(listQuery);
  params.set("limit", "500");
  const list = (await (await request.get(`/api/v1/papers?${params.toString()}`)).json()) as { total: number; papers: { id: string }[] };
  expect(list.papers.length, "the whole list fits on one page").toBe(list.total);
  let withAbstract = 0;
  for (const paper of list.papers) {
    const detail = (await (await request.get(`/api/v1/papers/${encodeURIComponent(paper.id)}`)).json()) as { abstract?: string | null };
    if (detail.abstract !== null && detail.abstract !== undefined) withAbstract += 1;
  }
  return { total: list.total, withAbstract };
}

test.describe("emerging page", () => {
  test("windows state the API's dates and counts", async ({ page, request }) => {
    const api = await fetchEmerging(request, QUERY);
    await openEmerging(page, QUERY);

    const windows = page.getByTestId("emerging-windows");
    await expect(windows).toContainText(`${api.baseline!.from} to ${api.baseline!.to} · ${api.baseline!.papers.toLocaleString("en")} papers with an abstract`);
    await expect(windows).toContainText(`${api.recent!.from} to ${api.recent!.to} · ${api.recent!.papers.toLocaleString("en")} papers with an abstract`);
  });

  test("table rows equal the API's terms", async ({ page, request }) => {
    const api = await fetchEmerging(request, QUERY);
    expect(api.terms.length, "the query lists terms on the samples").toBeGreaterThan(1);
    await openEmerging(page, QUERY);

    const rows = page.getByTestId("emerging-table").locator("tbody tr");
    await expect(rows).toHaveCount(api.terms.length);
    await expect(page.getByRole("heading", { level: 2, name: `${api.terms.length} listed terms` })).toBeVisible();
    for (const [index, term] of api.terms.entries()) {
      const row = rows.nth(index);
      await expect(row.locator("th"), `row ${index}`).toHaveText(term.term);
      const cells = await row.locator("td").allTextContents();
      expect(cells[0], `${term.term} recent papers`).toBe(term.recentPapers.toLocaleString("en"));
      expect(cells[1], `${term.term} baseline papers`).toBe(term.baselinePapers.toLocaleString("en"));
      expect(parsePercent(cells[2]!), `${term.term} recent share`).toBeCloseTo(term.recentShare, 3);
      expect(parsePercent(cells[3]!), `${term.term} baseline share`).toBeCloseTo(term.baselineShare, 3);
      expect(cells[4], `${term.term} growth`).toBe(formatGrowth(term.growth));
      expect(cells[5], `${term.term} lower bound`).toBe(formatGrowth(term.growthLowerBound));
    }
  });

  test("chart draws one bar per term", async ({ page, request }) => {
    const api = await fetchEmerging(request, QUERY);
    await openEmerging(page, QUERY);

    const chart = page.getByTestId("chart-emerging");
    await expect(chart.locator(".recharts-bar-rectangle")).toHaveCount(api.terms.length);
    await expect(chart.locator(".recharts-yAxis-tick-labels text")).toHaveText(api.terms.map((term) => term.term));
  });

  test("recent count opens the term's papers", async ({ page, request }) => {
    const api = await fetchEmerging(request, QUERY);
    const term = api.terms[0]!;
    await openEmerging(page, QUERY);

    await page.getByTestId("emerging-table").locator("tbody tr").first().locator('td[data-column="recent"] a').click();
    await expect(page).toHaveURL(/\/papers\?/u);
    const url = new URL(page.url());
    expect(url.searchParams.get("from")).toBe(api.recent!.from);
    expect(url.searchParams.get("to")).toBe(api.recent!.to);
    expect(url.searchParams.getAll("term")).toEqual([term.term]);

    // The list also shows papers with a title alone, which the emerging counts leave out,
    // so its total is at least the count, and its papers with an abstract are exactly the count.
    const counted = await countPapersWithAbstract(request, url.searchParams);
    await expect(page.getByTestId("paper-count")).toContainText(`of ${counted.total.toLocaleString("en")} papers`);
    expect(counted.total).toBeGreaterThanOrEqual(term.recentPapers);
    expect(counted.withAbstract).toBe(term.recentPapers);
  });

  test("baseline count opens the baseline window", async ({ page, request }) => {
    const api = await fetchEmerging(request, QUERY);
    const index = api.terms.findIndex((term) => term.baselinePapers > 0);
    expect(index, "a term with baseline papers").toBeGreaterThanOrEqual(0);
    const term = api.terms[index]!;
    await openEmerging(page, QUERY);

    await page.getByTestId("emerging-table").locator("tbody tr").nth(index).locator('td[data-column="baseline"] a').click();
    await expect(page).toHaveURL(/\/papers\?/u);
    const url = new URL(page.url());
    expect(url.searchParams.get("from")).toBe(api.baseline!.from);
    expect(url.searchParams.get("to")).toBe(api.baseline!.to);
    expect(url.searchParams.getAll("term")).toEqual([term.term]);

    const counted = await countPapersWithAbstract(request, url.searchParams);
    expect(counted.total).toBeGreaterThanOrEqual(term.baselinePapers);
    expect(counted.withAbstract).toBe(term.baselinePapers);
  });

  test("bar click opens the term's papers", async ({ page, request }) => {
    const api = await fetchEmerging(request, QUERY);
    const term = api.terms[1]!;
    await openEmerging(page, QUERY);

    await page.getByTestId("chart-emerging").locator(".recharts-bar-rectangle").nth(1).click();
    await expect(page).toHaveURL(/\/papers\?/u);
    const url = new URL(page.url());
    expect(url.searchParams.getAll("term")).toEqual([term.term]);
    expect(url.searchParams.get("from")).toBe(api.recent!.from);
    expect(url.searchParams.get("to")).toBe(api.recent!.to);
  });

  test("keyboard Enter opens the selected term", async ({ page, request }) => {
    const api = await fetchEmerging(request, QUERY);
    await openEmerging(page, QUERY);

    // Focus selects the first term and each down arrow moves one term down the list.
    await page.getByTestId("chart-emerging").locator(".recharts-surface").focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await expect(page.locator(".emerging-tooltip strong")).toHaveText(api.terms[2]!.term);
    await page.keyboard.press("ArrowUp");
    await expect(page.locator(".emerging-tooltip strong")).toHaveText(api.terms[1]!.term);
    await page.keyboard.press("Enter");

    await expect(page).toHaveURL(/\/papers\?/u);
    expect(new URL(page.url()).searchParams.getAll("term")).toEqual([api.terms[1]!.term]);
  });

  test("burst links cover the burst months", async ({ page, request }) => {
    const api = await fetchEmerging(request, QUERY);
    const index = api.terms.findIndex((term) => term.bursts.length > 0);
    expect(index, "a term with a burst").toBeGreaterThanOrEqual(0);
    const burst = api.terms[index]!.bursts[0]!;
    await openEmerging(page, QUERY);

    const link = page.getByTestId("emerging-table").locator("tbody tr").nth(index).locator("td.bursts a").first();
    const href = new URL((await link.getAttribute("href"))!, "http://127.0.0.1");
    expect(href.pathname).toBe("/papers");
    expect(href.searchParams.get("from")).toBe(burst.start);
    const [year, month] = burst.end.split("-").map(Number) as [number, number];
    const lastDay = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
    expect(href.searchParams.get("to")).toBe(lastDay);
    expect(href.searchParams.getAll("term")).toEqual([api.terms[index]!.term]);
  });

  test("compare link names the term", async ({ page, request }) => {
    const api = await fetchEmerging(request, "scope=alignment");
    expect(api.terms.length, "scope=alignment lists a term on the samples").toBeGreaterThan(0);
    await openEmerging(page, "scope=alignment");

    const term = api.terms[0]!.term;
    const link = page.getByRole("link", { name: `Compare “${term}” over time` });
    await expect(link).toHaveText("compare");
    await expect(link).toHaveAttribute("href", `/compare?${new URLSearchParams({ series: term, scope: "alignment" }).toString()}`);
  });

  test("JSON download equals the API", async ({ page, request }) => {
    const api = await fetchEmerging(request, QUERY);
    await openEmerging(page, QUERY);

    const card = page.getByTestId("card-emerging-table");
    await expect(card.getByRole("link", { name: "CSV" })).toHaveAttribute("href", `/api/v1/emerging?${QUERY}&format=csv`);
    const jsonHref = (await card.getByRole("link", { name: "JSON" }).getAttribute("href"))!;
    expect(jsonHref).toBe(`/api/v1/emerging?${QUERY}&format=json`);
    const downloaded = (await (await request.get(jsonHref)).json()) as EmergingResponse;
    expect(downloaded.terms).toEqual(api.terms);
  });

  test("settings form applies window and minimum", async ({ page, request }) => {
    await openEmerging(page, "");
    const form = page.getByRole("form", { name: "Filters" });
    await form.getByLabel("Window (months)").fill("6");
    await form.getByLabel("Min. recent papers").fill("25");
    await form.getByRole("button", { name: "Apply" }).click();

    await expect(page).toHaveURL(/\/emerging\?window=6&minPapers=25&limit=30$/u);
    const api = await fetchEmerging(request, "window=6&minPapers=25");
    await expect(page.getByTestId("emerging-windows")).toContainText(`${api.recent!.from} to ${api.recent!.to}`);
    await expect(page.getByTestId("emerging-table").locator("tbody tr")).toHaveCount(api.terms.length);
  });

  test("method states the analysis constants", async ({ page }) => {
    await openEmerging(page, QUERY);

    const method = page.getByTestId("emerging-method");
    await expect(method).toContainText(`at least 20 recent papers`);
    await expect(method).toContainText(`titles of at least ${EMERGING_TITLE_RULE.minTitlePapers} of them and of at least ${EMERGING_TITLE_RULE.minTitleShare * 100}% of them`);
    await expect(method).toContainText(`one-sided 95% confidence bound (z = ${GROWTH_CONFIDENCE_Z})`);
    await expect(method).toContainText(`differ by at most ${NESTED_TWIN_TOLERANCE * 100}% of the larger count`);
    await expect(method).toContainText(`s = ${DEFAULT_BURST_PARAMETERS.scale} times`);
    await expect(method).toContainText(`γ = ${DEFAULT_BURST_PARAMETERS.gamma} times`);
  });
});

test.describe("emerging page notices", () => {
  test("no dated papers shows notice", async ({ page, request }) => {
    const api = await fetchEmerging(request, "from=2030-01-01");
    expect(api.recent).toBeNull();
    await openEmerging(page, "from=2030-01-01");

    await expect(page.getByTestId("emerging-empty")).toHaveText(
      "No papers with an abstract and a date known to the month match these filters, so there are no windows to compare. Widen the date range or clear the filters.",
    );
    await expect(page.getByTestId("emerging-windows")).toHaveCount(0);
    await expect(page.getByTestId("chart-emerging")).toHaveCount(0);
  });

  test("empty baseline suggests a shorter window", async ({ page, request }) => {
    const api = await fetchEmerging(request, "to=2022-12-31");
    expect(api.baseline!.papers).toBe(0);
    await openEmerging(page, "to=2022-12-31");

    const notice = page.getByTestId("emerging-empty");
    await expect(notice).toContainText(`(${api.baseline!.from} to ${api.baseline!.to}), has no papers with an abstract under these filters`);
    await expect(notice).toContainText("Choose a shorter window or widen the dates.");
    await expect(notice.getByRole("link", { name: "Try a 1-month window" })).toHaveAttribute("href", "/emerging?to=2022-12-31&window=1&minPapers=5&limit=30");
    await expect(page.getByTestId("emerging-table")).toHaveCount(0);
  });

  test("no passing term names a lower minimum", async ({ page, request }) => {
    const query = "scope=alignment&minPapers=50";
    expect((await fetchEmerging(request, query)).terms).toEqual([]);
    // The page probes the lowest minimum the API accepts and offers the most papers any listed term has.
    const probe = await fetchEmerging(request, "scope=alignment&minPapers=2&limit=200");
    const lower = Math.max(...probe.terms.map((term) => term.recentPapers));
    await openEmerging(page, query);

    const notice = page.getByTestId("emerging-empty");
    await expect(notice).toContainText(`No term has at least 50 recent papers and passes the other rules. Lower the minimum of recent papers to ${lower} or less`);
    await notice.getByRole("link", { name: `Show terms with at least ${lower} recent papers` }).click();

    await expect(page).toHaveURL(new RegExp(`/emerging\\?scope=alignment&window=3&minPapers=${lower}&limit=30$`, "u"));
    const relaxed = await fetchEmerging(request, `scope=alignment&minPapers=${lower}`);
    expect(relaxed.terms.length).toBeGreaterThan(0);
    await expect(page.getByTestId("emerging-table").locator("tbody tr")).toHaveCount(relaxed.terms.length);
  });

  test("no term at lowest minimum explains rules", async ({ page, request }) => {
    const query = "scope=alignment&window=1";
    expect((await fetchEmerging(request, `${query}&minPapers=2`)).terms).toEqual([]);
    await openEmerging(page, query);

    await expect(page.getByTestId("emerging-empty")).toHaveText(
      "No term passes the rules, even with the lowest minimum of 2 recent papers: no term that appears in the titles of at least 2 and 15% of its recent papers has a share that grew beyond chance (a lower bound of growth above 1). Choose a longer window or widen the filters.",
    );
  });

  test("invalid window shows the API's message", async ({ page, request }) => {
    const response = await request.get("/api/v1/emerging?window=30");
    expect(response.status()).toBe(400);
    const { error } = (await response.json()) as { error: { parameter: string; message: string } };
    expect(error.parameter).toBe("window");
    await openEmerging(page, "window=30");

    // Next.js adds an empty route announcer with the role alert, so the notice is found by its text.
    const alert = page.getByRole("alert").filter({ hasText: "Invalid parameter" });
    await expect(alert).toContainText(`${error.message}.`);
    await expect(alert.getByRole("link", { name: "Open emerging terms with the default settings" })).toHaveAttribute("href", "/emerging");
  });

  test("unknown topic shows a message", async ({ page }) => {
    await openEmerging(page, "topic=no-such-topic");
    const alert = page.getByRole("alert").filter({ hasText: "Invalid parameter" });
    await expect(alert).toContainText('Invalid parameter "topic": unknown topic "no-such-topic"');
  });
});
