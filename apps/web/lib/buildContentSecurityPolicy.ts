/**
 * Builds the Content-Security-Policy header value for one response, where
 * `nonce` is the base64 value that Next.js copies onto its own script and
 * style tags.
 *
 * - Scripts run only when they carry the nonce or are loaded by one that does
 *   (`'strict-dynamic'`). `'self'` is there for browsers without CSP level 3,
 *   which ignore `'strict-dynamic'`. A development server also needs
 *   `'unsafe-eval'`, because React rebuilds server error stacks with `eval`.
 * - Style sheets and `<style>` elements need the nonce too. Inline `style`
 *   attributes are allowed (`style-src-attr 'unsafe-inline'`) because
 *   Recharts 3 positions its tooltip, legend and responsive container through
 *   React `style` props, which the server renders as attributes, and the
 *   pages set bar widths the same way. A style attribute cannot run script,
 *   and its `url()` loads still obey `img-src` and `font-src`.
 * - Images may be `blob:` and `data:` URLs, because the chart image downloads
 *   draw an SVG `data:` URL onto a canvas and save files through `blob:` URLs.
 *
 * NOTE: `upgrade-insecure-requests` is left out because the server is often
 * reached over plain HTTP on a local network, where upgrading would break it.
 */
export function buildContentSecurityPolicy(nonce: string, { development = false }: { development?: boolean } = {}): string {
  if (!/^[A-Za-z0-9+/]+={0,2}$/u.test(nonce)) {
    throw new Error(`Invalid CSP nonce "${nonce}": expected base64 characters only, as made by createNonce.`);
  }
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", `'nonce-${nonce}'`],
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'", "blob:", "data:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
  return directives.map((directive) => directive.join(" ")).join("; ");
}
