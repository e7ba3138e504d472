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
