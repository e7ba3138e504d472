"use client";

import { ImageDownloadButtons } from "@/components/ImageDownloadButtons";
import { cooccurrenceImage, type CooccurrenceData } from "@/lib/chartImage/cooccurrenceImage";

/** Buttons that download the co-occurrence matrix as an SVG or PNG image, drawn from its counts. */
export function CooccurrenceImageButtons({ title, description, data }: { title: string; description: string; data: CooccurrenceData }) {
  return <ImageDownloadButtons title={title} makeImage={() => ({ ...cooccurrenceImage(data, title, description), subject: "" })} />;
}
