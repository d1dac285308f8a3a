// Page objects for the job page's sidebar, the company page and the legal
// pages: what a test may do there, named as a user would.
import { expect, type Locator, type Page } from "@playwright/test";

/** Presses Tab until `target` has focus; fails if it never does. */
export async function tabTo(page: Page, target: Locator, limit = 200) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

export class CompanySide {
  readonly root: Locator;
  readonly name: Locator;
  readonly openJobs: Locator;
  readonly matchBlock: Locator;
  readonly matchLink: Locator;
  readonly badges: Locator;
  readonly cultureValues: Locator;
  readonly benefits: Locator;
  readonly showAllBenefits: Locator;
  readonly facts: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole("complementary", { name: "About the company" });
    this.name = this.root.getByRole("heading", { level: 2 }).first();
    this.openJobs = this.root.getByRole("link", { name: /^\d+ open jobs?$/ });
    this.matchBlock = this.root.locator(".match-block");
    this.matchLink = this.matchBlock.getByRole("link", { name: "Complete your profile" });
    this.badges = this.root.getByRole("list", { name: "Badges" });
    this.cultureValues = this.root.getByRole("list", { name: "Culture values" });
    this.benefits = this.root.locator("#company-side-benefits");
    this.showAllBenefits = this.root.getByRole("button", { name: /^Show (all \d+|fewer)$/ });
    this.facts = this.root.locator("dl.facts");
  }

  /** The value beside a fact's term, e.g. fact("Funding"). */
  fact(term: string): Locator {
    return this.facts.locator("div").filter({ has: this.page.locator("dt", { hasText: term }) }).locator("dd");
  }
}

export class Newsletter {
  readonly root: Locator;
  readonly email: Locator;
  readonly submit: Locator;
  readonly status: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole("region", { name: "New jobs, once a week" });
    this.email = this.root.getByLabel("Email address");
    this.submit = this.root.getByRole("button", { name: /^(Subscribe|Signing you up…)$/ });
    this.status = this.root.getByRole("status");
    this.alert = this.root.getByRole("alert");
  }

  /** Reaches the field by keyboard, types the address and presses Enter. */
  async subscribeByKeyboard(address: string) {
    await tabTo(this.page, this.email);
    await this.page.keyboard.press("ControlOrMeta+a");
    await this.page.keyboard.press("Backspace");
    if (address) await this.page.keyboard.type(address);
    await this.page.keyboard.press("Enter");
  }

  /** The message the field points to with aria-describedby. */
  async fieldMessage(): Promise<string> {
    const id = await this.email.getAttribute("aria-describedby");
    expect(id, "the field points to its message").toBeTruthy();
    return (await this.page.locator(`#${id}`).textContent()) ?? "";
  }
}

export class CompanyPage {
  readonly heading: Locator;
  readonly jobs: Locator;
  readonly skeleton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.jobs = page.getByRole("list", { name: "Open jobs" }).getByRole("listitem");
    this.skeleton = page.getByLabel("Loading the company");
  }

  async open(slug: string) {
    await this.page.goto(`/companies/${slug}`);
  }
}

export class Footer {
  readonly terms: Locator;
  readonly privacy: Locator;

  constructor(readonly page: Page) {
    const nav = page.getByRole("contentinfo").getByRole("navigation", { name: "About Ascend" });
    this.terms = nav.getByRole("link", { name: "Terms of Service" });
    this.privacy = nav.getByRole("link", { name: "Privacy Policy" });
  }
}
