// Page objects for the top of the job page (breadcrumb, header, pager,
// summary, description) and for /saved.
import { expect, type Locator, type Page } from "@playwright/test";
import { openInApp } from "./pages";

export const NO_SALARY = {
  slug: "lighthouse-keeper-northwind-robotics",
  title: "Lighthouse Keeper",
  company: "Northwind Robotics",
  website: "https://northwind-robotics.example",
};

export const SHOWCASE_APPLY_URL = "https://cadence.example/careers/backend-engineer-personalization";

export class JobTop {
  readonly breadcrumb: Locator;
  readonly card: Locator;
  readonly skeleton: Locator;
  readonly title: Locator;
  readonly facts: Locator;
  readonly apply: Locator;
  readonly save: Locator;
  readonly share: Locator;
  readonly status: Locator;
  readonly pager: Locator;
  readonly summary: Locator;
  readonly description: Locator;

  constructor(readonly page: Page) {
    this.breadcrumb = page.getByRole("navigation", { name: "Breadcrumb" });
    this.card = page.getByRole("article");
    this.skeleton = page.getByLabel("Loading the job");
    this.title = this.card.getByRole("heading", { level: 1 });
    this.facts = this.card.getByRole("list", { name: "Job facts" });
    this.apply = this.card.getByRole("link", { name: /^Apply/ });
    this.save = this.card.getByRole("button", { name: "Save" });
    this.share = this.card.getByRole("button", { name: "Share" });
    this.status = this.card.getByRole("status");
    this.pager = page.getByRole("navigation", { name: /^Jobs at / });
    this.summary = page.getByRole("region", { name: "What you should know" });
    this.description = page.getByRole("region", { name: "About the job" });
  }

  async open(slug: string) {
    await this.page.goto(`/jobs/${slug}`);
    await expect(this.title).toBeVisible();
  }

  /** Opens the job from another page of the app, which fetches it. */
  async openInApp(slug: string) {
    await openInApp(this.page, `/jobs/${slug}`);
    await expect(this.title).toBeVisible();
  }

  companyLink(name: string): Locator {
    return this.card.getByRole("link", { name, exact: true });
  }

  /** The pager's link or disabled control for one direction. */
  pagerEnd(which: "Previous job" | "Next job"): Locator {
    return this.pager.getByRole("link", { name: which });
  }

  /** Where the job stands: [position, total]. */
  async pagerPosition(): Promise<[number, number]> {
    const text = (await this.pager.getByText(/^Job \d+ of \d+ at /).textContent()) ?? "";
    const match = /^Job (\d+) of (\d+) at /.exec(text);
    expect(match, `pager text "${text}"`).not.toBeNull();
    return [Number(match![1]), Number(match![2])];
  }
}

export class SavedJobsPage {
  readonly heading: Locator;
  readonly list: Locator;
  readonly items: Locator;
  readonly empty: Locator;
  readonly status: Locator;
  readonly navLink: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Saved jobs" });
    this.list = page.getByRole("list", { name: "Saved jobs" });
    this.items = this.list.getByRole("listitem");
    this.empty = page.getByRole("region", { name: "No saved jobs yet" });
    this.status = page.getByRole("status");
    this.navLink = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Saved" });
  }

  async open() {
    await this.page.goto("/saved");
    await expect(this.heading).toBeVisible();
  }

  remove(title: string, company: string): Locator {
    return this.page.getByRole("button", { name: `Remove ${title} at ${company}` });
  }
}
