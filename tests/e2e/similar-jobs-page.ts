// Page object for the similar jobs carousel at the foot of a job page.
import { expect, type Locator, type Page } from "@playwright/test";

export const SIMILAR_API = "**/api/jobs/*/similar*";

export class SimilarJobs {
  readonly section: Locator;
  readonly list: Locator;
  readonly cards: Locator;
  readonly previous: Locator;
  readonly next: Locator;
  readonly loading: Locator;
  readonly message: Locator;
  readonly retry: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole("region", { name: "Similar jobs" });
    this.list = this.section.getByRole("list", { name: "Similar jobs" });
    this.cards = this.list.locator(":scope > li");
    this.previous = this.section.getByRole("button", { name: "Previous jobs" });
    this.next = this.section.getByRole("button", { name: "Next jobs" });
    this.loading = this.section.locator("[aria-busy=true]");
    this.message = this.section.locator(".similar__message");
    this.retry = this.section.getByRole("button", { name: "Retry" });
  }

  /** The link that names a card, and covers it. */
  link(card: Locator): Locator {
    return card.getByRole("heading", { level: 3 }).getByRole("link");
  }

  async loaded() {
    await expect(this.cards.first()).toBeVisible();
    await expect(this.loading).toHaveCount(0);
  }

  /** The track's horizontal scroll, once it has stopped moving: the same
   * for ten painted frames in a row. */
  async settledScroll(): Promise<{ left: number; max: number }> {
    return this.list.evaluate(
      (el) =>
        new Promise<{ left: number; max: number }>((resolve) => {
          let previous = el.scrollLeft;
          let still = 0;
          const look = () => {
            const now = el.scrollLeft;
            still = now === previous ? still + 1 : 0;
            previous = now;
            if (still >= 10) resolve({ left: now, max: el.scrollWidth - el.clientWidth });
            else requestAnimationFrame(look);
          };
          requestAnimationFrame(look);
        }),
    );
  }

  /** How far a card sticks out of the track's visible part, in pixels (0 when whole). */
  async overhang(card: Locator): Promise<number> {
    return card.evaluate((el) => {
      const track = el.parentElement!.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      return Math.max(0, track.left - box.left, box.right - track.right);
    });
  }
}
