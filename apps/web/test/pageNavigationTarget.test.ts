import { describe, expect, test } from "vitest";
import { pageNavigationTarget } from "../lib/pageNavigationTarget";

const CURRENT = new URL("http://127.0.0.1:3450/compare?series=DPO#chart");
const link = (href: string, extra: { target?: string; download?: boolean } = {}) => ({ href, target: extra.target ?? "", download: extra.download ?? false });

describe("pageNavigationTarget", () => {
  test("returns another page of the app", () => {
    expect(pageNavigationTarget(link("/papers?from=2025-01-01"), CURRENT)?.href).toBe("http://127.0.0.1:3450/papers?from=2025-01-01");
  });

  test("returns the same page with another query", () => {
    expect(pageNavigationTarget(link("/compare?series=RLHF"), CURRENT)?.href).toBe("http://127.0.0.1:3450/compare?series=RLHF");
  });

  test("accepts target _self", () => {
    expect(pageNavigationTarget(link("/topics", { target: "_self" }), CURRENT)?.pathname).toBe("/topics");
  });

  test.each([
    ["another site", link("https://arxiv.org/abs/2608.07468")],
    ["the API", link("/api/v1/compare?series=DPO&format=csv")],
    ["a download", link("/papers?format=csv", { download: true })],
    ["a new tab", link("/topics", { target: "_blank" })],
    ["the current page", link("/compare?series=DPO")],
    ["a fragment of the current page", link("/compare?series=DPO#table")],
  ])("returns null for %s", (_case, click) => {
    expect(pageNavigationTarget(click, CURRENT)).toBeNull();
  });
});
