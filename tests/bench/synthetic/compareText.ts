/**
 * Compares two strings by UTF-16 code units, for sorts whose order must not
 * depend on the machine's locale as `localeCompare` does.
 */
export function compareText(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}
