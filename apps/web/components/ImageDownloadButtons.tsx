"use client";

import { useRef, useState } from "react";
import type { ChartImage } from "@/lib/chartImage/chartImageFromCard";
import { imageFileName } from "@/lib/chartImage/imageFileName";
import { pngFromSvg } from "@/lib/chartImage/pngFromSvg";
import { saveBlob } from "@/lib/chartImage/saveBlob";

/** An image to download, and the series or terms it shows for its file name, or "" for none. */
export type NamedChartImage = ChartImage & { subject: string };

interface Props {
  /** The chart's title, which names the buttons and the files. */
  title: string;
  /** Makes the image when a button is pressed; receives the buttons' element, to find the chart around it. */
  makeImage: (buttons: HTMLElement) => NamedChartImage;
}

type ImageFormat = "svg" | "png";

/** Buttons that download a chart as an SVG or a PNG image, made in the browser from the chart as shown. */
export function ImageDownloadButtons({ title, makeImage }: Props) {
  const root = useRef<HTMLSpanElement>(null);
  const [error, setError] = useState<string | null>(null);

  const download = async (format: ImageFormat) => {
    setError(null);
    try {
      const image = makeImage(root.current!);
      const fileName = imageFileName(["alignment-trends", title, image.subject, image.date], format);
      const blob = format === "svg" ? new Blob([image.svgText], { type: "image/svg+xml" }) : await pngFromSvg(image.svgText, image.width, image.height);
      saveBlob(blob, fileName);
    } catch (cause) {
      // The message goes to the reader and the error, with its cause, to the browser's console.
      setError(cause instanceof Error ? cause.message : `Failed to make the ${format.toUpperCase()} image: ${String(cause)}`);
      console.error(cause);
    }
  };

  return (
    <span className="image-downloads" ref={root}>
      <span>Download image:</span>
      {(["svg", "png"] as const).map((format) => (
        <button key={format} type="button" className="link-button" aria-label={`Download ${title} as ${format.toUpperCase()}`} onClick={() => void download(format)}>
          {format.toUpperCase()}
        </button>
      ))}
      {error && (
        <span className="image-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
