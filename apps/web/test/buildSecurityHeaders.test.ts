import { describe, expect, test } from "vitest";
import { buildContentSecurityPolicy } from "../lib/buildContentSecurityPolicy";
import { buildSecurityHeaders } from "../lib/buildSecurityHeaders";
import { createNonce } from "../lib/createNonce";

const NONCE = "q7xbj3V0d2nTmPnYz1Kfvw==";

describe("buildContentSecurityPolicy", () => {
  test("production policy with the nonce", () => {
    expect(buildContentSecurityPolicy(NONCE)).toBe(
      "default-src 'self'; " +
        "script-src 'self' 'nonce-q7xbj3V0d2nTmPnYz1Kfvw==' 'strict-dynamic'; " +
        "style-src 'self' 'nonce-q7xbj3V0d2nTmPnYz1Kfvw=='; " +
        "style-src-attr 'unsafe-inline'; " +
        "img-src 'self' blob: data:; " +
        "font-src 'self'; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'",
    );
  });

  test("development policy adds unsafe-eval to scripts only", () => {
    const development = buildContentSecurityPolicy(NONCE, { development: true });
    expect(development).toContain("script-src 'self' 'nonce-q7xbj3V0d2nTmPnYz1Kfvw==' 'strict-dynamic' 'unsafe-eval'; ");
    expect(development.replace(" 'unsafe-eval'", "")).toBe(buildContentSecurityPolicy(NONCE));
  });

  test.each([["abc'; script-src *"], ["a b"], [""], ["abc\n"], ["==abc"]])("rejects nonce %j", (nonce) => {
    expect(() => buildContentSecurityPolicy(nonce)).toThrow(`Invalid CSP nonce "${nonce}": expected base64 characters only, as made by createNonce.`);
  });
});

describe("buildSecurityHeaders", () => {
  test("sets every header", () => {
    expect(buildSecurityHeaders(NONCE)).toEqual({
      "Content-Security-Policy": buildContentSecurityPolicy(NONCE),
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
    });
  });
});

describe("createNonce", () => {
  test("makes 16 random bytes as base64", () => {
    const nonce = createNonce();
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/u);
    expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });

  test("differs on every call", () => {
    const nonces = new Set(Array.from({ length: 1000 }, () => createNonce()));
    expect(nonces.size).toBe(1000);
  });

  test("is accepted by buildContentSecurityPolicy", () => {
    const nonce = createNonce();
    expect(buildContentSecurityPolicy(nonce)).toContain(`'nonce-${nonce}'`);
  });
});
