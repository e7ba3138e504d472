import { describe, expect, test } from "vitest";
import { formatCsvCell, toCsv } from "../lib/toCsv";

describe("formatCsvCell", () => {
  test.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+1 555", "'+1 555"],
    ["-minus", "'-minus"],
    ["@handle", "'@handle"],
    ["\tindent", "'\tindent"],
    ["=cmd|' /C calc'!A0,x", `"'=cmd|' /C calc'!A0,x"`],
    ["Łukasz Kaiser", "Łukasz Kaiser"],
    ["\rreturn", "\"'\rreturn\""],
    ["  =1+1", "'  =1+1"],
    ["\u00a0@SUM(A1)", "'\u00a0@SUM(A1)"],
    ['"=1+1"', `"'""=1+1"""`],
    ["\uFF1D1+1", "'\uFF1D1+1"],
    ["a-b = c", "a-b = c"],
    ["'quoted", "'quoted"],
  ])("formats the text %j as %j", (value, expected) => {
    expect(formatCsvCell(value)).toBe(expected);
  });

  test("writes numbers and empty cells as they are", () => {
    expect(formatCsvCell(-3)).toBe("-3");
    expect(formatCsvCell(0.4912)).toBe("0.4912");
    expect(formatCsvCell(null)).toBe("");
    expect(formatCsvCell(undefined)).toBe("");
  });
});

describe("toCsv", () => {
  test("starts with a byte order mark and ends lines with CRLF", () => {
    expect(toCsv(["a", "b"], [[1, "x,y"], [null, "=1"]])).toBe('\uFEFFa,b\r\n1,"x,y"\r\n,\'=1\r\n');
  });
});
