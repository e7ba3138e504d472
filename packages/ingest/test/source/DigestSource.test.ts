import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { DigestReadError, DigestSource } from "../../src/source/DigestSource";

async function readText(bytes: number[]): Promise<string> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "digest-source-")), "digest.csv");
  writeFileSync(file, Buffer.from(bytes));
  let text = "";
  for await (const chunk of new DigestSource(file).chunks()) text += chunk;
  return text;
}

describe("DigestSource chunks", () => {
  test("reads a file that ends on a whole character", async () => {
    expect(await readText([0x61, 0xc3, 0xa9])).toBe("aé");
  });

  test("raises DigestReadError for a file cut inside a character", async () => {
    const read = readText([0x61, 0xc3]);
    await expect(read).rejects.toBeInstanceOf(DigestReadError);
    await expect(read).rejects.toThrow(/not valid UTF-8 text \(the file ends inside a character, after 2 bytes\); save the digest as UTF-8 and ingest it again$/u);
  });
});
