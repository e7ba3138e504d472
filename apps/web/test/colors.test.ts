import { describe, expect, test } from "vitest";
import { mixColors } from "../lib/chartImage/mixColors";
import { parseRgb } from "../lib/parseRgb";
import { withAlpha } from "../lib/withAlpha";

describe("parseRgb", () => {
  test.each([
    ["#0b63b6", [11, 99, 182]],
    ["#FFF", [255, 255, 255]],
    ["rgb(17, 20, 24)", [17, 20, 24]],
    ["rgba(17, 20, 24, 0.5)", [17, 20, 24]],
    ["rgb(17 20 24)", [17, 20, 24]],
  ])("reads %j", (color, expected) => {
    expect(parseRgb(color)).toEqual(expected);
  });

  test("rejects a named colour", () => {
    expect(() => parseRgb("teal")).toThrow('Invalid colour "teal": expected #rgb, #rrggbb or rgb(r, g, b).');
  });
});

describe("mixColors", () => {
  test("mixes a share of the colour into the base", () => {
    expect(mixColors("#0b63b6", "#ffffff", 0.7)).toBe("rgb(84, 146, 204)");
  });

  test("returns the base for no share and the colour for all of it", () => {
    expect(mixColors("#0b63b6", "rgb(17, 20, 24)", 0)).toBe("rgb(17, 20, 24)");
    expect(mixColors("#0b63b6", "rgb(17, 20, 24)", 1)).toBe("rgb(11, 99, 182)");
  });
});

describe("withAlpha", () => {
  test("writes a hex colour as rgba", () => {
    expect(withAlpha("#0072B2", 0.3)).toBe("rgba(0, 114, 178, 0.3)");
  });
});
