import type { DatedValue } from "@alignment-trends/schema";

const NEW_STYLE = /^(\d{2})(\d{2})\.(\d{1,5})(?:v\d+)?$/u;
const OLD_STYLE = /^([a-z-]+(?:\.[a-z]{2})?)\/(\d{2})(\d{2})(\d{3})(?:v\d+)?$/iu;

/** arXiv switched from four-digit to five-digit sequence numbers with January 2015. */
function sequenceLength(year: number, month: number): number {
  return year * 100 + month >= 1501 ? 5 : 4;
}

/**
 * Returns the arXiv id in `raw` without its version suffix or an `arXiv:`
 * prefix, or null when `raw` is not an arXiv id. A new-style id whose
 * sequence number is shorter than arXiv's length for its month lost trailing
 * zeros to numeric parsing (`2503.0213` is `2503.02130`); zeros are added back
 * at the end, which is the only place numeric parsing drops them, so two
 * distinct ids never map to one. Old-style ids keep their archive
 * (`hep-th/9901001`), with the subject class upper-cased as arXiv writes it.
 */
export function normalizeArxivId(raw: string): string | null {
  const trimmed = raw.trim().replace(/^arxiv:\s*/iu, "");

  const newStyle = NEW_STYLE.exec(trimmed);
  if (newStyle) {
    const year = Number(newStyle[1]);
    const month = Number(newStyle[2]);
    if (month < 1 || month > 12 || year < 7) return null;
    const length = sequenceLength(year, month);
    const sequence = newStyle[3]!;
    if (sequence.length > length) return null;
    return `${newStyle[1]}${newStyle[2]}.${sequence.padEnd(length, "0")}`;
  }

  const oldStyle = OLD_STYLE.exec(trimmed);
  if (oldStyle) {
    const month = Number(oldStyle[3]);
    if (month < 1 || month > 12) return null;
    const [archive, subjectClass] = oldStyle[1]!.split(".");
    const prefix = subjectClass ? `${archive!.toLowerCase()}.${subjectClass.toUpperCase()}` : archive!.toLowerCase();
    return `${prefix}/${oldStyle[2]}${oldStyle[3]}${oldStyle[4]}`;
  }
  return null;
}

const ID_IN_URL =
  /(?:arxiv\.org\/(?:abs|pdf|html|format)\/|huggingface\.co\/papers\/|alphaxiv\.org\/(?:abs|overview)\/|arxiv:\s?)((?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?)/iu;

/**
 * Returns the arXiv id named by a URL or text: arxiv.org abstract, PDF and
 * HTML pages, huggingface.co/papers pages, or an `arXiv:` reference. Returns
 * null when there is none.
 */
export function arxivIdFromText(text: string): string | null {
  const match = ID_IN_URL.exec(text);
  return match ? normalizeArxivId(match[1]!) : null;
}

/**
 * Returns the month an arXiv id was assigned, which is the month of the
 * paper's first version: `2503.02130` was published in March 2025.
 */
export function publishedMonthOfArxivId(arxivId: string): DatedValue | null {
  const newStyle = /^(\d{2})(\d{2})\./u.exec(arxivId);
  const oldStyle = /\/(\d{2})(\d{2})\d{3}$/u.exec(arxivId);
  const match = newStyle ?? oldStyle;
  if (!match) return null;
  const twoDigitYear = Number(match[1]);
  // Old-style ids run from 1991 to March 2007; new-style ids start in April 2007.
  const year = newStyle ? 2000 + twoDigitYear : twoDigitYear >= 91 ? 1900 + twoDigitYear : 2000 + twoDigitYear;
  return { date: `${year}-${match[2]}-01`, precision: "month" };
}
