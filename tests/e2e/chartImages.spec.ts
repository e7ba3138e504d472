import { readFile } from "node:fs/promises";
import { expect, test, type Download, type Locator, type Page } from "@playwright/test";

/** The clock and time zone the images are made at, which their file names and captions show. */
const NOW = new Date("2025-06-01T10:00:00Z");
const DATE = "2025-06-01";

test.use({ timezoneId: "UTC", viewport: { width: 1280, height: 900 } });

/** What the browser's SVG parser finds in a downloaded image. */
interface ParsedSvg {
  parseError: string | null;
  rootName: string;
  namespace: string | null;
  width: string | null;
  height: string | null;
  viewBox: string | null;
  title: string;
  caption: string;
  legend: string[];
  bars: number;
  lines: number;
  matrixCells: number;
}

/** Presses the image button of `format` in a card and returns the download. */
async function downloadImage(page: Page, card: Locator, format: "SVG" | "PNG"): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent("download"), card.getByRole("button", { name: new RegExp(`as ${format}$`, "u") }).click()]);
  return download;
}

/** Parses SVG text with the browser's XML parser, as an image viewer would, and counts the chart's marks. */
async function parseSvg(page: Page, text: string): Promise<ParsedSvg> {
  return page.evaluate((source) => {
    const document = new DOMParser().parseFromString(source, "image/svg+xml");
    const root = document.documentElement;
    const texts = (selector: string) => Array.from(root.querySelectorAll(selector)).map((element) => element.textContent ?? "");
    return {
      parseError: document.querySelector("parsererror")?.textContent ?? null,
      rootName: root.localName,
      namespace: root.namespaceURI,
      width: root.getAttribute("width"),
      height: root.getAttribute("height"),
      viewBox: root.getAttribute("viewBox"),
      title: root.querySelector(":scope > title")?.textContent ?? "",
      caption: root.querySelector('[data-role="caption"]')?.textContent ?? "",
      legend: texts(":scope > g.legend > text"),
      bars: root.querySelectorAll("path.recharts-rectangle").length,
      lines: root.querySelectorAll("path.recharts-line-curve").length,
      matrixCells: root.querySelectorAll("g.matrix-cell").length,
    };
  }, text);
}

/** Reads the width and height from a PNG's IHDR chunk, after checking the PNG signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function readDownload(download: Download): Promise<Buffer> {
  return readFile((await download.path())!);
}

/** Downloads a card's SVG and PNG and checks what every image must have; returns the parsed SVG. */
async function expectImages(page: Page, card: Locator, fileStem: string, title: string): Promise<ParsedSvg> {
  const svgDownload = await downloadImage(page, card, "SVG");
  expect(svgDownload.suggestedFilename()).toBe(`${fileStem}.svg`);
  const svgText = (await readDownload(svgDownload)).toString("utf8");
  expect(svgText.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" ')).toBe(true);
  // Self-contained: no CSS variable or style sheet of the page is left to resolve.
  expect(svgText).not.toContain("var(--");

  const svg = await parseSvg(page, svgText);
  expect(svg.parseError).toBeNull();
  expect(svg.rootName).toBe("svg");
  expect(svg.namespace).toBe("http://www.w3.org/2000/svg");
  expect(svg.viewBox).toBe(`0 0 ${svg.width} ${svg.height}`);
  expect(svg.title).toBe(title);
  expect(svgText).toContain(`>${title}</text>`);

  const pngDownload = await downloadImage(page, card, "PNG");
  expect(pngDownload.suggestedFilename()).toBe(`${fileStem}.png`);
  expect(pngSize(await readDownload(pngDownload))).toEqual({ width: 2 * Number(svg.width), height: 2 * Number(svg.height) });
  return svg;
}

test.describe("chart images", () => {
  test.beforeEach(async ({ page }) => {
    await page.clock.setFixedTime(NOW);
  });

  test("dashboard topics chart as SVG and PNG", async ({ page }) => {
    await page.goto("/?bucket=quarter");
    const card = page.getByTestId("card-topics");
    const pageBars = card.locator(".recharts-surface path.recharts-rectangle");
    await expect(pageBars.first()).toBeVisible();
    const legend = await card.locator(".recharts-legend-item").allTextContents();

    const svg = await expectImages(page, card, `alignment-trends_Topics-over-time_${DATE}`, "Topics over time");
    expect(svg.bars).toBe(await pageBars.count());
    expect(svg.lines).toBe(0);
    expect(svg.legend).toEqual(legend);
    expect(svg.caption).toBe(`Alignment Trends, ${DATE} · ${new URL(page.url()).host}/?bucket=quarter`);
  });

  test("compare chart with a non-ASCII term", async ({ page }) => {
    const query = new URLSearchParams([
      ["series", "RLHF | reinforcement learning from human feedback"],
      ["series", "Überalignment"],
      ["bucket", "year"],
    ]);
    await page.goto(`/compare?${query.toString()}`);
    const card = page.getByTestId("card-compare");
    await expect(card.locator(".recharts-line-curve")).toHaveCount(2);

    const svg = await expectImages(page, card, `alignment-trends_Share-of-all-papers-per-year_RLHF-vs-Überalignment_${DATE}`, "Share of all papers per year");
    expect(svg.lines).toBe(2);
    expect(svg.legend).toEqual(["RLHF | reinforcement learning from human feedback", "Überalignment"]);
    expect(svg.caption).toBe(
      `Alignment Trends, ${DATE} · ${new URL(page.url()).host}/compare?series=RLHF | reinforcement learning from human feedback&series=Überalignment&bucket=year`,
    );
  });

  test("emerging terms chart with its legend", async ({ page }) => {
    await page.goto("/emerging");
    const card = page.getByTestId("card-emerging-chart");
    const pageBars = card.locator(".recharts-bar-rectangle");
    await expect(pageBars.first()).toBeVisible();

    const svg = await expectImages(page, card, `alignment-trends_Growth-of-each-terms-share_${DATE}`, "Growth of each term's share");
    expect(svg.legend).toEqual(["lower bound: the growth the counts support with 95% confidence", "estimate"]);
  });

  test("co-occurrence matrix drawn from its counts", async ({ page }) => {
    await page.goto("/topics");
    const card = page.getByTestId("card-cooccurrence");
    const topics = await card.locator("table tbody th").count();
    expect(topics).toBeGreaterThan(1);

    const svg = await expectImages(page, card, `alignment-trends_Topics-that-occur-together_${DATE}`, "Topics that occur together");
    expect(svg.matrixCells).toBe(topics * topics);
    expect(svg.legend).toEqual(["no paper in common", "half of the smaller topic's papers", "all of the smaller topic's papers"]);
  });
});
