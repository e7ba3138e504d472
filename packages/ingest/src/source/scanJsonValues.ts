/** One value found by `scanJsonValues`, with its raw JSON text. */
export interface JsonValueText {
  /** Keys and indexes from the top of the document to the value. */
  path: (string | number)[];
  raw: string;
  /** Character offset of the value's first character in the document. */
  offset: number;
}

/**
 * The document ended inside a value or a container at character `offset`.
 * `path` leads to the value it cut off, and is null when it ended between
 * values.
 */
export class TruncatedJsonError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly path: (string | number)[] | null = null,
  ) {
    super(message);
    this.name = "TruncatedJsonError";
  }
}

/**
 * A value longer than the length limit or nested deeper than the depth limit;
 * the scanner skips it and reports where it started. `reason` names which
 * limit it broke.
 */
export class OversizedJsonValueError extends Error {
  constructor(
    message: string,
    readonly path: (string | number)[],
    readonly offset: number,
    readonly reason: "record too large" | "nesting too deep" = "record too large",
  ) {
    super(message);
    this.name = "OversizedJsonValueError";
  }
}

interface Frame {
  container: "array" | "object";
  index: number;
  key: string | null;
  awaitingKey: boolean;
}

interface Capture {
  path: (string | number)[];
  offset: number;
  parts: string[];
  length: number;
  /** Stack depth at which the value started; a container value ends when the stack returns to it. */
  depth: number;
  kind: "container" | "string" | "primitive";
  oversized: boolean;
  tooDeep: boolean;
}

export type ScannedItem = { value: JsonValueText } | { error: OversizedJsonValueError };

/**
 * Reads an object key from its quoted JSON text. A key that is not a valid
 * JSON string (a raw line break, a bad escape) keeps its text between the
 * quotes, so that the value under it still gets a path instead of the
 * scanner raising a bare `SyntaxError`.
 * NOTE: the value under such a key is still yielded, although the document is not valid JSON.
 */
function readKey(quoted: string): string {
  try {
    return JSON.parse(quoted) as string;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return quoted.slice(1, -1);
  }
}

const WHITESPACE = new Set([" ", "\t", "\n", "\r"]);
const STRING_SPECIAL = /["\\]/gu;

/**
 * Streams a JSON document and yields, one at a time, every value at depth
 * `emitDepth` (1: the elements or members of the top container; 2: those of
 * its children) and every scalar above that depth, so a caller can read a
 * wrapper's `date` beside its `data` items. Only the value being yielded is
 * held in memory; a value longer than `maxValueLength` characters is skipped
 * and reported as an error item, and so is a value whose containers nest
 * deeper than `maxDepth` levels from the top of the document, which would
 * exhaust the call stack of `JSON.stringify` and other recursive readers. The
 * nesting past `maxDepth` is counted, not stored, so memory stays bounded. The
 * scanner checks structure only: each raw value still needs `JSON.parse`. At
 * the end of a document that stops inside a value it raises
 * `TruncatedJsonError`, after yielding every complete value.
 */
export async function* scanJsonValues(
  chunks: AsyncIterable<string>,
  emitDepth: number,
  maxValueLength = 10_000_000,
  maxDepth = 1_000,
): AsyncGenerator<ScannedItem> {
  const stack: Frame[] = [];
  let excessDepth = 0;
  let capture = null as Capture | null;
  let inString = false;
  let escaped = false;
  let stringIsKey = false;
  let keyParts: string[] = [];
  let offset = 0;

  const append = (text: string) => {
    if (!capture || capture.oversized || capture.tooDeep) return;
    capture.length += text.length;
    if (capture.length > maxValueLength) {
      capture.oversized = true;
      capture.parts = [];
      return;
    }
    capture.parts.push(text);
  };

  const finish = (): ScannedItem => {
    const done = capture!;
    capture = null;
    if (done.tooDeep) {
      return {
        error: new OversizedJsonValueError(`value nested deeper than ${maxDepth} levels`, done.path, done.offset, "nesting too deep"),
      };
    }
    if (done.oversized) {
      return {
        error: new OversizedJsonValueError(`value longer than ${maxValueLength} characters`, done.path, done.offset),
      };
    }
    return { value: { path: done.path, raw: done.parts.join(""), offset: done.offset } };
  };

  const startValue = (kind: Capture["kind"], at: number) => {
    if (capture) return;
    const depth = stack.length;
    if (depth > emitDepth || (depth < emitDepth && kind === "container")) return;
    const path = stack.map((frame) => (frame.container === "array" ? frame.index : (frame.key ?? "")));
    capture = { path, offset: at, parts: [], length: 0, depth, kind, oversized: false, tooDeep: false };
  };

  for await (const chunk of chunks) {
    let segmentStart = 0;
    for (let index = 0; index < chunk.length; index += 1) {
      const char = chunk[index]!;

      if (inString) {
        if (escaped) {
          escaped = false;
          continue;
        }
        // Only a quote or a backslash matters inside a string, so the scan jumps to the next one: abstracts are most of a digest.
        STRING_SPECIAL.lastIndex = index;
        const special = STRING_SPECIAL.exec(chunk);
        if (!special) {
          index = chunk.length;
          continue;
        }
        index = special.index;
        if (special[0] === "\\") {
          escaped = true;
        } else {
          inString = false;
          if (stringIsKey) {
            keyParts.push(chunk.slice(segmentStart, index + 1));
            const top = stack.at(-1)!;
            top.key = readKey(keyParts.join(""));
            keyParts = [];
            segmentStart = index + 1;
          } else if (capture?.kind === "string" && capture.depth === stack.length) {
            append(chunk.slice(segmentStart, index + 1));
            segmentStart = index + 1;
            yield finish();
          }
        }
        continue;
      }

      if (capture?.kind === "primitive" && (char === "," || char === "]" || char === "}" || WHITESPACE.has(char))) {
        append(chunk.slice(segmentStart, index));
        segmentStart = index;
        yield finish();
      }

      switch (char) {
        case '"': {
          const top = stack.at(-1);
          if (top?.container === "object" && top.awaitingKey) {
            stringIsKey = !capture;
            if (stringIsKey) {
              keyParts = [];
              segmentStart = index;
            }
          } else {
            stringIsKey = false;
            if (!capture) {
              startValue("string", offset + index);
              if (capture) segmentStart = index;
            }
          }
          inString = true;
          break;
        }
        case "{":
        case "[": {
          if (!capture) {
            startValue("container", offset + index);
            if (capture) segmentStart = index;
          }
          if (stack.length >= maxDepth) {
            excessDepth += 1;
            if (capture) {
              capture.tooDeep = true;
              capture.parts = [];
            }
          } else {
            stack.push({ container: char === "{" ? "object" : "array", index: 0, key: null, awaitingKey: char === "{" });
          }
          break;
        }
        case "}":
        case "]": {
          if (excessDepth > 0) {
            excessDepth -= 1;
            break;
          }
          stack.pop();
          if (capture?.kind === "container" && stack.length === capture.depth) {
            append(chunk.slice(segmentStart, index + 1));
            segmentStart = index + 1;
            yield finish();
          }
          break;
        }
        case ",": {
          const top = stack.at(-1);
          if (top?.container === "array") top.index += 1;
          if (top?.container === "object") top.awaitingKey = true;
          break;
        }
        case ":": {
          const top = stack.at(-1);
          if (top?.container === "object") top.awaitingKey = false;
          break;
        }
        default:
          if (!capture && !WHITESPACE.has(char)) {
            startValue("primitive", offset + index);
            if (capture) segmentStart = index;
          }
      }
    }
    if (capture) append(chunk.slice(segmentStart));
    if (stringIsKey && inString) keyParts.push(chunk.slice(segmentStart));
    offset += chunk.length;
  }

  if (capture?.kind === "primitive" && !inString) {
    yield finish();
  }
  if (stack.length > 0 || inString || capture) {
    const openContainers = stack.length + excessDepth;
    throw new TruncatedJsonError(`JSON ends inside ${inString ? "a string" : `${openContainers} open container(s)`}`, offset, capture?.path ?? null);
  }
}
