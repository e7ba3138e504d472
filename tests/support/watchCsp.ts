import { expect, type Page } from "@playwright/test";

/** A Content Security Policy violation as the page's `securitypolicyviolation` event reports it. */
export interface CspViolation {
  directive: string;
  blockedUri: string;
  sample: string;
  /** Where the blocked code is, as `file:line:column`. */
  source: string;
}

declare global {
  interface Window {
    cspViolations?: CspViolation[];
  }
}

/** What a page reported about its Content Security Policy since `watchCsp` started. */
export interface CspWatch {
  /** Asserts that no violation event fired and that the console logged no CSP error. */
  expectNoViolations(): Promise<void>;
}

/**
 * Records every `securitypolicyviolation` event of each document that `page`
 * loads, and every console error that mentions the Content Security Policy.
 * Call it before the first `page.goto`.
 */
export async function watchCsp(page: Page): Promise<CspWatch> {
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content[ -]Security[ -]Policy/iu.test(message.text())) consoleErrors.push(message.text());
  });
  // Playwright runs init scripts outside the page's CSP, so the listener is in place before any of the page's own scripts.
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      const source = `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`;
      window.cspViolations!.push({ directive: event.effectiveDirective, blockedUri: event.blockedURI, sample: event.sample, source });
    });
  });
  return {
    async expectNoViolations() {
      expect(await page.evaluate(() => window.cspViolations ?? [])).toEqual([]);
      expect(consoleErrors).toEqual([]);
    },
  };
}
