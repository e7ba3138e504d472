import { describe, expect, test } from "vitest";
import { parseCliArgs, UsageError } from "../../src/cli/parseCliArgs";

const environment = { INIT_CWD: "/data" };

describe("parseCliArgs --wait", () => {
  test("stops at once by default", () => {
    expect(parseCliArgs(["digests"], environment).lockWaitMs).toBe(0);
  });

  test("takes seconds with a fraction", () => {
    expect(parseCliArgs(["digests", "--wait", "1.5"], environment).lockWaitMs).toBe(1500);
  });

  test("rejects a value that is no number of seconds", () => {
    expect(() => parseCliArgs(["digests", "--wait", "soon"], environment)).toThrow(UsageError);
    expect(() => parseCliArgs(["digests", "--wait=-3"], environment)).toThrow('Invalid --wait "-3": expected a number of seconds, such as 60');
  });
});
