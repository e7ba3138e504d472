import { gzipSync } from "node:zlib";
import { chromium, type Page, type Response } from "@playwright/test";
import { z } from "zod";
import { percentile } from "./percentile";
import { readPaintTimings } from "./readPaintTimings";

/** Chromium's flags for a headless run in a container without a GPU or a user namespace. */
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export const DashboardPageOptionsSchema = z.object({
  /** The server's origin, such as `http://127.0.0.1:3500`. */
  baseUrl: z.url({ protocol: /^https?$/ }),
  path: z.string().startsWith("/", "expected a path starting with /").default("/"),
  runs: z.number().int().min(1).default(5),
  executablePath: z.string().min(1).default(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"),
  /** How long one page load, up to no network traffic for 500 ms, may take. */
  timeoutMs: z.number().int().positive().default(30_000),
});
export type DashboardPageOptions = z.input<typeof DashboardPageOptionsSchema>;

/** One script response, with its body size as sent and as gzip at level 9 would send it. */
export interface ScriptTransfer {
  url: string;
  status: number;
  /** The `Content-Encoding` header of the response, null when the body came uncompressed. */
  contentEncoding: string | null;
  /** Body bytes on the wire, after any content encoding. */
  transferredBytes: number;
  /** Body bytes after decoding, as the browser parses them. */
  decodedBytes: number;
  /** The decoded body compressed by node:zlib gzip at level 9. */
  gzip9Bytes: number;
}

/** The scripts of one page load and their sizes summed. */
export interface PageJavaScript {
  scriptCount: number;
  /**
   * The JavaScript as gzip: `transferredBytes` when the server sent scripts
   * gzip-encoded and none in another encoding, counting the ones it left
   * uncompressed as sent, else `gzip9Bytes`. `gzipSource` names the one used.
   */
  gzipBytes: number;
  gzipSource: "transferred" | "gzip-level-9";
  transferredBytes: number;
  decodedBytes: number;
  gzip9Bytes: number;
  scripts: ScriptTransfer[];
}

/** Timings of one page load in milliseconds from the start of navigation. A paint timing is null when the browser recorded no such entry. */
export interface PageLoadTimings {
  largestContentfulPaintMs: number | null;
  /** The tag and the start of the text of the element painted at `largestContentfulPaintMs`, null when it was removed since. */
  largestContentfulPaintElement: string | null;
  firstContentfulPaintMs: number | null;
  loadEventMs: number;
}

export interface PageRun extends PageLoadTimings {
  javascript: PageJavaScript;
  /** The HTML document's body bytes on the wire. Its inline scripts are counted here, not in `javascript`. */
  documentTransferredBytes: number;
}

export interface MedianAndP95 {
  median: number;
  p95: number;
}

export interface DashboardPageResult {
  url: string;
  runs: number;
  /** The scripts of the first run. `perRun` lists the scripts of every run, which may differ. */
  javascript: PageJavaScript;
  /** Over the runs that recorded the timing. It is null when none did. */
  largestContentfulPaintMs: MedianAndP95 | null;
  firstContentfulPaintMs: MedianAndP95 | null;
  loadEventMs: MedianAndP95;
  perRun: PageRun[];
}

/**
 * Loads a page `runs` times in headless Chromium, each time in a new browser
 * context with the HTTP cache disabled, and measures the JavaScript it
 * downloads and its paint and load timings.
 */
export async function measureDashboardPage(options: DashboardPageOptions): Promise<DashboardPageResult> {
  const { baseUrl, path, runs, executablePath, timeoutMs } = DashboardPageOptionsSchema.parse(options);
  const url = new URL(path, baseUrl).href;
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });

  try {
    const perRun: PageRun[] = [];
    for (let run = 0; run < runs; run += 1) {
      const context = await browser.newContext();
      try {
        perRun.push(await loadPageOnce(await context.newPage(), url, timeoutMs));
      } finally {
        await context.close();
      }
    }

    return {
      url,
      runs,
      javascript: perRun[0]!.javascript,
      largestContentfulPaintMs: summarizeRuns(perRun.map((run) => run.largestContentfulPaintMs)),
      firstContentfulPaintMs: summarizeRuns(perRun.map((run) => run.firstContentfulPaintMs)),
      loadEventMs: summarizeRuns(perRun.map((run) => run.loadEventMs))!,
      perRun,
    };
  } finally {
    await browser.close();
  }
}

async function loadPageOnce(page: Page, url: string, timeoutMs: number): Promise<PageRun> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });

  const scriptResponses: Response[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scriptResponses.push(response);
  });

  const document = await page.goto(url, { waitUntil: "load", timeout: timeoutMs });
  if (!document) throw new Error(`Loading ${url} returned no response; check that the URL names a page`);
  if (!document.ok()) throw new Error(`Loading ${url} failed with HTTP ${document.status()}; check that the server has a database`);
  // Scripts that the page imports after the load event count too, so the measurement waits for the network to go quiet.
  await page.waitForLoadState("networkidle", { timeout: timeoutMs });

  const timings = await readPaintTimings(page);
  const scripts = await Promise.all(scriptResponses.map(readScriptTransfer));
  const documentSizes = await document.request().sizes();
  return { ...timings, javascript: sumScripts(scripts), documentTransferredBytes: documentSizes.responseBodySize };
}

async function readScriptTransfer(response: Response): Promise<ScriptTransfer> {
  await response.finished();
  const [sizes, body, contentEncoding] = await Promise.all([
    response.request().sizes(),
    response.body(),
    response.headerValue("content-encoding"),
  ]);
  return {
    url: response.url(),
    status: response.status(),
    contentEncoding,
    transferredBytes: sizes.responseBodySize,
    decodedBytes: body.length,
    gzip9Bytes: gzipSync(body, { level: 9 }).length,
  };
}

function sumScripts(scripts: ScriptTransfer[]): PageJavaScript {
  const sum = (size: (script: ScriptTransfer) => number) => scripts.reduce((total, script) => total + size(script), 0);
  // A server that compresses still sends small bodies as they are (Next.js below 1,024 bytes), so one gzip script is enough to trust the sizes sent.
  const encodings = new Set(scripts.map((script) => script.contentEncoding));
  const sentAsGzip = encodings.has("gzip") && [...encodings].every((encoding) => encoding === "gzip" || encoding === null);
  const transferredBytes = sum((script) => script.transferredBytes);
  const gzip9Bytes = sum((script) => script.gzip9Bytes);
  return {
    scriptCount: scripts.length,
    gzipBytes: sentAsGzip ? transferredBytes : gzip9Bytes,
    gzipSource: sentAsGzip ? "transferred" : "gzip-level-9",
    transferredBytes,
    decodedBytes: sum((script) => script.decodedBytes),
    gzip9Bytes,
    scripts,
  };
}

function summarizeRuns(values: (number | null)[]): MedianAndP95 | null {
  const recorded = values.filter((value): value is number => value !== null);
  if (recorded.length === 0) return null;
  return { median: percentile(recorded, 50), p95: percentile(recorded, 95) };
}
