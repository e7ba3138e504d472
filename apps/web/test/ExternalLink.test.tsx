import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { ExternalLink } from "../components/ExternalLink";

describe("ExternalLink", () => {
  test.each([
    ["https://github.com/owner/repo", '<a href="https://github.com/owner/repo" rel="noopener noreferrer">https://github.com/owner/repo</a>'],
    ["http://example.org/a?b=1&c=2", '<a href="http://example.org/a?b=1&amp;c=2" rel="noopener noreferrer">http://example.org/a?b=1&amp;c=2</a>'],
  ])("links %j", (url, html) => {
    expect(renderToStaticMarkup(<ExternalLink url={url} />)).toBe(html);
  });

  test.each([
    ["javascript:alert(1)", '<span data-testid="unlinked-url">javascript:alert(1)</span>'],
    [" JavaScript:alert(1)", '<span data-testid="unlinked-url"> JavaScript:alert(1)</span>'],
    ["data:text/html,<script>alert(1)</script>", '<span data-testid="unlinked-url">data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;</span>'],
    ["vbscript:msgbox(1)", '<span data-testid="unlinked-url">vbscript:msgbox(1)</span>'],
    ["//example.org/path", '<span data-testid="unlinked-url">//example.org/path</span>'],
    ["example.org", '<span data-testid="unlinked-url">example.org</span>'],
  ])("shows %j as text", (url, html) => {
    expect(renderToStaticMarkup(<ExternalLink url={url} />)).toBe(html);
  });
});
