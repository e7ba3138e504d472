import { readFile } from "node:fs/promises";
import { daysBetween } from "./calendarDays";
import type { HistogramCounter } from "./HistogramCounter";

/** A row of a `date,title,url` list: the day, a title (bare, or quoted with `""` for a quote), and the paper's URL. */
const LIST_ROW = /^(\d{4}-\d{2}-\d{2}),(?:"(?:[^"]|"")*"|[^,\n]*),(\S+)$/gmu;

/**
 * Counts repeated listings in a `date,title,url` list of the Hugging Face
 * daily papers: rows whose URL an earlier row already listed, with the days
 * between the two listings added to `lagDays`.
 */
export async function measureListRelisting(file: string, lagDays: HistogramCounter): Promise<{ rows: number; relisted: number }> {
  const text = await readFile(file, "utf8");
  const firstListed = new Map<string, string>();
  let rows = 0;
  let relisted = 0;
  for (const match of text.matchAll(LIST_ROW)) {
    rows += 1;
    const [, day, url] = match;
    const earlier = firstListed.get(url!);
    if (earlier === undefined) {
      firstListed.set(url!, day!);
      continue;
    }
    relisted += 1;
    lagDays.add(daysBetween(earlier, day!));
  }
  if (rows === 0) throw new Error(`No "date,title,url" rows found in ${file}; check that the file is the daily papers list`);
  return { rows, relisted };
}
