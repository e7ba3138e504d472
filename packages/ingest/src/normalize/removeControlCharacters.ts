/**
 * C0 and C1 control characters other than whitespace, and the Unicode
 * bidirectional embedding, override and isolate controls (U+202A–U+202E,
 * U+2066–U+2069), which can reverse how a title displays in a browser or a
 * terminal.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u202a-\u202e\u2066-\u2069]/gu;

/** Removes control characters that no title, abstract or name needs, keeping whitespace for later folding. */
export function removeControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, "");
}
