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
