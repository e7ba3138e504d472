/**
 * Decodes a percent-encoded path segment, such as a paper or topic id, or
 * returns null when its escapes are not valid UTF-8, such as a lone `%`.
 */
export function decodePathSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch (error) {
    if (error instanceof URIError) return null;
    throw error;
  }
}
