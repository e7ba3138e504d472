import { createHash } from "node:crypto";

/**
 * A response read into memory, so that it can be cached and sent again: a
 * `Response` body can be read only once.
 */
export interface StoredResponse {
  status: number;
  headers: [name: string, value: string][];
  body: Uint8Array<ArrayBuffer>;
  /** A weak entity tag made from a hash of the body. */
  etag: string;
}

/**
 * Reads a response's status, headers and body into memory. The entity tag is
 * the first 27 base64url characters (162 bits) of the body's SHA-256 hash, so
 * it changes whenever the bytes change: with the data, with the server's
 * code, or with `provenance.generatedAt`. It is weak because a compressing
 * server or proxy may send the same content in other bytes.
 */
export async function storeResponse(response: Response): Promise<StoredResponse> {
  const body = new Uint8Array(await response.arrayBuffer());
  const hash = createHash("sha256").update(body).digest("base64url").slice(0, 27);
  const headers: [string, string][] = [];
  response.headers.forEach((value, name) => headers.push([name, value]));
  return { status: response.status, headers, body, etag: `W/"${hash}"` };
}

/** Returns the approximate memory a stored response takes, in bytes: the body and the header text. */
export function storedResponseBytes(stored: StoredResponse): number {
  const headerBytes = stored.headers.reduce((sum, [name, value]) => sum + name.length + value.length, 0);
  return stored.body.byteLength + headerBytes + stored.etag.length;
}
