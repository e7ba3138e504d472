/**
 * Style properties that decide how an SVG chart looks. Most are inherited in
 * SVG, so a value equal to the parent's need not be written again.
 */
const INHERITED_PROPERTIES = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "stroke-opacity",
  "stroke-linecap",
  "stroke-linejoin",
  "font-family",
  "font-size",
  "font-weight",
  "font-style",
  "text-anchor",
  "dominant-baseline",
  "visibility",
] as const;

/** Properties that are not inherited, with their initial values, which need not be written. */
const NON_INHERITED_INITIAL: Record<string, string> = { opacity: "1" };

/**
 * Writes into the style attribute of every element of `clone` the computed
 * values of the matching element of `source`. The source must be in the
 * document and `clone` a deep copy of it. The clone then looks the same
 * without the page's style sheets, with CSS variables, classes and inherited
 * fonts resolved. Elements that `source` does not display are removed.
 */
export function inlineComputedStyles(source: SVGElement, clone: SVGElement): void {
  const sources = [source, ...source.querySelectorAll("*")];
  const clones = [clone, ...clone.querySelectorAll("*")];
  if (sources.length !== clones.length) throw new Error(`Failed to inline chart styles: the copy has ${clones.length} elements, the chart ${sources.length}; copy the chart with cloneNode(true) right before.`);

  const computed = new Map<Element, CSSStyleDeclaration>();
  const hidden: Element[] = [];
  sources.forEach((element, index) => {
    const target = clones[index]!;
    const style = getComputedStyle(element);
    computed.set(element, style);
    if (style.display === "none") {
      hidden.push(target);
      return;
    }
    const parentStyle = element === source || !element.parentElement ? undefined : computed.get(element.parentElement);
    const declarations: string[] = [];
    for (const property of INHERITED_PROPERTIES) {
      const value = style.getPropertyValue(property);
      if (value !== "" && value !== parentStyle?.getPropertyValue(property)) declarations.push(`${property}: ${value}`);
    }
    for (const [property, initial] of Object.entries(NON_INHERITED_INITIAL)) {
      const value = style.getPropertyValue(property);
      if (value !== "" && value !== initial) declarations.push(`${property}: ${value}`);
    }
    if (declarations.length > 0) target.setAttribute("style", declarations.join("; "));
    else target.removeAttribute("style");
    // A presentation attribute such as fill="var(--muted)" means nothing outside the page. The style now sets its
    // value, or the value equals the parent's and is inherited, so the attribute can go.
    for (const property of [...INHERITED_PROPERTIES, ...Object.keys(NON_INHERITED_INITIAL)]) {
      if (target.getAttribute(property)?.includes("var(")) target.removeAttribute(property);
    }
  });
  for (const element of hidden) element.remove();
}
