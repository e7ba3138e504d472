import fc from "fast-check";

/** One edit of a digest's text. Positions are taken modulo the text's length, so any edit applies to any text. */
export type Mutation =
  | { kind: "truncate"; at: number }
  | { kind: "insert"; at: number; text: string }
  | { kind: "delete"; at: number; length: number }
  | { kind: "duplicate line"; line: number }
  | { kind: "swap lines"; first: number; second: number };

/** Edits such as a careless copy or a cut-off download makes, with inserted text drawn from `tokens` and any character. */
export function mutationArbitrary(tokens: string[]): fc.Arbitrary<Mutation> {
  const inserted = fc.oneof(fc.constantFrom(...tokens, "\n", "\r", "\r\n", '"', "\\", "\u0000", "\uFEFF"), fc.string({ maxLength: 4, unit: "binary" }));
  return fc.oneof(
    fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
    fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: inserted }),
    fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
    fc.record({ kind: fc.constant("duplicate line" as const), line: fc.nat() }),
    fc.record({ kind: fc.constant("swap lines" as const), first: fc.nat(), second: fc.nat() }),
  );
}

/** Applies one edit. */
export function applyMutation(text: string, mutation: Mutation): string {
  const position = (at: number) => (text.length === 0 ? 0 : at % (text.length + 1));
  const lines = text.split("\n");
  const lineIndex = (line: number) => line % lines.length;
  switch (mutation.kind) {
    case "truncate":
      return text.slice(0, position(mutation.at));
    case "insert":
      return text.slice(0, position(mutation.at)) + mutation.text + text.slice(position(mutation.at));
    case "delete":
      return text.slice(0, position(mutation.at)) + text.slice(position(mutation.at) + mutation.length);
    case "duplicate line": {
      const index = lineIndex(mutation.line);
      return [...lines.slice(0, index + 1), lines[index]!, ...lines.slice(index + 1)].join("\n");
    }
    case "swap lines": {
      const [first, second] = [lineIndex(mutation.first), lineIndex(mutation.second)];
      const swapped = [...lines];
      [swapped[first], swapped[second]] = [lines[second]!, lines[first]!];
      return swapped.join("\n");
    }
  }
}

/** Returns an arbitrary of a valid digest from `digests` with one to three edits applied. */
export function mutatedDigestArbitrary(digests: fc.Arbitrary<string>, tokens: string[]): fc.Arbitrary<string> {
  return fc
    .tuple(digests, fc.array(mutationArbitrary(tokens), { minLength: 1, maxLength: 3 }))
    .map(([text, mutations]) => mutations.reduce(applyMutation, text));
}
