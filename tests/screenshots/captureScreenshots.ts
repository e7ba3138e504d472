import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { chromium } from "@playwright/test";

/*
 * Captures every page of a running dashboard at desktop and phone width and
 * writes docs/screenshots.md linking them. Start the server first, for
 * example on the real digests:
 *   npm run ingest -- --db /tmp/real.duckdb <digest folder>
 *   PORT=3100 TRENDS_DB=/tmp/real.duckdb npm start
 *   npm run screenshots -- http://127.0.0.1:3100
 */

interface PageShot {
  name: string;
  title: string;
  path: string;
  /** The colour scheme the browser reports; light unless given. */
  colorScheme?: "light" | "dark";
  /** Finds a path on the running server when it depends on the data, such as the first paper's page. */
  resolvePath?: (baseUrl: string) => Promise<string>;
}

const PAGES: PageShot[] = [
  { name: "dashboard", title: "Dashboard", path: "/" },
  { name: "dashboard-filtered", title: "Dashboard under filters (alignment papers with code, 2025)", path: "/?from=2025-01-01&to=2025-12-31&scope=alignment&hasCode=true&bucket=quarter" },
  { name: "topics", title: "Topics", path: "/topics" },
  { name: "topic", title: "One topic (RLHF and RLAIF)", path: "/topics/rlhf" },
  { name: "compare", title: "Compare three topics as shares", path: "/compare?series=topic%3Arlhf&series=topic%3Asafety&series=topic%3Apreference-optimization&measure=share&bucket=quarter" },
  { name: "emerging", title: "Emerging terms", path: "/emerging" },
  { name: "papers", title: "Paper list, most upvoted alignment papers", path: "/papers?scope=alignment&sort=upvotes" },
  { name: "paper", title: "One paper", path: "/papers", resolvePath: findTopPaperPath },
  { name: "empty", title: "A filter without papers", path: "/?q=no-paper-has-this-phrase" },
  { name: "dashboard-dark", title: "Dashboard in dark mode", path: "/", colorScheme: "dark" },
];

const WIDTHS = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 375, height: 812 },
];

const CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

async function findTopPaperPath(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/papers?scope=alignment&sort=upvotes&limit=1`);
  if (!response.ok) throw new Error(`GET /api/v1/papers answered ${response.status}; is the dashboard running at ${baseUrl}?`);
  const body = (await response.json()) as { papers: { id: string }[] };
  const paper = body.papers[0];
  if (!paper) throw new Error(`the database at ${baseUrl} has no alignment paper to show; ingest digests first`);
  return `/papers/${encodeURIComponent(paper.id)}`;
}

async function countPapers(baseUrl: string): Promise<number> {
  const response = await fetch(`${baseUrl}/api/v1/papers?limit=1`);
  if (!response.ok) throw new Error(`GET /api/v1/papers answered ${response.status}; is the dashboard running at ${baseUrl}?`);
  return ((await response.json()) as { total: number }).total;
}

function renderIndex(shots: { page: PageShot; path: string }[], papers: number): string {
  const lines = [
    "# Screenshots",
    "",
    "Every page of the dashboard at desktop width (1280 pixels) and phone width",
    "(375 pixels), in the light theme unless the title says dark mode. Regenerate",
    "them with `npm run screenshots` against a running dashboard (see the comment",
    "at the top of `tests/screenshots/captureScreenshots.ts`).",
    "",
    `Captured on ${new Date().toISOString().slice(0, 10)} from a database of ${papers.toLocaleString("en")} papers.`,
    "",
  ];
  for (const { page, path } of shots) {
    lines.push(`## ${page.title}`, "", `\`${path}\``, "");
    for (const size of WIDTHS) lines.push(`- [${size.name}](screenshots/${page.name}-${size.name}.png)`);
    lines.push("", `![${page.title}, desktop](screenshots/${page.name}-desktop.png)`, "");
  }
  return `${lines.join("\n")}`;
}

async function captureScreenshots(baseUrl: string, docsDir: string): Promise<void> {
  const outDir = join(docsDir, "screenshots");
  await mkdir(outDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_FLAGS });
  const shots: { page: PageShot; path: string }[] = [];
  const papers = await countPapers(baseUrl);
  try {
    for (const page of PAGES) {
      const path = page.resolvePath ? await page.resolvePath(baseUrl) : page.path;
      for (const size of WIDTHS) {
        const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, reducedMotion: "reduce", colorScheme: page.colorScheme ?? "light" });
        const tab = await context.newPage();
        const response = await tab.goto(`${baseUrl}${path}`, { waitUntil: "networkidle" });
        if (!response?.ok()) throw new Error(`${path} answered ${response?.status() ?? "nothing"}; check the server log`);
        await tab.screenshot({ path: join(outDir, `${page.name}-${size.name}.png`), fullPage: true });
        await context.close();
      }
      shots.push({ page, path });
      console.log(`captured ${page.name}`);
    }
  } finally {
    await browser.close();
  }
  await writeFile(join(docsDir, "screenshots.md"), `${renderIndex(shots, papers)}\n`);
}

const baseUrl = (process.argv[2] ?? "http://127.0.0.1:3000").replace(/\/$/u, "");
await captureScreenshots(baseUrl, join(import.meta.dirname, "..", "..", "docs"));
