import { describe, expect, test } from "vitest";
import { fitText } from "../lib/chartImage/fitText";

/** Measures every code point as 10 pixels wide. */
const tenPerCharacter = (text: string) => [...text].length * 10;

describe("fitText", () => {
  test("keeps text that fits", () => {
    expect(fitText("Topics", 60, "11px sans-serif", tenPerCharacter)).toBe("Topics");
  });

  test("cuts text that does not fit and adds an ellipsis", () => {
    expect(fitText("Topics over time", 60, "11px sans-serif", tenPerCharacter)).toBe("Topic…");
  });

  test("drops a trailing space before the ellipsis", () => {
    expect(fitText("ab cdefgh", 40, "11px sans-serif", tenPerCharacter)).toBe("ab…");
  });

  test("keeps characters outside the basic plane whole", () => {
    expect(fitText("𝔸𝔹ℂ𝔻𝔼𝔽", 40, "11px sans-serif", tenPerCharacter)).toBe("𝔸𝔹ℂ…");
  });

  test("returns only the ellipsis when nothing fits", () => {
    expect(fitText("Topics", 5, "11px sans-serif", tenPerCharacter)).toBe("…");
  });
});
