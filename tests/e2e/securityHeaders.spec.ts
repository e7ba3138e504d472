import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { watchCsp } from "../support/watchCsp";

/** The security headers every response carries, besides the Content Security Policy. */
const FIXED_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
};

/** Returns the Content Security Policy that a production server sends with `nonce`. */
function expectedPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Asserts every security header on a response and returns the CSP nonce it gives. */
function expectSecurityHeaders(headers: Record<string, string>, label: string): string {
  const policy = headers["content-security-policy"] ?? "";
  const nonce = /'nonce-([A-Za-z0-9+/]{22}==)'/u.exec(policy)?.[1] ?? "";
  expect(nonce, `nonce in the CSP of ${label}`).not.toBe("");
  expect(policy, `CSP of ${label}`).toBe(expectedPolicy(nonce));
  for (const [name, value] of Object.entries(FIXED_HEADERS)) expect(headers[name], `${name} of ${label}`).toBe(value);
  return nonce;
}

/**
 * Asserts that every script tag in a page's HTML carries `nonce`, so that the
 * CSP blocks none of them. Scripts that these load later need no nonce, because
 * `'strict-dynamic'` trusts them.
 */
function expectScriptTagsCarryNonce(html: string, nonce: string): void {
  const tags = html.match(/<script\b[^>]*>/gu) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  expect(tags.filter((tag) => !tag.includes(` nonce="${nonce}"`))).toEqual([]);
}

/** Waits until the Next.js client runtime has started, which it cannot under a CSP that blocks its scripts. */
async function expectClientRuntime(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => typeof (window as { next?: { version?: string } }).next?.version)).toBe("string");
}

test.describe("security headers on pages", () => {
  let paperId = "";

  test.beforeAll(async ({ request }) => {
    const body = (await (await request.get("/api/v1/papers?sort=upvotes&limit=1")).json()) as { papers: { id: string }[] };
    paperId = body.papers[0]!.id;
  });

  // `marks` selects the drawn bars or lines of the page's charts, null on a page without charts.
  const pages: { name: string; path: () => string; status: number; marks: string | null }[] = [
    { name: "dashboard", path: () => "/", status: 200, marks: "path.recharts-rectangle" },
    { name: "topics", path: () => "/topics", status: 200, marks: "path.recharts-rectangle" },
    { name: "topic page", path: () => "/topics/rlhf", status: 200, marks: "path.recharts-rectangle" },
    { name: "compare with series", path: () => "/compare?series=RLHF&series=topic%3Asafety&bucket=year", status: 200, marks: "path.recharts-line-curve" },
    { name: "emerging", path: () => "/emerging", status: 200, marks: ".recharts-bar-rectangle rect" },
    { name: "papers", path: () => "/papers", status: 200, marks: null },
    { name: "paper page", path: () => `/papers/${encodeURIComponent(paperId)}`, status: 200, marks: null },
    { name: "missing page", path: () => "/no-such-page", status: 404, marks: null },
    { name: "missing paper", path: () => "/papers/9912.99999", status: 404, marks: null },
  ];

  for (const { name, path, status, marks } of pages) {
    test(`${name} runs under the CSP`, async ({ page }) => {
      const csp = await watchCsp(page);
      const response = (await page.goto(path()))!;
      expect(response.status()).toBe(status);
      const nonce = expectSecurityHeaders(response.headers(), path());
      expectScriptTagsCarryNonce(await response.text(), nonce);
      await expectClientRuntime(page);
      if (marks) await expect(page.locator(`.recharts-wrapper > svg ${marks}`).first()).toBeVisible();
      await csp.expectNoViolations();
    });
  }

  test("nonce differs per response", async ({ request }) => {
    const nonces = new Set<string>();
    for (let index = 0; index < 5; index++) nonces.add(expectSecurityHeaders((await request.get("/papers")).headers(), "/papers"));
    expect(nonces.size).toBe(5);
  });
});

test.describe("security headers on other responses", () => {
  const routes: [string, number][] = [
    ["/api/v1/papers?limit=1", 200],
    ["/api/v1/papers?limit=abc", 400],
    ["/api/v1/papers/9912.99999", 404],
    ["/api/v1/openapi.json", 200],
    ["/api/v1/trends?metric=code&bucket=year&format=csv", 200],
    ["/api/v1/dataset", 200],
    ["/icon.svg", 200],
    ["/_next/static/no-such-file.js", 404],
  ];
  for (const [route, status] of routes) {
    test(`${route.split("?")[0]} answers ${status} with them`, async ({ request }) => {
      const response = await request.get(route);
      expect(response.status()).toBe(status);
      expectSecurityHeaders(response.headers(), route);
    });
  }

  test("static scripts and style sheets carry them", async ({ page, request }) => {
    await page.goto("/papers");
    const assets = await page.evaluate(() => [
      ...Array.from(document.querySelectorAll<HTMLScriptElement>("script[src]"), (script) => script.src),
      ...Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]'), (link) => link.href),
    ]);
    expect(assets.some((url) => url.endsWith(".js"))).toBe(true);
    expect(assets.some((url) => url.endsWith(".css"))).toBe(true);
    for (const url of assets) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(200);
      expectSecurityHeaders(response.headers(), url);
    }
  });

  test("server without a database sends them on its notices", async ({ request }) => {
    const serverUrl = process.env.MISSING_DATABASE_URL!;
    const api = await request.get(`${serverUrl}/api/v1/papers`);
    expect(api.status()).toBe(503);
    expectSecurityHeaders(api.headers(), "/api/v1/papers without a database");
    const page = await request.get(`${serverUrl}/papers/2503.02130`);
    expectSecurityHeaders(page.headers(), "/papers/2503.02130 without a database");
  });
});

test.describe("app under the CSP", () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test("client navigation keeps the document", async ({ page }) => {
    const csp = await watchCsp(page);
    await page.goto("/");
    await expectClientRuntime(page);
    await page.evaluate(() => ((window as { navigationMark?: number }).navigationMark = 1));

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Topics" }).click();
    await expect(page).toHaveURL(/\/topics$/u);
    await expect(page.locator("#main h1")).toBeVisible();
    await expect(page.getByTestId("chart-scope-shares").locator(".recharts-wrapper > svg path").first()).toBeVisible();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Papers" }).click();
    await expect(page).toHaveURL(/\/papers$/u);
    await expect(page.getByTestId("paper-list")).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(/\/topics$/u);

    // A full page load would have replaced the window and lost the mark.
    expect(await page.evaluate(() => (window as { navigationMark?: number }).navigationMark)).toBe(1);
    await csp.expectNoViolations();
  });

  test("chart image downloads work", async ({ page }) => {
    const csp = await watchCsp(page);
    await page.goto("/?bucket=year");
    const card = page.getByTestId("card-topics");
    await expect(card.locator(".recharts-wrapper > svg path.recharts-rectangle").first()).toBeVisible();

    const [svgDownload] = await Promise.all([page.waitForEvent("download"), card.getByRole("button", { name: /as SVG$/u }).click()]);
    const svgText = await readFile((await svgDownload.path())!, "utf8");
    expect(svgText.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" ')).toBe(true);
    expect(svgText).toContain('class="recharts-rectangle');

    const [pngDownload] = await Promise.all([page.waitForEvent("download"), card.getByRole("button", { name: /as PNG$/u }).click()]);
    const png = await readFile((await pngDownload.path())!);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBeGreaterThan(100);
    await expect(card.getByRole("alert")).toHaveCount(0);
    await csp.expectNoViolations();
  });
});
