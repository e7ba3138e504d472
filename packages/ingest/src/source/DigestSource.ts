import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { createGunzip } from "node:zlib";

/** A digest file that cannot be read as text; the message names the file and the problem. */
export class DigestReadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DigestReadError";
  }
}

/** One line of a digest, numbered from 1, without its line break. */
export interface Line {
  number: number;
  text: string;
}

/**
 * Names the encoding that the start of a file shows when it is not UTF-8: a
 * UTF-16 byte order mark, or the zero bytes that UTF-16 puts beside ASCII
 * letters. Returns null when the start shows neither.
 */
function guessOtherEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "UTF-16 (little-endian)";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "UTF-16 (big-endian)";
  const sample = bytes.subarray(0, 512);
  const zeros = sample.filter((byte) => byte === 0).length;
  return zeros > sample.length / 4 ? "UTF-16" : null;
}

/** How many decoded characters `head` returns for format detection. */
const HEAD_LENGTH = 64 * 1024;

/**
 * A digest file read as UTF-8 text, decompressed when it starts with the gzip
 * magic bytes. Every read streams the file from the start, so memory stays
 * bounded by one chunk whatever the file size, and a parser may read it twice.
 */
export class DigestSource {
  readonly fileName: string;

  constructor(readonly path: string) {
    this.fileName = path.split(/[\\/]/u).at(-1) ?? path;
  }

  /** Reports whether the file starts with the gzip magic bytes. */
  async isGzip(): Promise<boolean> {
    const handle = await open(this.path, "r");
    try {
      const { bytesRead, buffer } = await handle.read(Buffer.alloc(2), 0, 2, 0);
      return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
    } finally {
      await handle.close();
    }
  }

  /** Streams the decompressed bytes of the file. */
  async *bytes(): AsyncGenerator<Buffer> {
    const gzip = await this.isGzip();
    const stream = createReadStream(this.path, { highWaterMark: 256 * 1024 });
    const decompressed = gzip ? stream.pipe(createGunzip()) : stream;
    try {
      for await (const chunk of decompressed) yield chunk as Buffer;
    } catch (error) {
      const reason = gzip ? "invalid gzip data" : "read failed";
      throw new DigestReadError(`${this.path}: ${reason}: ${(error as Error).message}`, { cause: error });
    } finally {
      stream.destroy();
    }
  }

  /**
   * Streams the file as text. A byte order mark at the start is dropped.
   * Raises `DigestReadError` with the byte offset at the first byte sequence
   * that is not UTF-8, or at the end of a file cut inside a character.
   */
  async *chunks(): AsyncGenerator<string> {
    const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
    let offset = 0;
    for await (const bytes of this.bytes()) {
      try {
        yield decoder.decode(bytes, { stream: true });
      } catch (error) {
        const encoding = offset === 0 ? guessOtherEncoding(bytes) : null;
        const found = encoding ? `${encoding} text, not UTF-8` : `not valid UTF-8 text (in the ${bytes.length} bytes from byte ${offset})`;
        throw new DigestReadError(`${this.path}: ${found}; save the digest as UTF-8 and ingest it again`, { cause: error });
      }
      offset += bytes.length;
    }
    // The flush raises when the file ends inside a multi-byte character, which no chunk above could tell.
    let rest: string;
    try {
      rest = decoder.decode();
    } catch (error) {
      throw new DigestReadError(`${this.path}: not valid UTF-8 text (the file ends inside a character, after ${offset} bytes); save the digest as UTF-8 and ingest it again`, { cause: error });
    }
    if (rest) yield rest;
  }

  /** Streams the text line by line; `\r\n`, `\n` and a lone `\r` all end a line. */
  async *lines(): AsyncGenerator<Line> {
    let pending = "";
    let number = 0;
    for await (const chunk of this.chunks()) {
      pending += chunk;
      const parts = pending.split(/\r\n|\n|\r(?!$)/u);
      pending = parts.pop() ?? "";
      for (const text of parts) yield { number: ++number, text };
    }
    if (pending.endsWith("\r")) pending = pending.slice(0, -1);
    if (pending !== "") yield { number: ++number, text: pending };
  }

  /** Returns the first 64 KiB of text, for format detection; a file that is not UTF-8 raises. */
  async head(): Promise<string> {
    let text = "";
    for await (const chunk of this.chunks()) {
      text += chunk;
      if (text.length >= HEAD_LENGTH) break;
    }
    return text.slice(0, HEAD_LENGTH);
  }

  /** Returns the SHA-256 of the decompressed content, so a file and its gzipped copy count as one digest. */
  async contentHash(): Promise<string> {
    const hash = createHash("sha256");
    for await (const bytes of this.bytes()) hash.update(bytes);
    return hash.digest("hex");
  }
}
