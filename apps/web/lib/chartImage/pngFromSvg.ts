/** Pixels per CSS pixel in PNG images, so that they stay sharp on high-density screens and in print. */
export const PNG_PIXEL_RATIO = 2;

/**
 * Draws an SVG image of `width` × `height` CSS pixels on a canvas at
 * PNG_PIXEL_RATIO and returns it as a PNG. The SVG must be standalone,
 * because an image loaded this way has no access to the page's style sheets
 * or web fonts.
 */
export async function pngFromSvg(svgText: string, width: number, height: number): Promise<Blob> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  try {
    await image.decode();
  } catch (error) {
    throw new Error(`Failed to draw the chart's SVG image (${width} × ${height} px) as a PNG: the browser could not decode it. Download the SVG instead.`, { cause: error });
  }

  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width * PNG_PIXEL_RATIO);
  canvas.height = Math.round(height * PNG_PIXEL_RATIO);
  const context = canvas.getContext("2d");
  if (!context) throw new Error("Failed to make a PNG: this browser has no 2D canvas. Download the SVG instead.");
  context.drawImage(image, 0, 0, canvas.width, canvas.height);

  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error(`Failed to encode a PNG of ${canvas.width} × ${canvas.height} pixels. Download the SVG instead.`))), "image/png");
  });
}
