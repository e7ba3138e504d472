import type { z } from "zod";

export type QueryResult<T> = { ok: true; data: T } | { ok: false; parameter: string; message: string };

/**
 * Turns URL search parameters into a plain object: a name given once maps to
 * its string, a repeated name to the list of its strings. Empty values are
 * left out, because a GET form sends its empty fields as `name=`.
 */
export function searchParamsToObject(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  const entries: [string, string][] =
    params instanceof URLSearchParams
      ? [...params.entries()]
      : Object.entries(params).flatMap(([key, value]) =>
          value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((item): [string, string] => [key, item]),
        );
  // A Map, not a plain object, because a parameter named `__proto__` would otherwise set the object's prototype.
  const values = new Map<string, string | string[]>();
  for (const [key, value] of entries) {
    if (value === "") continue;
    const existing = values.get(key);
    values.set(key, existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value]);
  }
  return Object.fromEntries(values);
}

/**
 * Validates query parameters with a Zod object schema. On failure the result
 * names the first invalid parameter and says what was expected. Pages pass
 * `ignoreUnknown` so that a link with extra parameters still opens.
 */
export function parseQuery<Schema extends z.ZodObject>(
  schema: Schema,
  params: URLSearchParams | Record<string, string | string[] | undefined>,
  options: { ignoreUnknown?: boolean } = {},
): QueryResult<z.infer<Schema>> {
  const object = searchParamsToObject(params);
  const known = Object.keys(schema.shape);
  const input = options.ignoreUnknown ? Object.fromEntries(Object.entries(object).filter(([key]) => known.includes(key))) : object;
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };

  const issue = result.error.issues[0]!;
  if (issue.code === "unrecognized_keys") {
    const parameter = issue.keys[0] ?? "unknown";
    return { ok: false, parameter, message: `Unknown parameter "${parameter}"` };
  }
  const parameter = issue.path.length > 0 ? String(issue.path[0]) : "query";
  return { ok: false, parameter, message: `Invalid parameter "${parameter}": ${describeIssue(issue, input[parameter], issue.path.length === 1)}` };
}

/** The maximum number of characters of a received value that a message quotes. */
const MAX_QUOTED_LENGTH = 80;

/**
 * Returns the issue's message with the value that caused it, because Zod's
 * `invalid_value` message lists the allowed values but not the received one.
 * A single-value parameter given several times reaches Zod as a list, so the
 * message names the repeat instead of calling the values invalid.
 */
function describeIssue(issue: z.core.$ZodIssue, received: string | string[] | undefined, onWholeValue: boolean): string {
  if (onWholeValue && Array.isArray(received) && (issue.code === "invalid_value" || issue.code === "invalid_type")) {
    return `given ${received.length} times, but it takes one value`;
  }
  if (issue.code === "invalid_value" && typeof received === "string") {
    const quoted = received.length > MAX_QUOTED_LENGTH ? `${received.slice(0, MAX_QUOTED_LENGTH)}…` : received;
    return `${issue.message}, not ${JSON.stringify(quoted)}`;
  }
  return issue.message;
}
