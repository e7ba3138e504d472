import { seriesColor } from "@/lib/palette";
import { markerPath, seriesDash, seriesMarker } from "@/lib/seriesStyle";

const WIDTH = 28;
const HEIGHT = 14;

/** Draws a compared series' key, as its line shows it: its colour, its dash pattern and its marker. */
export function SeriesKey({ index }: { index: number }) {
  const color = seriesColor(index);
  return (
    <svg className="series-key" width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true">
      <line x1={0} y1={HEIGHT / 2} x2={WIDTH} y2={HEIGHT / 2} stroke={color} strokeWidth={2} strokeDasharray={seriesDash(index) || undefined} />
      <path d={markerPath(seriesMarker(index), WIDTH / 2, HEIGHT / 2, 4)} fill={color} />
    </svg>
  );
}
