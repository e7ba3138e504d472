import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { createGunzip } from "node:zlib";
import { findInvalidUtf8, missingContinuationBytes } from "./findInvalidUtf8";

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
 * letters, after them in little-endian order and before them in big-endian
 * order. Returns null when the start shows neither.
 */
function guessOtherEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "UTF-16 (little-endian)";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "UTF-16 (big-endian)";
  const sample = bytes.subarray(0, 512);
  const zeros = [0, 0];
  sample.forEach((byte, index) => {
    if (byte === 0) zeros[index % 2]! += 1;
  });
  const [evenZeros, oddZeros] = zeros as [number, number];
  const pairs = Math.floor(sample.length / 2);
  if (oddZeros > pairs / 4 && evenZeros < oddZeros / 8) return "UTF-16 (little-endian)";
  if (evenZeros > pairs / 4 && oddZeros < evenZeros / 8) return "UTF-16 (big-endian)";
  return null;
}

/** Counts the line breaks in `text` as `lines()` reads them: `\r\n`, `\n` and a lone `\r`. */
function countLineBreaks(text: string): number {
  return text.match(LINE_BREAK)?.length ?? 0;
}

/** How many decoded characters `head` returns for format detection. */
const HEAD_LENGTH = 64 * 1024;
/**
 * The maximum length of a line that `lines()` passes on, in characters. No
 * line of the real markdown and page digests exceeds about 2,800, so a
 * longer one is damage or hostile input. Holding it whole would let one line
 * take any amount of memory, and parsers' regular expressions take time that
 * can grow with the square of a line's length.
 */
export const MAX_LINE_LENGTH = 100_000;
const LINE_BREAK = /\r\n|\n|\r/gu;
/**
 * A run of whitespace longer than `lines()` passes on. A pattern such as
 * `\s*,` tries every start inside a run, so a run of n spaces costs it n²/2
 * steps, and no digest format gives meaning to more than a few spaces.
 */
const LONG_WHITESPACE = /\s{65,}/gu;
const MAX_WHITESPACE_RUN = 64;

/**
 * A digest file read as UTF-8 text, decompressed when it starts with the gzip
 * magic bytes. Every read streams the file from the start, so memory stays
 * bounded by one chunk whatever the file size, and a parser may read it twice.
 */
export class DigestSource {
  readonly fileName: string;
  /**
   * The lines longer than MAX_LINE_LENGTH that `lines()` has passed on as
   * empty lines, by line number, with their lengths in characters.
   */
  readonly oversizedLines = new Map<number, number>();

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
    let length = 0;
    try {
      for await (const chunk of decompressed) {
        length += (chunk as Buffer).length;
        yield chunk as Buffer;
      }
    } catch (error) {
      const reason = gzip ? `invalid gzip data after ${length} decompressed bytes` : `read failed after ${length} bytes`;
      throw new DigestReadError(`${this.path}: ${reason}: ${(error as Error).message}`, { cause: error });
    } finally {
      stream.destroy();
    }
  }

  /**
   * Streams the file as text. A byte order mark at the start is dropped.
   * Raises `DigestReadError` for a file that starts like UTF-16, and with
   * the byte offset and line of the first byte sequence that is not UTF-8.
   */
  async *chunks(): AsyncGenerator<string> {
    const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
    let offset = 0;
    let lineBreaks = 0;
    let continuationBytes = 0;
    for await (const bytes of this.bytes()) {
      const encoding = offset === 0 ? guessOtherEncoding(bytes) : null;
      if (encoding) throw new DigestReadError(`${this.path}: ${encoding} text, not UTF-8; save the digest as UTF-8 and ingest it again`);
      let text: string;
      try {
        text = decoder.decode(bytes, { stream: true });
      } catch (error) {
        throw this.invalidUtf8Error(bytes, continuationBytes, offset, lineBreaks, error);
      }
      continuationBytes = missingContinuationBytes(bytes);
      lineBreaks += countLineBreaks(text);
      offset += bytes.length;
      yield text;
    }
    let rest: string;
    try {
      rest = decoder.decode();
    } catch (error) {
      const detail = `ends inside a UTF-8 character at byte ${offset} (line ${lineBreaks + 1}), so it is truncated or not UTF-8`;
      throw new DigestReadError(`${this.path}: ${detail}; save the whole digest as UTF-8 and ingest it again`, { cause: error });
    }
    if (rest) yield rest;
  }

  private invalidUtf8Error(bytes: Uint8Array, continuationBytes: number, offset: number, lineBreaks: number, cause: unknown): DigestReadError {
    const index = findInvalidUtf8(bytes, continuationBytes) ?? 0;
    const line = lineBreaks + countLineBreaks(new TextDecoder("utf-8").decode(bytes.subarray(0, index))) + 1;
    const detail = `invalid UTF-8 at byte ${offset + index} (line ${line})`;
    return new DigestReadError(`${this.path}: ${detail}; save the digest as UTF-8 and ingest it again`, { cause });
  }

  /**
   * Streams the text line by line; `\r\n`, `\n` and a lone `\r` all end a
   * line. A line longer than MAX_LINE_LENGTH is passed on as an empty line,
   * so that memory stays bounded, and noted in `oversizedLines`. A run of
   * more than 64 whitespace characters is cut to its first 64.
   */
  async *lines(): AsyncGenerator<Line> {
    let parts: string[] = [];
    let length = 0;
    let number = 0;
    let afterCarriageReturn = false;

    const append = (text: string) => {
      length += text.length;
      if (length > MAX_LINE_LENGTH) parts = [];
      else if (text !== "") parts.push(text);
    };
    const endLine = (): Line => {
      number += 1;
      const oversized = length > MAX_LINE_LENGTH;
      if (oversized) this.oversizedLines.set(number, length);
      const text = oversized ? "" : parts.join("").replace(LONG_WHITESPACE, (run) => run.slice(0, MAX_WHITESPACE_RUN));
      const line = { number, text };
      parts = [];
      length = 0;
      return line;
    };

    for await (const chunk of this.chunks()) {
      if (chunk === "") continue;
      // A `\r` at the end of the previous chunk and a `\n` at the start of this one are one line break.
      let start: number = afterCarriageReturn && chunk.startsWith("\n") ? 1 : 0;
      afterCarriageReturn = false;
      const breaks = new RegExp(LINE_BREAK.source, "gu");
      breaks.lastIndex = start;
      for (let match = breaks.exec(chunk); match; match = breaks.exec(chunk)) {
        append(chunk.slice(start, match.index));
        yield endLine();
        start = match.index + match[0].length;
        afterCarriageReturn = match[0] === "\r" && start === chunk.length;
      }
      append(chunk.slice(start));
    }
    if (length > 0) yield endLine();
  }

  /**
   * Returns the first 64 KiB of text, for format detection, with every line
   * break written as `\n` so that detectors need not know the file's line
   * ends. A file that is not UTF-8 raises.
   */
  async head(): Promise<string> {
    let text = "";
    for await (const chunk of this.chunks()) {
      text += chunk;
      if (text.length >= HEAD_LENGTH) break;
    }
    return text.slice(0, HEAD_LENGTH).replace(/\r\n?/gu, "\n");
  }

  /** Returns the SHA-256 of the decompressed content, so a file and its gzipped copy count as one digest. */
  async contentHash(): Promise<string> {
    const hash = createHash("sha256");
    for await (const bytes of this.bytes()) hash.update(bytes);
    return hash.digest("hex");
  }
}
