import autocannon from "autocannon";
import { z } from "zod";
import { summarizeLatencies, type LatencySummary } from "./summarizeLatencies";

export const HttpLoadOptionsSchema = z.object({
  /** The server's origin, such as `http://127.0.0.1:3500`. */
  baseUrl: z.url({ protocol: /^https?$/ }),
  /** Paths with their query strings, each starting with `/`. */
  paths: z
    .array(z.string().startsWith("/", "expected a path starting with /"))
    .min(1, "expected at least one path")
    .refine((paths) => new Set(paths).size === paths.length, "expected each path once, because the figures are kept per path"),
  connections: z.number().int().min(1),
  durationSeconds: z.number().positive(),
  /** How long one response may take before it counts as a timeout; autocannon takes 1 s at least and defaults to 10 s. */
  timeoutSeconds: z.number().min(1).default(10),
  /** Stops the run before `durationSeconds` once aborted; the result then covers the time until the abort. */
  signal: z.instanceof(AbortSignal).optional(),
});
export type HttpLoadOptions = z.input<typeof HttpLoadOptionsSchema>;

/** The responses of one path, with latencies of every completed response whatever its status. */
export interface PathLoad {
  path: string;
  responses: number;
  non2xx: number;
  latencyMs: LatencySummary | null;
}

/** Figures of one load run over a set of paths. */
export interface HttpLoadResult {
  baseUrl: string;
  connections: number;
  durationSeconds: number;
  /** The run's length as autocannon measured it, in seconds. */
  elapsedSeconds: number;
  /** Completed responses, of any status. */
  responses: number;
  /** Requests written to a connection, including those still waiting for a response when the run stopped. */
  requestsSent: number;
  /** Completed responses per second of `elapsedSeconds`. */
  requestsPerSecond: number;
  /** Latency of every completed response, null when none completed. */
  latencyMs: LatencySummary | null;
  errors: {
    /** Responses with a status outside 200 to 299. */
    non2xx: number;
    /** Requests without a response within `timeoutSeconds`. */
    timeouts: number;
    /** Failed connections, such as a refused or reset connection. */
    connection: number;
  };
  /** Completed responses per HTTP status code. */
  statusCodes: Record<string, number>;
  perPath: PathLoad[];
}

/** The per-client state autocannon passes to `setupRequest` and `onResponse`. */
interface ClientContext {
  path?: string;
}

/**
 * Loads a server with `connections` keep-alive connections for
 * `durationSeconds`, using autocannon's programmatic API in this process.
 *
 * Each request takes the next path of `paths` in turn across all
 * connections, so every path gets the same number of requests (within the
 * requests in flight when the run stops) and all connections send every
 * path. Giving autocannon one URL per connection instead would pin
 * connections to paths and favour fast paths, and its `requests` sequence
 * would start every connection on the same path in step.
 */
export async function runHttpLoad(options: HttpLoadOptions): Promise<HttpLoadResult> {
  const { baseUrl, paths, connections, durationSeconds, timeoutSeconds, signal } = HttpLoadOptionsSchema.parse(options);
  const latenciesByPath = new Map<string, number[]>(paths.map((path) => [path, []]));
  const non2xxByPath = new Map<string, number>(paths.map((path) => [path, 0]));
  let nextPathIndex = 0;
  let completedPath: string | undefined;

  const request: autocannon.Request = {
    method: "GET",
    setupRequest: (current, context) => {
      const path = paths[nextPathIndex % paths.length]!;
      nextPathIndex += 1;
      (context as ClientContext).path = path;
      return { ...current, path };
    },
    // autocannon calls onResponse and then, synchronously, emits "response" with the latency, so the path is handed over here.
    onResponse: (_status, _body, context) => {
      completedPath = (context as ClientContext).path;
    },
  };

  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: baseUrl, connections, duration: durationSeconds, timeout: timeoutSeconds, requests: [request] },
      (error: unknown, finished: autocannon.Result) => (error ? reject(new Error(`autocannon failed against ${baseUrl}`, { cause: error })) : resolve(finished)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (completedPath === undefined) return;
      latenciesByPath.get(completedPath)!.push(responseTime);
      if (statusCode < 200 || statusCode > 299) non2xxByPath.set(completedPath, non2xxByPath.get(completedPath)! + 1);
      completedPath = undefined;
    });
    if (signal?.aborted) instance.stop();
    else signal?.addEventListener("abort", () => instance.stop(), { once: true });
  });

  const allLatencies = [...latenciesByPath.values()].flat();
  return {
    baseUrl,
    connections,
    durationSeconds,
    elapsedSeconds: result.duration,
    responses: result.requests.total,
    requestsSent: result.requests.sent,
    requestsPerSecond: result.duration > 0 ? result.requests.total / result.duration : 0,
    latencyMs: allLatencies.length > 0 ? summarizeLatencies(allLatencies) : null,
    errors: { non2xx: result.non2xx, timeouts: result.timeouts, connection: result.errors - result.timeouts },
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count ?? 0])),
    perPath: paths.map((path) => {
      const latencies = latenciesByPath.get(path)!;
      return {
        path,
        responses: latencies.length,
        non2xx: non2xxByPath.get(path)!,
        latencyMs: latencies.length > 0 ? summarizeLatencies(latencies) : null,
      };
    }),
  };
}
