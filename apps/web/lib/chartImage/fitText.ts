/** Returns the width in pixels of `text` set in the CSS font shorthand `font`. */
export type MeasureText = (text: string, font: string) => number;

/**
 * Returns `text` if it fits in `maxWidth` pixels, else its longest start
 * that fits with "…" appended. Characters are whole code points.
 */
export function fitText(text: string, maxWidth: number, font: string, measure: MeasureText): string {
  if (measure(text, font) <= maxWidth) return text;
  const characters = [...text];
  let low = 0;
  let high = characters.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (measure(`${characters.slice(0, middle).join("").trimEnd()}…`, font) <= maxWidth) low = middle;
    else high = middle - 1;
  }
  return `${characters.slice(0, low).join("").trimEnd()}…`;
}

/** Returns a measure that uses a canvas of the page, so that text is measured in the fonts the browser has. */
export function canvasTextMeasure(): MeasureText {
  const context = document.createElement("canvas").getContext("2d");
  if (!context) throw new Error("Failed to measure text for the image: this browser has no 2D canvas; download the data as CSV instead.");
  return (text, font) => {
    context.font = font;
    return context.measureText(text).width;
  };
}
