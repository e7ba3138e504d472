import { inlineComputedStyles } from "./inlineComputedStyles";
import { svgElement } from "./svgElement";

/** The entries of the legends that a chart draws in HTML: Recharts' legend, and a `.legend-item` list such as the emerging chart's. */
const LEGEND_ITEM_SELECTOR = ".recharts-legend-item, .legend-item";

/** Side of the square each legend symbol is drawn in, in pixels. */
export const LEGEND_SYMBOL_SIZE = 14;

/** One legend entry ready for an image: its label, its symbol as a styled SVG element, and the font and colour of its text. */
export interface LegendEntry {
  label: string;
  symbol: SVGElement;
  /** Width of the symbol in pixels. Its height is LEGEND_SYMBOL_SIZE. */
  symbolWidth: number;
  font: string;
  color: string;
}

/** Returns the element that contains the first visible text of `item`, whose style is the text's. */
function textElement(item: Element): Element {
  const walker = document.createTreeWalker(item, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.textContent?.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP),
  });
  return walker.nextNode()?.parentElement ?? item;
}

/**
 * Copies the symbol of a legend item as SVG, scaled to LEGEND_SYMBOL_SIZE
 * high: Recharts and the compare chart draw it as a small SVG, and other
 * legends as a `.swatch` box whose background is the colour. Returns null
 * for an item without either.
 */
function legendSymbol(item: Element): { symbol: SVGElement; width: number } | null {
  const icon = item.querySelector("svg");
  if (icon) {
    const copy = icon.cloneNode(true) as SVGSVGElement;
    inlineComputedStyles(icon, copy);
    const box = icon.getBoundingClientRect();
    const width = box.height > 0 ? (LEGEND_SYMBOL_SIZE * box.width) / box.height : LEGEND_SYMBOL_SIZE;
    copy.setAttribute("width", String(width));
    copy.setAttribute("height", String(LEGEND_SYMBOL_SIZE));
    copy.removeAttribute("aria-label");
    copy.removeAttribute("aria-hidden");
    return { symbol: copy, width };
  }
  const swatch = item.querySelector(".swatch");
  if (!swatch) return null;
  const style = getComputedStyle(swatch);
  const symbol = svgElement("rect", { width: LEGEND_SYMBOL_SIZE, height: LEGEND_SYMBOL_SIZE, rx: 2, fill: style.backgroundColor, opacity: style.opacity });
  if (Number.parseFloat(style.borderTopWidth) > 0) {
    symbol.setAttribute("stroke", style.borderTopColor);
    symbol.setAttribute("stroke-width", style.borderTopWidth);
  }
  return { symbol, width: LEGEND_SYMBOL_SIZE };
}

/** Reads the entries of the HTML legends inside `container`, in document order, with the fonts and colours they are shown in. */
export function readLegendEntries(container: Element): LegendEntry[] {
  const entries: LegendEntry[] = [];
  for (const item of container.querySelectorAll(LEGEND_ITEM_SELECTOR)) {
    const symbol = legendSymbol(item);
    const label = item.textContent?.trim() ?? "";
    if (!symbol || label === "") continue;
    const style = getComputedStyle(textElement(item));
    entries.push({ label, symbol: symbol.symbol, symbolWidth: symbol.width, font: `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`, color: style.color });
  }
  return entries;
}
