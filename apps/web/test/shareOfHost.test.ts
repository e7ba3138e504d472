import { MIN_PAPERS_FOR_SHARE, type CodeTrendPoint } from "@alignment-trends/schema";
import { describe, expect, test } from "vitest";
import { shareOfHost } from "../lib/shareOfHost";

function codePoint(papers: number, hosts: Record<string, number>): CodeTrendPoint {
  const withCode = Object.values(hosts).reduce((total, count) => total + count, 0);
  return { periodStart: "2025-01-01", periodEnd: "2025-01-31", label: "2025-01", papers, withCode, codeShare: papers === 0 ? null : withCode / papers, hosts };
}

describe("shareOfHost", () => {
  test("divides the host's papers by the period's papers", () => {
    expect(shareOfHost(codePoint(40, { "github.com": 10, "gitlab.com": 2 }), "github.com")).toBe(0.25);
    expect(shareOfHost(codePoint(40, { "github.com": 10, "gitlab.com": 2 }), "gitlab.com")).toBe(0.05);
  });

  test("gives 0 for a host without papers in a full period", () => {
    expect(shareOfHost(codePoint(MIN_PAPERS_FOR_SHARE, { "github.com": 3 }), "gitlab.com")).toBe(0);
  });

  test("leaves a gap for a period below the minimum", () => {
    expect(shareOfHost(codePoint(MIN_PAPERS_FOR_SHARE - 1, { "github.com": 9 }), "github.com")).toBeNull();
    expect(shareOfHost(codePoint(1, { "github.com": 1 }), "github.com")).toBeNull();
    expect(shareOfHost(codePoint(0, {}), "github.com")).toBeNull();
  });
});
