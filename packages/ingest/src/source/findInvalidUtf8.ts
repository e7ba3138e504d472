/**
 * Returns the index of the first byte in `bytes` that starts an invalid
 * UTF-8 sequence, or null when every complete sequence is valid. Up to three
 * continuation bytes at the start count as the end of a sequence begun in an
 * earlier chunk, and a sequence cut off at the end counts as valid, because
 * the next chunk may complete it.
 */
export function findInvalidUtf8(bytes: Uint8Array): number | null {
  let index = 0;
  while (index < 3 && index < bytes.length && (bytes[index]! & 0xc0) === 0x80) index += 1;

  while (index < bytes.length) {
    const lead = bytes[index]!;
    const length = sequenceLength(lead);
    if (length === 0) return index;
    // The second byte's range depends on the lead byte: it rules out overlong forms, surrogates and code points past U+10FFFF.
    const [low, high] = secondByteRange(lead);
    for (let offset = 1; offset < length; offset += 1) {
      const byte = bytes[index + offset];
      if (byte === undefined) return null;
      const [min, max] = offset === 1 ? [low, high] : [0x80, 0xbf];
      if (byte < min || byte > max) return index;
    }
    index += length;
  }
  return null;
}

/** Returns how many bytes a sequence with this lead byte has, or 0 when the byte cannot start one. */
function sequenceLength(lead: number): number {
  if (lead <= 0x7f) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

function secondByteRange(lead: number): [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}
