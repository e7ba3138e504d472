/** A Python literal that `parsePythonLiteral` could not read, with the character offset where reading stopped. */
export class PythonLiteralError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at offset ${offset}`);
    this.name = "PythonLiteralError";
  }
}

type PythonValue = null | boolean | number | string | PythonValue[] | { [key: string]: PythonValue };

const SIMPLE_ESCAPES: Record<string, string> = {
  "\\": "\\", "'": "'", '"': '"', n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", v: "\v", a: "\u0007", "0": "\0",
};

/**
 * Reads text written by Python's `repr()` of dicts, lists, tuples, strings,
 * numbers, `True`, `False` and `None` into the equivalent JSON value. Tuples
 * become arrays and dict keys become strings. Nesting deeper than `maxDepth`
 * raises, so hostile input cannot exhaust the stack.
 */
export function parsePythonLiteral(text: string, maxDepth = 64): PythonValue {
  const reader = new LiteralReader(text, maxDepth);
  const value = reader.readValue(0);
  reader.skipWhitespace();
  if (!reader.atEnd()) throw new PythonLiteralError("unexpected text after the literal", reader.offset);
  return value;
}

class LiteralReader {
  offset = 0;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  atEnd(): boolean {
    return this.offset >= this.text.length;
  }

  skipWhitespace(): void {
    while (/\s/u.test(this.text[this.offset] ?? "")) this.offset += 1;
  }

  readValue(depth: number): PythonValue {
    if (depth > this.maxDepth) throw new PythonLiteralError(`nesting deeper than ${this.maxDepth} levels`, this.offset);
    this.skipWhitespace();
    const char = this.text[this.offset];
    if (char === "{") return this.readDict(depth);
    if (char === "[") return this.readSequence("]", depth);
    if (char === "(") return this.readSequence(")", depth);
    if (char === "'" || char === '"') return this.readString();
    if (char !== undefined && /[uUrRbB]/u.test(char) && /['"]/u.test(this.text[this.offset + 1] ?? "")) {
      this.offset += 1;
      return this.readString(char.toLowerCase() === "r");
    }
    return this.readBareWord();
  }

  private expect(char: string): void {
    if (this.text[this.offset] !== char) throw new PythonLiteralError(`expected "${char}"`, this.offset);
    this.offset += 1;
  }

  private readDict(depth: number): { [key: string]: PythonValue } {
    const result: { [key: string]: PythonValue } = {};
    this.expect("{");
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.offset] === "}") break;
      const key = this.readValue(depth + 1);
      if (typeof key === "object" && key !== null) throw new PythonLiteralError("a dict key must be a string or number", this.offset);
      this.skipWhitespace();
      this.expect(":");
      // An own property, as JSON.parse makes it: assigning a `__proto__` key would replace the dict's prototype instead.
      Object.defineProperty(result, String(key), { value: this.readValue(depth + 1), enumerable: true, writable: true, configurable: true });
      this.skipWhitespace();
      if (this.text[this.offset] !== ",") break;
      this.offset += 1;
    }
    this.skipWhitespace();
    this.expect("}");
    return result;
  }

  private readSequence(closing: "]" | ")", depth: number): PythonValue[] {
    const items: PythonValue[] = [];
    this.offset += 1;
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.offset] === closing) break;
      items.push(this.readValue(depth + 1));
      this.skipWhitespace();
      if (this.text[this.offset] !== ",") break;
      this.offset += 1;
    }
    this.skipWhitespace();
    this.expect(closing);
    return items;
  }

  private readString(raw = false): string {
    const quote = this.text[this.offset]!;
    const start = this.offset;
    this.offset += 1;
    let result = "";
    for (;;) {
      const char = this.text[this.offset];
      if (char === undefined || char === "\n") throw new PythonLiteralError("unterminated string", start);
      this.offset += 1;
      if (char === quote) return result;
      if (char !== "\\") {
        result += char;
        continue;
      }
      result += raw ? `\\${this.text[this.offset++] ?? ""}` : this.readEscape();
    }
  }

  private readEscape(): string {
    const char = this.text[this.offset];
    if (char === undefined) throw new PythonLiteralError("unterminated escape", this.offset);
    this.offset += 1;
    const simple = SIMPLE_ESCAPES[char];
    if (simple !== undefined) return simple;

    const hexLength = char === "x" ? 2 : char === "u" ? 4 : char === "U" ? 8 : 0;
    if (hexLength === 0) throw new PythonLiteralError(`unsupported escape "\\${char}"`, this.offset - 2);
    const hex = this.text.slice(this.offset, this.offset + hexLength);
    if (!/^[0-9a-fA-F]+$/u.test(hex) || hex.length !== hexLength) {
      throw new PythonLiteralError(`invalid escape "\\${char}${hex}"`, this.offset - 2);
    }
    this.offset += hexLength;
    const codePoint = Number.parseInt(hex, 16);
    if (codePoint > 0x10ffff) throw new PythonLiteralError(`code point out of range "\\${char}${hex}"`, this.offset - hexLength - 2);
    return String.fromCodePoint(codePoint);
  }

  private readBareWord(): PythonValue {
    const match = /^(?:True|False|None|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)/u.exec(
      this.text.slice(this.offset, this.offset + 64),
    );
    if (!match) throw new PythonLiteralError("expected a value", this.offset);
    this.offset += match[0].length;
    switch (match[0]) {
      case "True":
        return true;
      case "False":
        return false;
      case "None":
        return null;
      default:
        return Number(match[0].replace(/_/gu, ""));
    }
  }
}
