import { describe, expect, test } from "vitest";
import { oneSidedConfidence } from "../lib/oneSidedConfidence";

describe("oneSidedConfidence", () => {
  test("z of 1.645 gives 95%", () => {
    expect(oneSidedConfidence(1.645)).toBeCloseTo(0.95, 4);
  });

  test("z of 1.96 gives 97.5%", () => {
    expect(oneSidedConfidence(1.96)).toBeCloseTo(0.975, 4);
  });

  test("z of 0 gives one half", () => {
    expect(oneSidedConfidence(0)).toBeCloseTo(0.5, 7);
  });

  test("negative z mirrors positive z", () => {
    expect(oneSidedConfidence(-1.645)).toBeCloseTo(0.05, 4);
  });
});
