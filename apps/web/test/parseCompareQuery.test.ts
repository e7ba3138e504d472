import { describe, expect, test } from "vitest";
import { parseCompareQuery } from "../lib/parseCompareQuery";

describe("parseCompareQuery", () => {
  test("reads terms, topics, measure and filter", () => {
    const result = parseCompareQuery(
      new URLSearchParams([
        ["series", "DPO | direct preference optimization"],
        ["series", "topic:safety"],
        ["series", "term:topic modelling"],
        ["measure", "index"],
        ["bucket", "year"],
        ["scope", "alignment"],
      ]),
    );
    expect(result).toEqual({
      ok: true,
      series: [
        { kind: "term", term: "DPO | direct preference optimization" },
        { kind: "topic", topic: "safety" },
        { kind: "term", term: "topic modelling" },
      ],
      measure: "index",
      bucket: "year",
      filter: { scope: "alignment", topics: [], terms: [], allTopics: [], dateBasis: "listed", upvoteBasis: "latest" },
    });
  });

  test("accepts a query without series", () => {
    const result = parseCompareQuery({});
    expect(result).toEqual({
      ok: true,
      series: [],
      measure: "share",
      bucket: "month",
      filter: { topics: [], terms: [], allTopics: [], dateBasis: "listed", upvoteBasis: "latest" },
    });
  });

  test("leaves out empty and blank series fields", () => {
    expect(parseCompareQuery({ series: ["", "RLHF", "   ", ""] })).toMatchObject({ ok: true, series: [{ kind: "term", term: "RLHF" }] });
  });

  test("ignores unknown parameters", () => {
    expect(parseCompareQuery({ series: "RLHF", utm_source: "newsletter" })).toMatchObject({ ok: true, series: [{ kind: "term", term: "RLHF" }] });
  });
});

describe("parseCompareQuery errors", () => {
  test("rejects more than eight series", () => {
    const series = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    expect(parseCompareQuery({ series })).toEqual({ ok: false, parameter: "series", message: 'Invalid parameter "series": expected at most 8 series at once' });
  });

  test("rejects an unknown measure", () => {
    expect(parseCompareQuery({ series: "RLHF", measure: "median" })).toEqual({
      ok: false,
      parameter: "measure",
      message: 'Invalid parameter "measure": Invalid option: expected one of "papers"|"share"|"index", not "median"',
    });
  });

  test("rejects a malformed topic id", () => {
    expect(parseCompareQuery({ series: "topic:Safety" })).toEqual({
      ok: false,
      parameter: "series",
      message: 'Invalid parameter "series": expected a topic id in lower case, letters, digits and hyphens, such as rlhf or safety',
    });
  });

  test("rejects a range that ends before it starts", () => {
    expect(parseCompareQuery({ from: "2025-02-01", to: "2025-01-01" })).toEqual({
      ok: false,
      parameter: "from",
      message: 'Invalid parameter "from": from must not be after to',
    });
  });
});
