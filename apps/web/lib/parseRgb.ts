export type Rgb = [number, number, number];

/** Parses a colour written as `#rgb`, `#rrggbb`, `rgb(r, g, b)` or `rgba(r, g, b, a)`, ignoring alpha. Computed styles use the last two forms. */
export function parseRgb(color: string): Rgb {
  const text = color.trim();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/iu.exec(text)?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join("") : hex;
    return [0, 2, 4].map((start) => Number.parseInt(full.slice(start, start + 2), 16)) as Rgb;
  }
  const channels = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/iu.exec(text);
  if (channels) return [Number(channels[1]), Number(channels[2]), Number(channels[3])];
  throw new Error(`Invalid colour "${color}": expected #rgb, #rrggbb or rgb(r, g, b).`);
}
