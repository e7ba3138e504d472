import { addDays, isoWeekday } from "./calendarDays";
import type { ProfileSamplers } from "./ProfileSamplers";
import { SeededRandom } from "./SeededRandom";

/** A day with a daily file: its date, how many papers are first listed on it, and the index of the first. */
export interface ListingDay {
  day: string;
  count: number;
  firstIndex: number;
}

export interface DayPlan {
  days: ListingDay[];
  /** The factor applied to the real per-day counts so that the papers fit between `EARLIEST_DAY` and the last day. */
  scale: number;
}

/**
 * The first day a run may list papers on. Hugging Face's daily papers began
 * in 2023; earlier days stand for a longer history, so that a large run
 * spreads over years of trends instead of piling into a few months.
 */
export const EARLIEST_DAY = "2017-01-02";

/**
 * Splits `total` into integer parts proportional to `weights` that sum to
 * `total` exactly: floors first, then one more for the largest remainders,
 * ties to the earlier day.
 */
function apportion(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (weight * total) / sum);
  const counts = exact.map(Math.floor);
  let missing = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((value, i) => ({ i, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of byRemainder) {
    if (missing === 0) break;
    counts[i]! += 1;
    missing -= 1;
  }
  return counts;
}

/**
 * Plans the listing days of `papers` papers ending on `lastDay`. Days follow
 * the real weekdays with files (none at weekends), and each day's count is
 * drawn from the real counts of its weekday. A run keeps real per-day counts
 * (about 17 papers a day in the profile) and starts as late as it can. Only
 * when the papers do not fit after `EARLIEST_DAY` are the counts scaled up,
 * about 2.3 times for 100,000 papers and 23 times (some 400 a day) for a
 * million. The counts are then rescaled to sum to `papers` exactly.
 */
export function planDays(samplers: ProfileSamplers, seed: number, papers: number, lastDay: string): DayPlan {
  const available: string[] = [];
  for (let day = lastDay; day >= EARLIEST_DAY; day = addDays(day, -1)) if (samplers.weekdays.has(isoWeekday(day))) available.push(day);
  if (available.length === 0) throw new Error(`No listing day between ${EARLIEST_DAY} and ${lastDay}; the profile has no weekday with files`);

  const mean = samplers.meanEntriesPerDay();
  const dayCount = Math.min(Math.ceil(papers / mean), available.length);
  const scale = Math.max(1, papers / (dayCount * mean));
  const days = available.slice(0, dayCount).reverse();
  const weights = days.map((day) => {
    const drawn = samplers.weekdays.get(isoWeekday(day))!.sample(SeededRandom.derive(seed, "day", day));
    return Math.max(1, drawn) * scale;
  });

  const counts = apportion(weights, papers);
  let firstIndex = 0;
  const planned = days.map((day, i) => {
    const listing = { day, count: counts[i]!, firstIndex };
    firstIndex += listing.count;
    return listing;
  });
  return { days: planned.filter((listing) => listing.count > 0), scale };
}
