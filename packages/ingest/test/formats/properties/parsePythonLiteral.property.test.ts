import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parsePythonLiteral, PythonLiteralError } from "../../../src/formats/parsePythonLiteral";
import { propertyParameters } from "./propertyParameters";
import { pythonRepr } from "./pythonRepr";

/** JSON values with keys such as `__proto__` that a plain object assignment would not store as members. */
const valueArbitrary = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: -1e12, max: 1e12 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((number) => !Object.is(number, -0)),
    fc.string({ unit: "binary", maxLength: 12 }),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("__proto__", "constructor", "toString")), tie("value"), { maxKeys: 4 }),
  ),
})).value;

describe("parsePythonLiteral properties", () => {
  test("round-trips Python repr of any value", () => {
    fc.assert(
      fc.property(valueArbitrary, (value) => {
        const parsed = parsePythonLiteral(pythonRepr(value));
        // JSON text compares own members only, so a key that replaced a prototype shows up as a missing member.
        expect(JSON.stringify(parsed)).toBe(JSON.stringify(value));
        expect(parsed).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      propertyParameters(300),
    );
  });

  test("any text yields a value or its own error", () => {
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 200 }),
      fc.string({ unit: fc.constantFrom("[", "]", "(", ")", "{", "}", "'", '"', "\\", "\\x4", "\\u12", "\\U0011ffff", ":", ",", "1", "_", "e", ".", "None", "True", "u'", "r'", " ", "\n"), maxLength: 200 }),
      fc.integer({ min: 1, max: 50_000 }).map((depth) => "[".repeat(depth)),
    );
    fc.assert(
      fc.property(text, (input) => {
        try {
          parsePythonLiteral(input);
        } catch (error) {
          expect(error).toBeInstanceOf(PythonLiteralError);
          const { offset } = error as PythonLiteralError;
          expect(offset).toBeGreaterThanOrEqual(0);
          expect(offset).toBeLessThanOrEqual(input.length);
        }
      }),
      propertyParameters(300),
    );
  });
});
