import { NextResponse, type NextRequest } from "next/server";
import { buildSecurityHeaders } from "@/lib/buildSecurityHeaders";
import { createNonce } from "@/lib/createNonce";

/**
 * Adds the security headers to every response, with a fresh CSP nonce per
 * request. Next.js reads the nonce from the request's
 * `Content-Security-Policy` header while it renders a page and puts it on its
 * script and style tags, so the pages must render per request: the root
 * layout makes sure of that.
 */
export function proxy(request: NextRequest): NextResponse {
  const headers = buildSecurityHeaders(createNonce(), { development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
