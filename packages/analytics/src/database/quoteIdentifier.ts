/**
 * Quotes a name for use as a SQL identifier, doubling any double quote in it,
 * so that a column named after data (a topic id, a code host) cannot end the
 * identifier and inject SQL.
 */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
