import {
  BOILERPLATE_WORDS,
  DEFAULT_BURST_PARAMETERS,
  EMERGING_TITLE_RULE,
  FRAGMENT_EDGE_WORDS,
  GROWTH_CONFIDENCE_Z,
  NESTED_TWIN_TOLERANCE,
  THIN_MONTH_SHARE,
} from "@alignment-trends/analytics";
import { formatInteger, formatShare } from "@/lib/format";
import type { EmergingSettings } from "@/lib/emergingLinks";

function WordList({ summary, words }: { summary: string; words: ReadonlySet<string> }) {
  return (
    <details>
      <summary>{summary}</summary>
      <p className="word-list">{[...words].sort().join(", ")}</p>
    </details>
  );
}

/**
 * Explains how the page finds and ranks emerging terms, with every parameter
 * read from the constants and settings that the analysis uses.
 */
export function EmergingMethod({ settings, confidence }: { settings: EmergingSettings; confidence: string }) {
  const { minTitlePapers, minTitleShare } = EMERGING_TITLE_RULE;
  const { scale, gamma } = DEFAULT_BURST_PARAMETERS;
  const months = settings.window === 1 ? "month" : `${formatInteger(settings.window)} months`;
  return (
    <section className="emerging-method" aria-labelledby="emerging-method-title" data-testid="emerging-method">
      <h2 id="emerging-method-title">How this is computed</h2>
      <dl>
        <dt>Windows</dt>
        <dd>
          The recent window spans the {months} that end with the last month in which the filters keep papers with an abstract, in
          whole calendar months. A trailing month with fewer than {formatShare(THIN_MONTH_SHARE)} of the median papers of the twelve
          months before it, such as a month with one day&apos;s digest so far, does not end the window unless a To date is set. The baseline window spans the{" "}
          {months} just before it. Papers whose date is known only to the year count in neither.
        </dd>
        <dt>Shares</dt>
        <dd>
          A term&apos;s share in a window is the number of papers with an abstract whose title or abstract contains the term, divided by
          all papers with an abstract in that window. Papers listed with a title alone are left out, because they would lower every
          share in the months of the digests that list them. The paper lists behind the links include papers without an abstract, so
          they can be longer than the counts here.
        </dd>
        <dt>Candidates</dt>
        <dd>
          A term is one to three words. It needs at least {formatInteger(settings.minPapers)} recent papers, and it must appear in the
          titles of at least {formatInteger(minTitlePapers)} of them and of at least {formatShare(minTitleShare)} of them, since a title
          names what a paper is about.
        </dd>
        <dt>Growth</dt>
        <dd>
          Growth is the recent share divided by the baseline share, after adding half a paper to every count (Haldane&apos;s correction)
          so that a term absent from the baseline still gets a finite growth. Its lower bound is the one-sided {confidence} confidence
          bound (z = {String(GROWTH_CONFIDENCE_Z)}) from the normal approximation of the log of the ratio (Katz et al., 1978).
          Terms rank by this bound, so a term seen in 40 papers instead of 10 outranks one seen in 2 instead of none, and only terms
          whose bound is above 1 are listed.
        </dd>
        <dt>Nested and boilerplate terms</dt>
        <dd>
          A term inside another, such as “distillation” in “policy distillation”, whose recent papers differ by at most{" "}
          {formatShare(NESTED_TWIN_TOLERANCE)} of the larger count shows once: as the longest term of the group, at the rank of the
          group&apos;s best term. Terms made only of stop words, numbers and {formatInteger(BOILERPLATE_WORDS.size)} words that abstracts
          use for any subject are left out, and so are terms that start or end with one of {formatInteger(FRAGMENT_EDGE_WORDS.size)}{" "}
          verbs and vague modifiers, which mark a fragment of a sentence rather than a name.
          <WordList summary="Words used for any subject" words={BOILERPLATE_WORDS} />
          <WordList summary="Words that mark a sentence fragment" words={FRAGMENT_EDGE_WORDS} />
        </dd>
        <dt>Bursts</dt>
        <dd>
          Bursts come from Kleinberg&apos;s two-state model for batches of documents (Kleinberg, 2003), run over the term&apos;s monthly
          share of papers with an abstract in every month the filters keep, not only in the two windows. The burst state expects s ={" "}
          {String(scale)} times the term&apos;s overall share, and entering it costs γ = {String(gamma)} times the natural
          log of the number of months. A burst is a run of months in the burst state.
        </dd>
      </dl>
    </section>
  );
}
