const NEW_STYLE = /^(\d{4}\.\d{4,5})(?:v\d+)?$/;
const OLD_STYLE = /^([a-z-]+(?:\.[a-z]{2})?)\/(\d{7})(?:v\d+)?$/i;

/**
 * Returns the arXiv id in `raw` without its version suffix and an `arXiv:`
 * prefix, or null when `raw` is not an arXiv id. Old-style ids keep their
 * archive (`hep-th/9901001`), with the subject class upper-cased as arXiv writes it.
 */
export function normalizeArxivId(raw: string): string | null {
  const trimmed = raw.trim().replace(/^arxiv:\s*/i, "");

  const newStyle = NEW_STYLE.exec(trimmed);
  if (newStyle) return newStyle[1]!;

  const oldStyle = OLD_STYLE.exec(trimmed);
  if (oldStyle) {
    const [archive, subjectClass] = oldStyle[1]!.split(".");
    const prefix = subjectClass ? `${archive!.toLowerCase()}.${subjectClass.toUpperCase()}` : archive!.toLowerCase();
    return `${prefix}/${oldStyle[2]}`;
  }
  return null;
}
