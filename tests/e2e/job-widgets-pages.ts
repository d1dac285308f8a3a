// Page objects for the job page's widgets: ratings, salary and the two
// question accordions.
import { expect, type Locator, type Page } from "@playwright/test";

export const NO_SALARY = {
  slug: "lighthouse-keeper-northwind-robotics",
  company: "Northwind Robotics",
};
export const PROFILE_KEY = "ascend.profile";

/** Stores a profile (or any text) before the page's own scripts run. */
export async function storeProfileBeforeLoad(page: Page, value: string) {
  await page.addInitScript(
    ([key, stored]) => {
      // Only on the first load, so that a test can change it afterwards.
      if (!sessionStorage.getItem("profile-seeded")) {
        localStorage.setItem(key, stored);
        sessionStorage.setItem("profile-seeded", "1");
      }
    },
    [PROFILE_KEY, value],
  );
}

export class RatingsSection {
  readonly root: Locator;
  readonly overall: Locator;
  readonly diversity: Locator;
  readonly ceo: Locator;

  constructor(page: Page, company: string) {
    this.root = page.getByRole("region", { name: `How employees rate ${company}` });
    this.overall = this.root.locator(".rating-card").filter({ has: page.getByRole("heading", { name: "Overall rating" }) });
    this.diversity = this.root
      .locator(".rating-card")
      .filter({ has: page.getByRole("heading", { name: "Diversity and inclusion" }) });
    this.ceo = this.root.locator(".rating-card").filter({ has: page.getByRole("heading", { name: `CEO of ${company}` }) });
  }
}

export class SalarySection {
  readonly root: Locator;
  readonly source: Locator;
  readonly headline: Locator;
  readonly min: Locator;
  readonly max: Locator;
  readonly marker: Locator;
  readonly periods: Locator;
  readonly assumption: Locator;
  readonly about: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole("region", { name: "Salary", exact: true });
    this.source = this.root.locator(".salary__source");
    this.headline = this.root.locator(".salary__headline");
    this.min = this.root.getByRole("definition").first();
    this.max = this.root.getByRole("definition").last();
    this.marker = this.root.locator(".salary__marker");
    this.periods = this.root.getByRole("radio");
    this.assumption = this.root.locator(".salary__assumption");
    this.about = this.root.locator("details");
  }

  period(name: "Yearly" | "Monthly" | "Hourly"): Locator {
    return this.root.getByRole("radio", { name, exact: true });
  }

  async expectFigures(headline: string | RegExp, min: string | RegExp, max: string | RegExp) {
    await expect(this.headline).toHaveText(headline);
    await expect(this.min).toHaveText(min);
    await expect(this.max).toHaveText(max);
  }
}

export class QuestionsSection {
  readonly root: Locator;
  readonly questions: Locator;

  constructor(readonly page: Page, heading: string | RegExp) {
    this.root = page.getByRole("region", { name: heading }).filter({ has: page.getByRole("heading", { level: 2 }) });
    this.questions = this.root.getByRole("heading", { level: 3 }).getByRole("button");
  }

  question(name: string): Locator {
    return this.root.getByRole("button", { name, exact: true });
  }

  /** The open answer region of a question (hidden ones are not found). */
  answer(question: string): Locator {
    return this.root.getByRole("region", { name: question, exact: true });
  }

  async openAll() {
    const count = await this.questions.count();
    for (let i = 0; i < count; i++) {
      const button = this.questions.nth(i);
      await button.click();
      await expect(button).toHaveAttribute("aria-expanded", "true");
    }
  }
}

export const FAQS = "Frequently asked questions";
export const FIRST_FAQ = "What will I work on in my first months?";
export const FIRST_FAQ_ANSWER = "You will join a squad that owns the services behind daily mixes.";
export const INTERVIEW = /^Common interview questions for /;
