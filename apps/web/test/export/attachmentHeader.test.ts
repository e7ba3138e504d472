import { describe, expect, test } from "vitest";
import { attachmentHeader } from "../../lib/export/attachmentHeader";

describe("attachmentHeader", () => {
  test("repeats an ASCII name in both parameters", () => {
    expect(attachmentHeader("alignment-trends_code-share_year.csv")).toBe(
      "attachment; filename=\"alignment-trends_code-share_year.csv\"; filename*=UTF-8''alignment-trends_code-share_year.csv",
    );
  });

  test("drops letters without ASCII form from the fallback", () => {
    expect(attachmentHeader("alignment-trends_paper-list_search-präferenz-対齐_month.csv")).toBe(
      "attachment; filename=\"alignment-trends_paper-list_search-praferenz_month.csv\"; filename*=UTF-8''alignment-trends_paper-list_search-pr%C3%A4ferenz-%E5%AF%BE%E9%BD%90_month.csv",
    );
  });

  test("drops the hyphen before a word without ASCII form", () => {
    expect(attachmentHeader("alignment-trends_paper-list_search-対齐.csv")).toBe(
      "attachment; filename=\"alignment-trends_paper-list_search.csv\"; filename*=UTF-8''alignment-trends_paper-list_search-%E5%AF%BE%E9%BD%90.csv",
    );
  });
});
