import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { startWebServer, type WebServer } from "../bench/startWebServer";
import {
  HOSTILE_ABSTRACT,
  HOSTILE_AUTHORS,
  HOSTILE_KEYWORDS,
  HOSTILE_PAPER_ID,
  HOSTILE_TITLE,
  IMAGE_ONERROR,
  JAVASCRIPT_URL,
  SCRIPT_TAG,
  SVG_ONLOAD,
  TEMPLATE,
  writeHostileDigest,
} from "../support/hostileDigest";
import { REPOSITORY_ROOT } from "../support/paths";
import { watchCsp, type CspWatch } from "../support/watchCsp";

/*
 * A production server of its own, on a database of papers whose titles,
 * abstracts, authors, keywords and links are HTML, script, template syntax
 * and javascript: URLs. Every page must show that text literally and run none
 * of it.
 */

const PORT = Number(process.env.HOSTILE_TEXT_PORT);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const FOLDER = path.join(REPOSITORY_ROOT, "tests", ".tmp", "hostile-text");
const DATABASE = path.join(FOLDER, "trends.duckdb");

let server: WebServer | undefined;

declare global {
  interface Window {
    hostileScriptRan?: string;
  }
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  rmSync(FOLDER, { recursive: true, force: true });
  mkdirSync(FOLDER, { recursive: true });
  const files = writeHostileDigest(FOLDER);
  execFileSync("npm", ["run", "ingest", "--silent", "--", ...files, "--db", DATABASE], { cwd: REPOSITORY_ROOT, stdio: "pipe" });
  server = await startWebServer(PORT, DATABASE);
});

test.afterAll(async () => {
  await server?.stop();
  rmSync(FOLDER, { recursive: true, force: true });
});

/** A page under watch: dialogs it opens and CSP violations it reports. */
interface WatchedPage {
  dialogs: string[];
  csp: CspWatch;
}

async function watchPage(page: Page): Promise<WatchedPage> {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { dialogs, csp: await watchCsp(page) };
}

/**
 * Asserts that no payload ran or became an element: no dialog, no script
 * flag, no CSP violation (which a blocked payload would fire), no element or
 * attribute from the payloads, and no link to anything but http(s) pages.
 */
async function expectNothingRan(page: Page, watched: WatchedPage): Promise<void> {
  expect(watched.dialogs).toEqual([]);
  expect(await page.evaluate(() => window.hostileScriptRan ?? null)).toBeNull();
  await watched.csp.expectNoViolations();
  expect(await page.locator('img[src="x"], svg[onload], [onerror], [onload], #main b').count()).toBe(0);
  const hrefs = await page.evaluate(() => Array.from(document.querySelectorAll("[href]"), (element) => element.getAttribute("href") ?? ""));
  expect(hrefs.filter((href) => !/^(?:https?:\/\/|\/|#)/u.test(href))).toEqual([]);
}

test.describe("hostile text", () => {
  test("paper list shows titles as text", async ({ page }) => {
    const watched = await watchPage(page);
    await page.goto(`${BASE_URL}/papers?sort=upvotes`);
    const list = page.getByTestId("paper-list");
    await expect(page.getByTestId("paper-count")).toContainText("1–24 of 24 papers");
    await expect(list.locator("li > a").first()).toHaveText(HOSTILE_TITLE);
    await expect(list.locator("li > a").first()).toHaveAttribute("href", `/papers/${HOSTILE_PAPER_ID}`);
    const titles = await list.locator("li > a").allTextContents();
    expect(titles).toHaveLength(24);
    expect(titles.filter((title) => !title.startsWith(`${HOSTILE_TITLE} #`)).slice(1)).toEqual([]);
    await expectNothingRan(page, watched);
  });

  test("paper page shows every field as text", async ({ page }) => {
    const watched = await watchPage(page);
    await page.goto(`${BASE_URL}/papers/${HOSTILE_PAPER_ID}`);
    await expect(page.locator("#main h1")).toHaveText(HOSTILE_TITLE);
    await expect(page).toHaveTitle(`${HOSTILE_TITLE} · Alignment Trends`);
    await expect(page.locator("dt:text-is('Authors') + dd")).toHaveText(HOSTILE_AUTHORS.join(", "));
    await expect(page.locator("p.abstract")).toHaveText(HOSTILE_ABSTRACT);
    await expect(page.locator(".paper-detail .tag")).toHaveText(HOSTILE_KEYWORDS);
    await expect(page.locator("dt:text-is('Code') + dd")).toHaveText("no code link found");
    // The ingest stores only http(s) project pages, so the javascript: one has no row.
    await expect(page.locator("dt:text-is('Project page')")).toHaveCount(0);
    await expect(page.getByTestId("topic-evidence")).toContainText("RLHF and RLAIF: matched");
    await expect(page.getByTestId("sightings")).toContainText("2025-03-03.json");
    await expectNothingRan(page, watched);
  });

  test("dashboard and topic page list titles as text", async ({ page }) => {
    const watched = await watchPage(page);
    for (const url of ["/?bucket=month", "/topics/rlhf?bucket=month"]) {
      await page.goto(`${BASE_URL}${url}`);
      await expect(page.getByTestId("paper-list").locator("li > a").first()).toHaveText(HOSTILE_TITLE);
      await expect(page.locator(".recharts-wrapper > svg path.recharts-rectangle").first()).toBeVisible();
      await expectNothingRan(page, watched);
    }
  });

  test("pages without titles run nothing", async ({ page }) => {
    const watched = await watchPage(page);
    for (const url of ["/topics?bucket=month", "/emerging", "/compare", "/no-such-page"]) {
      await page.goto(`${BASE_URL}${url}`);
      await expect(page.locator("#main h1")).toBeVisible();
      await expectNothingRan(page, watched);
    }
  });

  test("search box shows a hostile query as text", async ({ page }) => {
    const watched = await watchPage(page);
    await page.goto(`${BASE_URL}/papers?${new URLSearchParams({ q: SCRIPT_TAG }).toString()}`);
    await expect(page.locator("#filter-q")).toHaveValue(SCRIPT_TAG);
    await expectNothingRan(page, watched);
  });
});

test.describe("hostile text in compared series", () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  // Each series has a payload and an alternative that every hostile paper matches, so that its line is drawn above zero.
  const SERIES = [`${SCRIPT_TAG} | RLHF`, `${IMAGE_ONERROR} | ${SVG_ONLOAD} | reward hacking`, `${TEMPLATE} | reward models`];

  test("legend, tooltip, table and image show series as text", async ({ page }) => {
    const watched = await watchPage(page);
    const query = new URLSearchParams([...SERIES.map((series) => ["series", series]), ["measure", "papers"], ["bucket", "month"]]);
    await page.goto(`${BASE_URL}/compare?${query.toString()}`);
    const card = page.getByTestId("card-compare");
    await expect(card.locator(".recharts-wrapper > svg path.recharts-line-curve")).toHaveCount(3);

    await expect(card.locator("table th.series-head")).toHaveText(SERIES);
    for (const series of SERIES) await expect(card.locator(".recharts-legend-wrapper")).toContainText(series);

    // Every series matches every paper, so their dots overlap: point at the chart rather than at one dot.
    const surface = card.locator(".recharts-wrapper > svg");
    await surface.scrollIntoViewIfNeeded();
    const box = (await surface.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.25, box.y + box.height / 3);
    await expect(card.locator(".recharts-tooltip-item-name")).toHaveText(SERIES);

    const [download] = await Promise.all([page.waitForEvent("download"), card.getByRole("button", { name: /as SVG$/u }).click()]);
    const svgText = readFileSync((await download.path())!, "utf8");
    const image = await page.evaluate((source) => {
      const document = new DOMParser().parseFromString(source, "image/svg+xml");
      const root = document.documentElement;
      return {
        parseError: document.querySelector("parsererror")?.textContent ?? null,
        legend: Array.from(root.querySelectorAll(":scope > g.legend > text"), (element) => element.textContent),
        caption: root.querySelector('[data-role="caption"]')?.textContent ?? "",
        foreignElements: Array.from(root.querySelectorAll("*"))
          .filter((element) => element.namespaceURI !== "http://www.w3.org/2000/svg" || ["script", "foreignObject", "image", "a"].includes(element.localName))
          .map((element) => element.localName),
        eventAttributes: Array.from(root.querySelectorAll("*")).flatMap((element) => element.getAttributeNames().filter((name) => name.startsWith("on"))),
      };
    }, svgText);
    expect(image.parseError).toBeNull();
    expect(image.legend).toEqual(SERIES);
    expect(image.caption).toContain("/compare?series=<script>");
    expect(image.foreignElements).toEqual([]);
    expect(image.eventAttributes).toEqual([]);
    expect(svgText).toContain("&lt;script&gt;window.hostileScriptRan");
    expect(svgText).not.toContain("<script>");
    expect(svgText).not.toContain(JAVASCRIPT_URL);

    await expectNothingRan(page, watched);
  });
});
