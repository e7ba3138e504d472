import { describe, expect, test } from "vitest";
import { tableToCsv } from "../../lib/export/tableToCsv";
import { SAMPLE_TABLE } from "./sampleTable";

describe("tableToCsv", () => {
  test("writes exact bytes with BOM, quoting and neutralised formulas", () => {
    const csv = tableToCsv(SAMPLE_TABLE);
    expect(csv).toBe(
      "\uFEFFperiod_start,label,papers,total_upvotes,share,indexed,topics\r\n" +
        "2024-01-01,\"'=HYPERLINK(\"\"x\"\")\",12,9007199254740991,0.25,true,rlhf;safety\r\n" +
        '2024-02-29,"Łukasz, ""quoted""",0,0,,false,\r\n' +
        ",'-1 minus,,,-0.5,,\r\n",
    );
    expect([...Buffer.from(csv, "utf8").subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  test("neutralises a list whose first item starts a formula", () => {
    const table = { ...SAMPLE_TABLE, columns: [SAMPLE_TABLE.columns[6]!], rows: [[["=1+1", "b"]]] };
    expect(tableToCsv(table)).toBe("\uFEFFtopics\r\n'=1+1;b\r\n");
  });

  test("writes only the header for a table without rows", () => {
    expect(tableToCsv({ ...SAMPLE_TABLE, rows: [] })).toBe("\uFEFFperiod_start,label,papers,total_upvotes,share,indexed,topics\r\n");
  });
});
