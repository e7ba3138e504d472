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

  test.each([
    ["../../etc/passwd", 'filename="_._etc_passwd"', "filename*=UTF-8''_._etc_passwd"],
    ["..\\..\\boot.ini", 'filename="_._boot.ini"', "filename*=UTF-8''_._boot.ini"],
    ['a"b;c.csv', 'filename="a_b;c.csv"', "filename*=UTF-8''a%22b%3Bc.csv"],
    ["a\r\nSet-Cookie: x=1.csv", 'filename="aSet-Cookie: x=1.csv"', "filename*=UTF-8''aSet-Cookie%3A%20x%3D1.csv"],
    ["it's (1)*.csv", "filename=\"it's (1)*.csv\"", "filename*=UTF-8''it%27s%20%281%29%2A.csv"],
    ["100%.csv", 'filename="100_.csv"', "filename*=UTF-8''100%25.csv"],
    ["日本語.csv", 'filename="download.csv"', "filename*=UTF-8''%E6%97%A5%E6%9C%AC%E8%AA%9E.csv"],
    ["..", 'filename="download"', "filename*=UTF-8''download"],
    [".hidden.csv.", 'filename="hidden.csv"', "filename*=UTF-8''hidden.csv"],
  ])("makes %j safe", (fileName, fallback, encoded) => {
    expect(attachmentHeader(fileName)).toBe(`attachment; ${fallback}; ${encoded}`);
  });
});
