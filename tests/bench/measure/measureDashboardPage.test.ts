import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { measureDashboardPage } from "./measureDashboardPage";

const SCRIPT_A = Buffer.from(`window.a = [${Array.from({ length: 400 }, (_, index) => index * 7).join(",")}];\n`);
const SCRIPT_B = Buffer.from(`window.b = "${"plain ".repeat(50)}";\n`);
const SCRIPT_A_SENT = gzipSync(SCRIPT_A, { level: 6 });

const PARAGRAPH = "Text. ".repeat(40).trim();

const PAGES: Record<string, string[]> = {
  "/": ["/a.js", "/b.js"],
  "/plain": ["/b.js"],
};

let server: Server;
let baseUrl: string;

function pageHtml(scripts: string[]): string {
  const tags = scripts.map((script) => `<script src="${script}"></script>`).join("");
  return `<!doctype html><html><head><title>Test</title>${tags}</head><body><h1>Alignment trends</h1><p>${PARAGRAPH}</p></body></html>`;
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const scripts = PAGES[request.url ?? ""];
    if (scripts) {
      response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(pageHtml(scripts));
    } else if (request.url === "/a.js") {
      response.writeHead(200, { "Content-Type": "text/javascript", "Content-Encoding": "gzip", "Content-Length": SCRIPT_A_SENT.length }).end(SCRIPT_A_SENT);
    } else if (request.url === "/b.js") {
      response.writeHead(200, { "Content-Type": "text/javascript", "Content-Length": SCRIPT_B.length }).end(SCRIPT_B);
    } else {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("measureDashboardPage", () => {
  test("counts gzip scripts as sent", async () => {
    const result = await measureDashboardPage({ baseUrl, path: "/", runs: 2 });
    const scripts = [...result.javascript.scripts].sort((a, b) => a.url.localeCompare(b.url));

    expect(result.url).toBe(`${baseUrl}/`);
    expect(result.perRun).toHaveLength(2);
    expect(scripts.map((script) => [script.url, script.status, script.contentEncoding])).toEqual([
      [`${baseUrl}/a.js`, 200, "gzip"],
      [`${baseUrl}/b.js`, 200, null],
    ]);
    expect(scripts.map((script) => script.transferredBytes)).toEqual([SCRIPT_A_SENT.length, SCRIPT_B.length]);
    expect(result.javascript.scriptCount).toBe(2);
    expect(result.javascript.gzipSource).toBe("transferred");
    expect(result.javascript.gzipBytes).toBe(SCRIPT_A_SENT.length + SCRIPT_B.length);
    expect(result.javascript.decodedBytes).toBe(SCRIPT_A.length + SCRIPT_B.length);
    expect(result.javascript.gzip9Bytes).toBe(gzipSync(SCRIPT_A, { level: 9 }).length + gzipSync(SCRIPT_B, { level: 9 }).length);
  });

  test("gzips uncompressed scripts itself", async () => {
    const result = await measureDashboardPage({ baseUrl, path: "/plain", runs: 1 });

    expect(result.javascript.scriptCount).toBe(1);
    expect(result.javascript.gzipSource).toBe("gzip-level-9");
    expect(result.javascript.transferredBytes).toBe(SCRIPT_B.length);
    expect(result.javascript.gzipBytes).toBe(gzipSync(SCRIPT_B, { level: 9 }).length);
  });

  test("paint timings of a page with text", async () => {
    const result = await measureDashboardPage({ baseUrl, path: "/", runs: 3 });

    for (const run of result.perRun) {
      expect(run.largestContentfulPaintMs).toBeGreaterThan(0);
      expect(run.largestContentfulPaintElement).toBe(`<p> ${PARAGRAPH.slice(0, 60)}`);
      expect(run.firstContentfulPaintMs).toBeGreaterThan(0);
      expect(run.loadEventMs).toBeGreaterThan(0);
    }
    const lcp = result.perRun.map((run) => run.largestContentfulPaintMs!).sort((a, b) => a - b);
    expect(result.largestContentfulPaintMs!.median).toBe(lcp[1]);
  });

  test("rejects a page answered with 404", async () => {
    await expect(measureDashboardPage({ baseUrl, path: "/missing", runs: 1 })).rejects.toThrow(
      `Loading ${baseUrl}/missing failed with HTTP 404; check that the server has a database`,
    );
  });
});
