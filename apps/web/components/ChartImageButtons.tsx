"use client";

import { chartImageFromCard } from "@/lib/chartImage/chartImageFromCard";
import { ImageDownloadButtons } from "./ImageDownloadButtons";

/**
 * Buttons that download the Recharts chart of the `.chart-card` they sit in
 * as an SVG or PNG image. A chart names what it shows for the file name in
 * a `data-image-subject` attribute, such as the compared terms.
 */
export function ChartImageButtons({ title }: { title: string }) {
  return (
    <ImageDownloadButtons
      title={title}
      makeImage={(buttons) => {
        const card = buttons.closest(".chart-card");
        if (!card) throw new Error(`Failed to find the chart "${title}" around its image buttons: place ChartImageButtons inside a .chart-card.`);
        const subject = card.querySelector("[data-image-subject]")?.getAttribute("data-image-subject") ?? "";
        return { ...chartImageFromCard(card, title), subject };
      }}
    />
  );
}
