import { describe, expect, test } from "vitest";
import { readLoggedProblems } from "./readLoggedProblems";

describe("readLoggedProblems", () => {
  test("keeps warn and error lines only", () => {
    const warn = '{"level":40,"msg":"database unavailable"}';
    const error = '{"level":50,"msg":"request failed"}';
    const log = ["▲ Next.js 16.5.0", '{"level":30,"msg":"serving database build"}', warn, error, ""].join("\n");

    expect(readLoggedProblems(log)).toEqual([warn, error]);
  });
});
