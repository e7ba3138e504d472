import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { DigestReadError, DigestSource, MAX_LINE_LENGTH, type Line } from "../../src/source/DigestSource";

const folder = mkdtempSync(path.join(tmpdir(), "digest-source-test-"));

function sourceOf(name: string, content: string | Buffer): DigestSource {
  const file = path.join(folder, name);
  writeFileSync(file, content);
  return new DigestSource(file);
}

async function readLines(source: DigestSource): Promise<Line[]> {
  const lines: Line[] = [];
  for await (const line of source.lines()) lines.push(line);
  return lines;
}

async function readError(read: () => Promise<unknown>): Promise<Error> {
  try {
    await read();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the read to fail");
}

describe("DigestSource", () => {
  test("names the byte and line of invalid UTF-8", async () => {
    const source = sourceOf("bad.csv", Buffer.concat([Buffer.from("a\r\nb\nc\rd "), Buffer.from([0xff]), Buffer.from("\n")]));
    const error = await readError(() => readLines(source));
    expect(error).toBeInstanceOf(DigestReadError);
    expect(error.message).toBe(`${source.path}: invalid UTF-8 at byte 9 (line 4); save the digest as UTF-8 and ingest it again`);
  });

  test("reads a character split between chunks", async () => {
    // Reads stream 256 KiB at a time, so the two bytes of "é" fall in two chunks.
    const prefix = "a".repeat(256 * 1024 - 1);
    const source = sourceOf("split.md", Buffer.concat([Buffer.from(`${prefix}é\nb`), Buffer.from([0xff])]));
    const error = await readError(() => readLines(source));
    expect(error.message).toBe(`${source.path}: invalid UTF-8 at byte ${256 * 1024 + 3} (line 2); save the digest as UTF-8 and ingest it again`);
  });

  test("names the end of a file cut inside a character", async () => {
    const source = sourceOf("cut.md", Buffer.concat([Buffer.from("one\ntwo é"), Buffer.from([0xc3])]));
    const error = await readError(() => source.head());
    expect(error.message).toBe(
      `${source.path}: ends inside a UTF-8 character at byte 11 (line 2), so it is truncated or not UTF-8; save the whole digest as UTF-8 and ingest it again`,
    );
  });

  test("recognizes UTF-16 without a byte order mark", async () => {
    const littleEndian = sourceOf("le.md", Buffer.from("## Daily Papers (2025-01-02)\n", "utf16le"));
    const bigEndian = sourceOf("be.md", Buffer.from("## Daily Papers (2025-01-02)\n", "utf16le").swap16());
    expect((await readError(() => littleEndian.head())).message).toBe(
      `${littleEndian.path}: UTF-16 (little-endian) text, not UTF-8; save the digest as UTF-8 and ingest it again`,
    );
    expect((await readError(() => bigEndian.head())).message).toBe(
      `${bigEndian.path}: UTF-16 (big-endian) text, not UTF-8; save the digest as UTF-8 and ingest it again`,
    );
  });

  test("names the decompressed length of truncated gzip", async () => {
    const gzipped = gzipSync(Buffer.from("x".repeat(100_000)));
    const source = sourceOf("cut.json.gz", gzipped.subarray(0, gzipped.length - 8));
    expect((await readError(() => source.contentHash())).message).toBe(
      `${source.path}: invalid gzip data after 100000 decompressed bytes: unexpected end of file`,
    );
  });

  test("writes every line break in the head as a line feed", async () => {
    expect(await sourceOf("mixed.md", "a\rb\r\nc\nd").head()).toBe("a\nb\nc\nd");
  });

  test("splits lines at every kind of line break", async () => {
    const lines = await readLines(sourceOf("breaks.md", "a\rb\r\nc\n\nd\r"));
    expect(lines).toEqual([
      { number: 1, text: "a" },
      { number: 2, text: "b" },
      { number: 3, text: "c" },
      { number: 4, text: "" },
      { number: 5, text: "d" },
    ]);
  });

  test("cuts long whitespace runs to 64", async () => {
    const lines = await readLines(sourceOf("spaces.md", `a${" ".repeat(1000)}b\n\t${"\t".repeat(64)}c`));
    expect(lines).toEqual([
      { number: 1, text: `a${" ".repeat(64)}b` },
      { number: 2, text: `${"\t".repeat(64)}c` },
    ]);
  });

  test("passes an oversized line on as empty", async () => {
    const long = "y".repeat(MAX_LINE_LENGTH + 1);
    const source = sourceOf("long.md", `first\r\n${long}\r\nlast`);
    expect(await readLines(source)).toEqual([
      { number: 1, text: "first" },
      { number: 2, text: "" },
      { number: 3, text: "last" },
    ]);
    expect([...source.oversizedLines]).toEqual([[2, MAX_LINE_LENGTH + 1]]);
  });
});
