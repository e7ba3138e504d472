import { validValueOf, type CatalogParameter, type ParameterSchema } from "./apiRouteCatalog";

/** One invalid value or set of values for a parameter, with what makes it invalid. */
export interface InvalidCase {
  label: string;
  values: string[];
}

/** Values of an integer that its schema rejects: other types, fractions, signs, other notations and the bounds plus or minus one. */
function invalidIntegers(schema: ParameterSchema): InvalidCase[] {
  const cases: InvalidCase[] = [
    { label: "wrong type", values: ["abc"] },
    { label: "fraction", values: ["1.5"] },
    { label: "negative", values: ["-1"] },
    { label: "exponent", values: ["1e3"] },
    { label: "hexadecimal", values: ["0x1f"] },
    { label: "plus sign", values: ["+5"] },
    { label: "eleven digits", values: ["99999999999"] },
  ];
  if (schema.maximum !== undefined) cases.push({ label: "above maximum", values: [String(schema.maximum + 1)] });
  if (schema.minimum !== undefined && schema.minimum > 0) cases.push({ label: "below minimum", values: [String(schema.minimum - 1)] });
  return cases;
}

/** Values of one text value that its schema rejects. */
function invalidScalars(schema: ParameterSchema): InvalidCase[] {
  if (schema.anyOf) {
    const integer = schema.anyOf.find((branch) => branch.type === "integer");
    const words = schema.anyOf.flatMap((branch) => (typeof branch.const === "string" ? [branch.const] : []));
    return [...(integer ? invalidIntegers(integer) : []), ...words.map((word) => ({ label: `upper-case ${word}`, values: [word.toUpperCase()] }))];
  }
  if (schema.enum) {
    const first = String(schema.enum[0]);
    return [
      { label: "unknown enum value", values: ["bogus"] },
      { label: "enum value in upper case", values: [first.toUpperCase()] },
      { label: "enum value with a trailing space", values: [`${first} `] },
    ];
  }
  if (schema.type === "integer") return invalidIntegers(schema);
  if (schema.format === "date") {
    return [
      { label: "day past month end", values: ["2025-02-30"] },
      { label: "month 13", values: ["2025-13-01"] },
      { label: "unpadded date", values: ["2025-1-1"] },
      { label: "date without hyphens", values: ["20250101"] },
      { label: "word for a date", values: ["today"] },
    ];
  }
  const cases: InvalidCase[] = [];
  if (schema.pattern) cases.push({ label: "text off the pattern", values: ["Not_An_Id"] }, { label: "path traversal", values: ["../../etc/passwd"] });
  if (schema.maxLength !== undefined) cases.push({ label: "one character too long", values: ["a".repeat(schema.maxLength + 1)] });
  if (schema.minLength !== undefined && schema.minLength > 0) cases.push({ label: "blank", values: ["   "] });
  return cases;
}

/** Returns a value of 10,001 characters of the parameter's own kind, so that only its length is wrong. */
function tooLongValue(schema: ParameterSchema): string {
  const item = schema.items ?? schema;
  if (item.type === "integer" || item.anyOf?.some((branch) => branch.type === "integer")) return "9".repeat(10_001);
  return "a".repeat(10_001);
}

/** Returns every invalid case of a query parameter. */
export function invalidCases(parameter: CatalogParameter): InvalidCase[] {
  const schema = parameter.schema;
  const valid = validValueOf(parameter);
  const cases: InvalidCase[] = [{ label: "10,001 characters", values: [tooLongValue(schema)] }];
  if (schema.type === "array") {
    cases.push(...invalidScalars(schema.items ?? {}).filter((item) => item.label !== "one character too long" || schema.items?.maxLength !== undefined));
    if (schema.maxItems !== undefined) cases.push({ label: "one item too many", values: Array.from({ length: schema.maxItems + 1 }, () => valid) });
    if ((schema.minItems ?? 0) > 0 && !schema.items?.minLength) cases.push({ label: "blank item", values: ["   "] });
  } else {
    cases.push(...invalidScalars(schema), { label: "repeated", values: [valid, valid] });
  }
  if (parameter.required) cases.push({ label: "empty", values: [""] });
  return cases;
}
