import { describe, expect, test } from "vitest";
import { CompareQuerySchema } from "../src/analysisQuery";

describe("CompareQuerySchema", () => {
  test("explains a missing series", () => {
    const result = CompareQuerySchema.safeParse({});
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(["series"]);
    expect(result.error!.issues[0]!.message).toBe("expected at least one series, a term or topic:<id>");
  });

  test("reads terms and topics from repeated series", () => {
    expect(CompareQuerySchema.parse({ series: ["DPO | direct preference optimization", "topic:safety"] }).series).toEqual([
      { kind: "term", term: "DPO | direct preference optimization" },
      { kind: "topic", topic: "safety" },
    ]);
  });
});
