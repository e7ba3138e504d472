/** Combining marks for LaTeX accent commands: `\"u` is u with a diaeresis. */
const ACCENTS: Record<string, string> = {
  '"': "\u0308", "'": "\u0301", "`": "\u0300", "^": "\u0302", "~": "\u0303", "=": "\u0304", ".": "\u0307",
  u: "\u0306", v: "\u030C", H: "\u030B", c: "\u0327", k: "\u0328", r: "\u030A", d: "\u0323", b: "\u0331",
};

/** LaTeX commands that stand for one character. */
const SYMBOLS: Record<string, string> = {
  ss: "ß", o: "ø", O: "Ø", aa: "å", AA: "Å", ae: "æ", AE: "Æ", oe: "œ", OE: "Œ", l: "ł", L: "Ł", i: "ı", j: "ȷ",
  times: "×", cdot: "·", pm: "±", leq: "≤", le: "≤", geq: "≥", ge: "≥", neq: "≠", approx: "≈", infty: "∞",
  rightarrow: "→", to: "→", leftarrow: "←", alpha: "α", beta: "β", gamma: "γ", delta: "δ", epsilon: "ε",
  theta: "θ", lambda: "λ", mu: "μ", pi: "π", sigma: "σ", tau: "τ", phi: "φ", omega: "ω", Delta: "Δ", Sigma: "Σ",
  ldots: "…", dots: "…", textendash: "–", textemdash: "—", S: "§",
};

/** Formatting commands whose argument is the text itself, such as `\emph{x}`. */
const TEXT_COMMANDS = /\\(?:emph|textbf|textit|texttt|textrm|textsc|mathrm|mathbf|mathit|mathcal|text|bf|it)\s*\{([^{}]*)\}/gu;

/**
 * Turns LaTeX text markup into plain Unicode: accents (`\"u`, `\u{g}`,
 * `{\'e}`), letters and symbols (`\ss`, `\times`), formatting commands,
 * escaped characters (`\&`, `\%`, `\_`), math dollars and grouping braces.
 * Text without a backslash, dollar or brace comes back unchanged. Unknown
 * commands keep their name without the backslash.
 */
export function decodeLatex(text: string): string {
  if (!/[\\${}]/u.test(text)) return text;
  let result = text;

  result = result.replace(TEXT_COMMANDS, "$1");
  result = result.replace(/\{?\\([`'^"~=.uvHckrdb])\s*\{?\\?([A-Za-z])\}?\}?/gu, (match, accent: string, letter: string) => {
    const mark = ACCENTS[accent];
    // A letter accent command such as \u or \v needs braces or a space before its letter, or it is another command.
    if (/[a-zA-Z]/u.test(accent) && !/[{\s]/u.test(match.slice(2, 3))) return match;
    return mark ? `${letter}${mark}`.normalize("NFC") : match;
  });
  result = result.replace(/\\([A-Za-z]+)(?![A-Za-z])\s?/gu, (match, name: string) => SYMBOLS[name] ?? (name in ACCENTS ? match : name));
  result = result.replace(/\\([&%_#$])/gu, "$1");
  result = result.replace(/[${}]/gu, "");
  return result.normalize("NFC");
}
