import { addDays } from "./calendarDays";
import type { DigestFolder } from "./DigestFolder";
import { formatPapersPage, type PageCard } from "./formatPapersPage";
import { generatePaper, type PaperSetting, type SyntheticPaper } from "./generatePaper";
import { SeededRandom } from "./SeededRandom";

/** The folder that papers-page files go to, below the output folder. */
export const PAGE_FOLDER = "hf-papers-page";

/**
 * Collects the cards of listed papers that the next papers page shows again,
 * and writes a page every `pageEvery` days. Each page also shows one paper
 * published in the year before its capture day that no API file lists, as
 * a search page shows older papers. That card carries the only year written
 * on most pages, from which the page parser learns the capture year.
 */
export class PageCollector {
  private cards: PageCard[] = [];
  private nextPageDay: string;
  pages = 0;
  cardsWritten = 0;

  /**
   * `firstIndex` is the index of the first paper that only a page lists. It
   * is the run's paper count, so such a paper never shares an index (and so
   * a title name) with an API paper. `onPageOnlyPaper` receives each of them.
   */
  constructor(
    private readonly setting: PaperSetting,
    private readonly folder: DigestFolder,
    private readonly firstIndex: number,
    private readonly pageEvery: number,
    firstDay: string,
    private readonly onPageOnlyPaper: (paper: SyntheticPaper) => void,
  ) {
    this.nextPageDay = addDays(firstDay, pageEvery);
  }

  add(card: PageCard): void {
    this.cards.push(card);
  }

  /** Writes every page due on or before `day`, before the papers of that day are listed; a period without cards gets no page. */
  async writeDue(day: string): Promise<void> {
    while (this.nextPageDay <= day) {
      if (this.cards.length > 0) await this.writePage(this.nextPageDay);
      this.nextPageDay = addDays(this.nextPageDay, this.pageEvery);
    }
  }

  /** Writes the cards left after the last listing day on a page captured the day after it. */
  async finish(lastDay: string): Promise<void> {
    if (this.cards.length > 0) await this.writePage(addDays(lastDay, 1));
  }

  private async writePage(captureDay: string): Promise<void> {
    const random = SeededRandom.derive(this.setting.seed, "page", this.pages);
    const olderDay = addDays(`${Number(captureDay.slice(0, 4)) - 1}-01-01`, random.int(365));
    const older = generatePaper(this.setting, this.firstIndex + this.pages, `${olderDay}T12:00:00.000Z`, olderDay.slice(0, 7), true);
    this.onPageOnlyPaper(older);

    const cards = [...this.cards];
    cards.splice(random.int(cards.length + 1), 0, { title: older.title, abstract: older.abstract, authors: older.authors.length, publishedDay: olderDay, upvotes: older.upvotes });
    await this.folder.write(PAGE_FOLDER, captureDay, `papers-page-${captureDay}.txt`, formatPapersPage(captureDay, cards));
    this.pages += 1;
    this.cardsWritten += cards.length;
    this.cards = [];
  }
}
