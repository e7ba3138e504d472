import type { StoredResponse } from "./storeResponse";

/** Whether the stored response came from the cache (`hit`) or this request computed it (`miss`). */
export type CacheStatus = "hit" | "miss";

/** Browsers may keep a response but must ask the server whether it is still current before they use it again. */
const REVALIDATE = "no-cache";

/**
 * Tells whether an `If-None-Match` header names the entity tag, by the weak
 * comparison that RFC 9110 prescribes for it: `W/` prefixes are ignored, and
 * `*` matches any current response.
 */
export function matchesEntityTag(ifNoneMatch: string | null, etag: string): boolean {
  if (ifNoneMatch === null) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//u, "");
  return ifNoneMatch.split(",").some((candidate) => opaque(candidate) === opaque(etag));
}

/**
 * Builds the response to send from a stored one. A 200 carries `ETag`,
 * `Cache-Control: no-cache` and, with `cacheStatus`, `X-Cache`. When the
 * request's `If-None-Match` names the ETag, the response is a 304 without a
 * body. Any other status gets `Cache-Control: no-store`, so that no client
 * keeps an error.
 */
export function sendStoredResponse(stored: StoredResponse, request: Request, cacheStatus?: CacheStatus): Response {
  if (stored.status !== 200) {
    const headers = new Headers(stored.headers);
    headers.set("Cache-Control", "no-store");
    return new Response(stored.body, { status: stored.status, headers });
  }

  const validators: [string, string][] = [
    ["ETag", stored.etag],
    ["Cache-Control", REVALIDATE],
  ];
  if (cacheStatus) validators.push(["X-Cache", cacheStatus]);
  if (matchesEntityTag(request.headers.get("if-none-match"), stored.etag)) {
    return new Response(null, { status: 304, headers: validators });
  }
  const headers = new Headers(stored.headers);
  for (const [name, value] of validators) headers.set(name, value);
  return new Response(stored.body, { status: 200, headers });
}
