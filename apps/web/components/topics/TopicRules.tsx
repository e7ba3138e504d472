import { TOPIC_FIELD_WEIGHTS, type DetectionRules } from "@alignment-trends/schema";
import { formatDecimal } from "@/lib/format";

type Weighted = { text: string; weight: number };

function weighPhrases(rules: DetectionRules): Weighted[] {
  return rules.phrases
    .map((entry) => (typeof entry === "string" ? { text: entry, weight: 1 } : { text: entry.phrase, weight: entry.weight }))
    .sort((a, b) => b.weight - a.weight || a.text.localeCompare(b.text));
}

function weighPatterns(rules: DetectionRules): Weighted[] {
  return rules.patterns.map((entry) => (typeof entry === "string" ? { text: entry, weight: 1 } : { text: entry.pattern, weight: entry.weight }));
}

function WeightedList({ entries, code = false }: { entries: Weighted[]; code?: boolean }) {
  return (
    <ul className="rule-list">
      {entries.map((entry) => (
        <li key={entry.text}>
          {code ? <code>{entry.text}</code> : <span className="phrase">{entry.text}</span>} <span className="weight">{entry.weight > 0 ? `+${entry.weight}` : entry.weight}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Renders the rules that tag a topic as the taxonomy file states them:
 * phrases and patterns with their weights, the exclusions, and the score a
 * paper needs.
 */
export function TopicRules({ rules, taxonomyVersion }: { rules: DetectionRules; taxonomyVersion: string | null }) {
  const phrases = weighPhrases(rules);
  const patterns = weighPatterns(rules);
  return (
    <div className="topic-rules" data-testid="topic-rules">
      <p>
        An alignment paper gets this topic when the weights of the rules it matches add up to at least <strong>{rules.minScore}</strong>. A
        match counts its weight times {formatDecimal(TOPIC_FIELD_WEIGHTS.title)} in the title, {formatDecimal(TOPIC_FIELD_WEIGHTS.keywords)} in
        the Hugging Face keywords and {formatDecimal(TOPIC_FIELD_WEIGHTS.abstract)} in the abstract, in the best field it matched. Phrases match
        whole words, case folded; a trailing <code>*</code> matches any ending. Taxonomy version {taxonomyVersion ?? "unknown"}.
      </p>
      {phrases.length > 0 && (
        <>
          <h3>Phrases</h3>
          <WeightedList entries={phrases} />
        </>
      )}
      {patterns.length > 0 && (
        <>
          <h3>Patterns</h3>
          <WeightedList entries={patterns} code />
        </>
      )}
      {(rules.excludePhrases.length > 0 || rules.excludePatterns.length > 0) && (
        <>
          <h3>Never when the text holds</h3>
          <ul className="rule-list">
            {rules.excludePhrases.map((phrase) => (
              <li key={phrase}>
                <span className="phrase">{phrase}</span>
              </li>
            ))}
            {rules.excludePatterns.map((pattern) => (
              <li key={pattern}>
                <code>{pattern}</code>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
