/** Bytes of randomness in a CSP nonce, because CSP level 3 recommends at least 128 bits. */
const NONCE_BYTES = 16;

/** Creates a fresh, unguessable CSP nonce as base64 from the Web Crypto random source. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  return btoa(String.fromCharCode(...bytes));
}
