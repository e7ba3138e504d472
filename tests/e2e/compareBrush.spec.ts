import { expect, test, type Page } from "@playwright/test";

/** The width the compare chart gives each brush handle, in pixels. */
const TRAVELLER_WIDTH = 10;

interface Period {
  periodStart: string;
  periodEnd: string;
  label: string;
}

const SERIES = ["topic:safety", "DPO | direct preference optimization"];

function compareQuery(extra: Record<string, string>): string {
  const params = new URLSearchParams(SERIES.map((spec) => ["series", spec]));
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  return params.toString();
}

/** Builds the URL the page links to for the quarters from `from` to `to`, in the order the page writes its parameters. */
function rangeUrl(from: string, to: string): string {
  const params = new URLSearchParams([["from", from], ["to", to], ...SERIES.map((spec) => ["series", spec]), ["bucket", "quarter"], ["measure", "share"]]);
  return `/compare?${params.toString()}`;
}

async function fetchPeriods(page: Page, query: string): Promise<Period[]> {
  const response = await page.request.get(`/api/v1/compare?${query}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { points: Period[] }).points;
}

/**
 * Drags a brush handle with the mouse so that it selects period `index` of
 * `count`. Recharts spaces the periods evenly over the brush, less one
 * handle's width, and a handle selects the last period whose position it
 * has reached, so the handle is dropped half a step past that position.
 */
async function dragHandle(page: Page, handle: "start" | "end", index: number, count: number) {
  const brush = page.getByTestId("chart-compare").locator(".recharts-brush");
  await brush.scrollIntoViewIfNeeded();
  const box = (await brush.locator("rect").first().boundingBox())!;
  const step = (box.width - TRAVELLER_WIDTH) / (count - 1);
  const from = handle === "start" ? 0 : count - 1;
  const y = box.y + box.height / 2;
  const handleCentre = (position: number) => box.x + position * step + TRAVELLER_WIDTH / 2;

  await page.mouse.move(handleCentre(from), y);
  await page.mouse.down();
  await page.mouse.move(handleCentre(index + 0.5), y, { steps: 8 });
  await page.mouse.up();
}

/** Asserts that the data table lists exactly the given periods, in order. */
async function expectTablePeriods(page: Page, labels: string[]) {
  const card = page.getByTestId("card-compare");
  if (!(await card.locator("details").evaluate((details: HTMLDetailsElement) => details.open))) await card.getByText("Data table").click();
  await expect(card.locator("tbody tr th")).toHaveText(labels);
}

test.describe("compare brush", () => {
  test("drag narrows the URL, back restores it", async ({ page }) => {
    const start = compareQuery({ bucket: "quarter" });
    const all = await fetchPeriods(page, start);
    expect(all.length).toBeGreaterThan(8);
    await page.goto(`/compare?${start}`);
    await expect(page.getByTestId("chart-compare").locator(".recharts-brush-traveller")).toHaveCount(2);
    await expect(page.getByTestId("range-note")).toHaveCount(0);

    // Drag the start handle to the fifth quarter: the view keeps that quarter and every later one.
    await dragHandle(page, "start", 4, all.length);
    await expect(page).toHaveURL(rangeUrl(all[4]!.periodStart, all.at(-1)!.periodEnd));
    const narrowed = all.slice(4);
    await expectTablePeriods(page, narrowed.map((period) => period.label));
    await expect(page.getByTestId("range-note")).toHaveText(`Showing papers from ${all[4]!.periodStart} to ${all.at(-1)!.periodEnd}. Reset range`);

    // Drag the end handle back by three quarters on the narrowed view.
    await dragHandle(page, "end", narrowed.length - 4, narrowed.length);
    const twice = narrowed.slice(0, narrowed.length - 3);
    await expect(page).toHaveURL(rangeUrl(twice[0]!.periodStart, twice.at(-1)!.periodEnd));
    await expectTablePeriods(page, twice.map((period) => period.label));

    await page.goBack();
    await expect(page).toHaveURL(rangeUrl(all[4]!.periodStart, all.at(-1)!.periodEnd));
    await expectTablePeriods(page, narrowed.map((period) => period.label));
    await page.goBack();
    await expect(page).toHaveURL(`/compare?${start}`);
    await expectTablePeriods(page, all.map((period) => period.label));
  });

  test("Reset range drops from and to", async ({ page }) => {
    await page.goto(`/compare?${compareQuery({ from: "2024-04-01", to: "2024-12-31", bucket: "quarter" })}`);
    await page.getByRole("link", { name: "Reset range" }).click();
    await expect(page).toHaveURL(`/compare?${compareQuery({ bucket: "quarter", measure: "share" })}`);
    await expect(page.getByTestId("range-note")).toHaveCount(0);
  });

  test("From and To fields are labelled", async ({ page }) => {
    await page.goto(`/compare?${compareQuery({ from: "2024-04-01", to: "2024-12-31", bucket: "quarter" })}`);
    await expect(page.getByLabel("From", { exact: true })).toHaveValue("2024-04-01");
    await expect(page.getByLabel("To", { exact: true })).toHaveValue("2024-12-31");

    await page.getByLabel("From", { exact: true }).fill("2024-07-01");
    await page.getByRole("button", { name: "Apply" }).click();
    await expectTablePeriods(page, ["2024 Q3", "2024 Q4"]);
  });

  test("Enter on a moved handle applies its range", async ({ page }) => {
    const start = compareQuery({ bucket: "quarter" });
    const all = await fetchPeriods(page, start);
    await page.goto(`/compare?${start}`);
    await page.getByTestId("chart-compare").locator(".recharts-brush-traveller").first().focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");

    await expect(page).toHaveURL(rangeUrl(all[2]!.periodStart, all.at(-1)!.periodEnd));
    await expectTablePeriods(page, all.slice(2).map((period) => period.label));
  });
});
