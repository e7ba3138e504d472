import { PapersQuerySchema } from "@alignment-trends/schema";
import { describe, expect, test } from "vitest";
import { parseQuery } from "../lib/parseQuery";

describe("parseQuery", () => {
  test("reads repeated parameters as a list", () => {
    const result = parseQuery(PapersQuerySchema, new URLSearchParams("topic=rlhf&topic=safety&limit=5"));
    expect(result).toMatchObject({ ok: true, data: { topic: ["rlhf", "safety"], limit: 5 } });
  });

  test("names an invalid parameter", () => {
    expect(parseQuery(PapersQuerySchema, new URLSearchParams("limit=lots"))).toEqual({
      ok: false,
      parameter: "limit",
      message: 'Invalid parameter "limit": expected a whole number from 1 to 500, or "all"',
    });
  });

  test("quotes a value outside the list", () => {
    expect(parseQuery(PapersQuerySchema, new URLSearchParams("sort=title"))).toEqual({
      ok: false,
      parameter: "sort",
      message: 'Invalid parameter "sort": Invalid option: expected one of "date"|"upvotes"|"authors", not "title"',
    });
  });

  test("cuts a long quoted value", () => {
    const result = parseQuery(PapersQuerySchema, new URLSearchParams({ sort: "x".repeat(200) }));
    expect(result).toEqual({
      ok: false,
      parameter: "sort",
      message: `Invalid parameter "sort": Invalid option: expected one of "date"|"upvotes"|"authors", not "${"x".repeat(80)}…"`,
    });
  });

  test("names a single-value parameter given twice", () => {
    expect(parseQuery(PapersQuerySchema, new URLSearchParams("sort=date&sort=upvotes"))).toEqual({
      ok: false,
      parameter: "sort",
      message: 'Invalid parameter "sort": given 2 times, but it takes one value',
    });
  });

  test("names an unknown parameter, unless told to ignore it", () => {
    expect(parseQuery(PapersQuerySchema, new URLSearchParams("colour=red"))).toEqual({ ok: false, parameter: "colour", message: 'Unknown parameter "colour"' });
    expect(parseQuery(PapersQuerySchema, { colour: "red" }, { ignoreUnknown: true }).ok).toBe(true);
  });

  test("names a parameter called __proto__ as unknown", () => {
    expect(parseQuery(PapersQuerySchema, new URLSearchParams("__proto__=1&sort=date"))).toEqual({
      ok: false,
      parameter: "__proto__",
      message: 'Unknown parameter "__proto__"',
    });
  });
});
