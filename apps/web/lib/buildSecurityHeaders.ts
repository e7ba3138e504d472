import { buildContentSecurityPolicy } from "./buildContentSecurityPolicy";

/**
 * Builds the security headers that every response carries, pages and API,
 * downloads and static files alike. `X-Frame-Options` repeats
 * `frame-ancestors 'none'` for browsers that predate CSP level 2.
 */
export function buildSecurityHeaders(nonce: string, options: { development?: boolean } = {}) {
  return {
    "Content-Security-Policy": buildContentSecurityPolicy(nonce, options),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
  };
}
