import { describe, expect, test } from "vitest";
import { seriesLabel } from "../lib/seriesLabel";

describe("seriesLabel", () => {
  const labels = new Map([["safety", "Safety"]]);

  test("shows a term as written", () => {
    expect(seriesLabel({ kind: "term", term: "DPO | direct preference optimization" }, labels)).toBe("DPO | direct preference optimization");
  });

  test("names a topic by its label", () => {
    expect(seriesLabel({ kind: "topic", topic: "safety" }, labels)).toBe("Topic: Safety");
  });

  test("falls back to a topic's id", () => {
    expect(seriesLabel({ kind: "topic", topic: "rlhf" }, labels)).toBe("Topic: rlhf");
  });
});
