"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, type KeyboardEvent } from "react";
import { useActiveTooltipLabel } from "recharts";
import { announceNavigation } from "@/lib/announceNavigation";

/** Reports the label of the element the chart's tooltip shows, as the arrow keys or the pointer move it. */
function ActiveLabelReporter({ onChange }: { onChange: (label: string | null) => void }) {
  const label = useActiveTooltipLabel();
  useEffect(() => onChange(label === undefined ? null : String(label)), [label, onChange]);
  return null;
}

/**
 * Makes a chart work from the keyboard: Recharts moves its tooltip with the
 * arrow keys once the chart has focus, and Enter or Space then opens the
 * drill-down link of the element the tooltip shows. Place `reporter` inside
 * the chart and `onKeyDown` on an element around it; `open` follows a link
 * from a click handler. Charts that handle more keys read the label the
 * tooltip shows, or null, from `activeLabel`.
 */
export function useChartKeyboard(hrefForLabel: (label: string) => string | null) {
  const router = useRouter();
  const activeLabel = useRef<string | null>(null);
  const onChange = useCallback((label: string | null) => {
    activeLabel.current = label;
  }, []);

  /** Opens a drill-down link; a null link stands for no papers and does nothing. */
  const open = (href: string | null) => {
    if (!href) return;
    announceNavigation(href);
    router.push(href);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if ((event.key !== "Enter" && event.key !== " ") || activeLabel.current === null) return;
    const href = hrefForLabel(activeLabel.current);
    if (!href) return;
    event.preventDefault();
    open(href);
  };

  return { reporter: <ActiveLabelReporter onChange={onChange} />, onKeyDown, open, activeLabel: () => activeLabel.current };
}
