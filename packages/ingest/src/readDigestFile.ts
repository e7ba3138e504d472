import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { gunzipSync } from "node:zlib";

export interface DigestContent {
  text: string;
  /** SHA-256 of the content after decompression, so a file and its gzipped copy count as one digest. */
  contentHash: string;
}

/** A digest file that cannot be read as text; the message names the file and the problem. */
export class DigestReadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DigestReadError";
  }
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Reads a digest file as UTF-8 text, gunzipping it when it starts with the gzip magic bytes. */
export async function readDigestFile(path: string): Promise<DigestContent> {
  let bytes: Uint8Array = await readFile(path);
  if (isGzip(bytes)) {
    try {
      bytes = gunzipSync(bytes);
    } catch (error) {
      throw new DigestReadError(`${path}: invalid gzip data: ${(error as Error).message}`, { cause: error });
    }
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (error) {
    throw new DigestReadError(`${path}: not valid UTF-8 text; save the digest as UTF-8 and ingest it again`, { cause: error });
  }
  return { text, contentHash: createHash("sha256").update(bytes).digest("hex") };
}
