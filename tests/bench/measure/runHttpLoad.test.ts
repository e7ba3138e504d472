import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runHttpLoad } from "./runHttpLoad";

let server: Server;
let baseUrl: string;
/** Requests the server received per path, counted as they arrive, over all tests. */
const received = new Map<string, number>();

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? "";
    received.set(path, (received.get(path) ?? 0) + 1);
    if (path === "/fail") {
      response.writeHead(500, { "Content-Type": "text/plain" }).end("failed");
      return;
    }
    if (path.startsWith("/ok")) {
      response.writeHead(200, { "Content-Type": "application/json" }).end('{"ok":true}');
      return;
    }
    // Any other path never gets a response, so the client times it out.
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("runHttpLoad", () => {
  test("counts 500 responses as non-2xx", async () => {
    const result = await runHttpLoad({ baseUrl, paths: ["/ok?a=1", "/fail"], connections: 4, durationSeconds: 1 });
    const [ok, fail] = result.perPath;

    expect(ok!.path).toBe("/ok?a=1");
    expect(ok!.non2xx).toBe(0);
    expect(fail!.path).toBe("/fail");
    expect(fail!.non2xx).toBe(fail!.responses);
    expect(result.errors).toEqual({ non2xx: fail!.responses, timeouts: 0, connection: 0 });
    expect(result.statusCodes).toEqual({ "200": ok!.responses, "500": fail!.responses });
    expect(result.responses).toBe(ok!.responses + fail!.responses);
    expect(result.latencyMs!.samples).toBe(result.responses);
    expect(result.responses).toBeGreaterThan(100);
  });

  test("sends each path in turn", async () => {
    const paths = ["/ok/turn?a=1", "/ok/turn?a=2", "/ok/turn?a=3"];
    const result = await runHttpLoad({ baseUrl, paths, connections: 3, durationSeconds: 1 });
    const counts = result.perPath.map((path) => path.responses);

    // Requests go out round robin, so the paths differ by at most the requests in flight at the stop.
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(3);
    for (const path of paths) expect(received.get(path)).toBeGreaterThanOrEqual(result.perPath.find((load) => load.path === path)!.responses);
    expect(result.requestsSent - result.responses).toBeLessThanOrEqual(3);
  });

  test("counts a request without response as timeout", async () => {
    const result = await runHttpLoad({ baseUrl, paths: ["/ok", "/hang"], connections: 1, durationSeconds: 2, timeoutSeconds: 1 });

    expect(result.errors.timeouts).toBeGreaterThanOrEqual(1);
    expect(result.errors.connection).toBe(0);
    expect(result.perPath[1]!.responses).toBe(0);
    expect(result.perPath[1]!.latencyMs).toBeNull();
  });

  test("counts refused connections", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const result = await runHttpLoad({ baseUrl: `http://127.0.0.1:${port}`, paths: ["/ok"], connections: 2, durationSeconds: 1 });

    expect(result.responses).toBe(0);
    expect(result.latencyMs).toBeNull();
    expect(result.errors.connection).toBeGreaterThan(0);
    expect(result.errors.timeouts).toBe(0);
  });

  test("stops early when signal aborts", async () => {
    const controller = new AbortController();
    const startedAt = performance.now();
    setTimeout(() => controller.abort(), 500);
    const result = await runHttpLoad({ baseUrl, paths: ["/ok/abort"], connections: 2, durationSeconds: 30, signal: controller.signal });

    // A run of 30 s that the abort ends after 0.5 s; the bound of 10 s only leaves room for a busy machine.
    expect(performance.now() - startedAt).toBeLessThan(10_000);
    expect(result.responses).toBeGreaterThan(0);
    expect(result.errors).toEqual({ non2xx: 0, timeouts: 0, connection: 0 });
  });

  test("rejects a repeated path", async () => {
    await expect(runHttpLoad({ baseUrl, paths: ["/ok", "/ok"], connections: 1, durationSeconds: 1 })).rejects.toThrow(
      "expected each path once, because the figures are kept per path",
    );
  });
});
