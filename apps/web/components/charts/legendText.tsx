"use client";

/**
 * Renders a legend entry in the page's text colour: Recharts colours legend
 * text like its series by default, which makes pale series such as yellow unreadable.
 */
export function legendText(value: string) {
  return <span style={{ color: "var(--text)" }}>{value}</span>;
}
