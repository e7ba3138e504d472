import { SeededRandom } from "./SeededRandom";

/**
 * The first sequence number the generator gives out in a month. Real ids
 * have stayed below 35,000 a month up to 2026 (the profile's
 * `arxivIdsByMonth`), so synthetic ids never name a real paper, which keeps
 * the product's reviewed tag overrides of real papers from applying to them.
 */
const SEQUENCE_START = 50_000;
const SEQUENCE_END = 99_999;

/**
 * Gives out new-style arXiv ids (`YYMM.NNNNN`, five digits as arXiv has used
 * since January 2015) for the month a paper was published in. Numbers rise
 * within a month by a random gap of 1 to `maxGap`, sized so that twice the
 * month's expected papers fit below 100,000. Calls must come in listing order, so ids depend on the
 * order of the run, which is fixed by its seed and size.
 */
export class ArxivIdAllocator {
  private readonly months = new Map<string, { next: number; maxGap: number; random: SeededRandom }>();

  /** `expectedPerMonth` maps a month (`YYYY-MM`) to the papers expected to be published in it. */
  constructor(
    private readonly seed: number,
    private readonly expectedPerMonth: (month: string) => number,
  ) {}

  /** Returns the next id for a paper published on `publishedDay` (`YYYY-MM-DD`). */
  next(publishedDay: string): string {
    const month = publishedDay.slice(0, 7);
    let state = this.months.get(month);
    if (!state) {
      // Twice the expected papers fit even if every gap is the largest, and on average they fill a quarter of the numbers.
      const free = SEQUENCE_END - SEQUENCE_START;
      const maxGap = Math.max(1, Math.floor(free / (2 * Math.max(1, this.expectedPerMonth(month)))));
      state = { next: SEQUENCE_START, maxGap, random: SeededRandom.derive(this.seed, "arxiv", month) };
      this.months.set(month, state);
    }
    const sequence = state.next + state.random.intBetween(0, state.maxGap - 1);
    // NOTE: a month that gets more than twice its expected papers could run out; runs of 1 to 1,000,000 papers have not.
    if (sequence > SEQUENCE_END) {
      throw new Error(`Ran out of arXiv sequence numbers for ${month}: more papers were published in that month than ids fit; generate fewer papers`);
    }
    state.next = sequence + 1;
    return `${month.slice(2, 4)}${month.slice(5, 7)}.${String(sequence).padStart(5, "0")}`;
  }
}
