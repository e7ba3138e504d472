import { EmergingQuerySchema } from "@alignment-trends/schema";
import { describe, expect, test } from "vitest";
import { EMERGING_SETTING_BOUNDS } from "../lib/emergingQueryBounds";

describe("EMERGING_SETTING_BOUNDS", () => {
  test("reads the schema's bounds and defaults", () => {
    expect(EMERGING_SETTING_BOUNDS).toEqual({
      window: { min: 1, max: 24, default: 3 },
      minPapers: { min: 2, max: 10_000, default: 5 },
      limit: { min: 1, max: 200, default: 30 },
    });
  });

  test("bounds match what the schema accepts", () => {
    for (const [name, bounds] of Object.entries(EMERGING_SETTING_BOUNDS)) {
      expect(EmergingQuerySchema.safeParse({ [name]: String(bounds.min) }).success, `${name} at min`).toBe(true);
      expect(EmergingQuerySchema.safeParse({ [name]: String(bounds.max) }).success, `${name} at max`).toBe(true);
      expect(EmergingQuerySchema.safeParse({ [name]: String(bounds.min - 1) }).success, `${name} below min`).toBe(false);
      expect(EmergingQuerySchema.safeParse({ [name]: String(bounds.max + 1) }).success, `${name} above max`).toBe(false);
    }
  });
});
