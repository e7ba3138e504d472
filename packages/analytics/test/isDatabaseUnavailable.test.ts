import { describe, expect, test } from "vitest";
import { DatabaseUnavailableError, isDatabaseUnavailable } from "../src/database/TrendsDatabase";

describe("isDatabaseUnavailable", () => {
  test("accepts the class's own errors", () => {
    expect(isDatabaseUnavailable(new DatabaseUnavailableError("No trends database at /tmp/x.duckdb"))).toBe(true);
  });

  test("accepts an error from a second copy of the class", () => {
    class BundledCopy extends Error {
      constructor(message: string) {
        super(message);
        this.name = "DatabaseUnavailableError";
      }
    }
    const error = new BundledCopy("No trends database at /tmp/x.duckdb");
    expect(error instanceof DatabaseUnavailableError).toBe(false);
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  test("rejects other errors and values", () => {
    expect(isDatabaseUnavailable(new Error("query failed"))).toBe(false);
    expect(isDatabaseUnavailable({ name: "DatabaseUnavailableError", message: "not an Error" })).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
