import fc from "fast-check";

/** Cut points for a text, as fractions of its length, so that the same cuts apply to any text. */
export const cutsArbitrary: fc.Arbitrary<number[]> = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 });

/** Splits `text` at the cut points into the chunks a stream would deliver, some of them empty. */
export function splitAt(text: string, cuts: number[]): string[] {
  const positions = cuts.map((cut) => Math.floor(cut * text.length)).sort((a, b) => a - b);
  const chunks: string[] = [];
  let start = 0;
  for (const position of positions) {
    chunks.push(text.slice(start, position));
    start = position;
  }
  chunks.push(text.slice(start));
  return chunks;
}

/** Streams the chunks. */
export async function* streamChunks(chunks: string[]): AsyncGenerator<string> {
  for (const chunk of chunks) yield chunk;
}

/** Collects every item of an async iterable. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const collected: T[] = [];
  for await (const item of items) collected.push(item);
  return collected;
}
