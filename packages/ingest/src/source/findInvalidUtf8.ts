/**
 * Returns the index of the first byte in `bytes` that starts an invalid
 * UTF-8 sequence, or null when every complete sequence is valid. The first
 * `continuationBytes` bytes must complete a character that an earlier chunk
 * began, as `missingContinuationBytes` of that chunk counts them. A sequence
 * cut off at the end counts as valid, because the next chunk may complete it.
 */
export function findInvalidUtf8(bytes: Uint8Array, continuationBytes = 0): number | null {
  let index = 0;
  for (; index < continuationBytes && index < bytes.length; index += 1) {
    if (!isContinuationByte(bytes[index]!)) return index;
  }

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

/** Returns how many bytes the character cut off at the end of `bytes` still needs, or 0 when none is cut off. */
export function missingContinuationBytes(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back += 1) {
    const byte = bytes[bytes.length - back]!;
    if (isContinuationByte(byte)) continue;
    return Math.max(0, sequenceLength(byte) - back);
  }
  return 0;
}

function isContinuationByte(byte: number): boolean {
  return (byte & 0xc0) === 0x80;
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
