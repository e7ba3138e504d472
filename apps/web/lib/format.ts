const integerFormat = new Intl.NumberFormat("en");
const percentFormat = new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 1 });
const decimalFormat = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });

export function formatInteger(value: number): string {
  return integerFormat.format(value);
}

/** Formats a share from 0 to 1 as a percentage; null shows as an en dash. */
export function formatShare(value: number | null): string {
  return value === null ? "–" : percentFormat.format(value);
}

export function formatDecimal(value: number | null): string {
  return value === null ? "–" : decimalFormat.format(value);
}

/**
 * Shows a date at the precision it is known: `2025-03-14`, `2025-03`, `2025`;
 * null shows as "unknown". `labelPrecision` adds "(month only)" or "(year only)".
 */
export function formatDatedValue(date: string | null, precision: "day" | "month" | "year" | null, labelPrecision = false): string {
  if (!date) return "unknown";
  if (precision === "month") return `${date.slice(0, 7)}${labelPrecision ? " (month only)" : ""}`;
  if (precision === "year") return `${date.slice(0, 4)}${labelPrecision ? " (year only)" : ""}`;
  return date;
}
