// Page objects for the onboarding flow (page and dialog) and /profile.
import { expect, type Locator, type Page } from "@playwright/test";

export const PROFILE_KEY = "ascend.profile";
export const DRAFT_KEY = "ascend.onboarding";

/** A stored profile (version 2) for tests that start with one. */
export const STORED_PROFILE = {
  version: 2,
  agreed_on: "2026-11-20",
  roles: ["Platform engineer"],
  skills: ["Terraform", "Kubernetes"],
  seniority: "staff",
  work_models: ["remote"],
  locations: [],
  remote_regions: ["Europe"],
  salary: { amount: 120000, currency: "EUR", period: "year" },
  status: "open",
};

/** Presses Tab until `target` has focus, as a keyboard user would. */
export async function tabTo(page: Page, target: Locator, limit = 40) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

export class OnboardingFlow {
  readonly progress: Locator;
  readonly heading: Locator;
  readonly next: Locator;
  readonly finish: Locator;
  readonly back: Locator;
  readonly skip: Locator;

  constructor(
    readonly page: Page,
    readonly root: Locator,
  ) {
    this.progress = root.getByRole("progressbar");
    this.heading = root.locator(".onboarding__heading");
    this.next = root.getByRole("button", { name: "Next", exact: true });
    this.finish = root.getByRole("button", { name: "Finish", exact: true });
    this.back = root.getByRole("button", { name: "Back", exact: true });
    this.skip = root.getByRole("button", { name: "Skip", exact: true });
  }

  static page(page: Page) {
    return new OnboardingFlow(page, page.locator(".onboarding-page"));
  }

  static dialog(page: Page) {
    return new OnboardingFlow(page, page.getByRole("dialog"));
  }

  async expectStep(number: number, heading: string) {
    await expect(this.progress).toHaveAttribute("aria-valuenow", String(number));
    await expect(this.root.getByText(`Step ${number} of 7`)).toBeVisible();
    await expect(this.heading).toHaveText(heading);
    await expect(this.heading).toBeFocused();
  }

  combobox(name: string): Locator {
    return this.root.getByRole("combobox", { name });
  }

  chips(name: string): Locator {
    return this.root.getByRole("list", { name: `${name}, added` }).getByRole("listitem");
  }

  /** Tabs to Next (or Finish) and presses Enter. */
  async pressNext(label: "Next" | "Finish" = "Next") {
    await tabTo(this.page, label === "Next" ? this.next : this.finish);
    await this.page.keyboard.press("Enter");
  }
}

export class ProfilePage {
  readonly heading: Locator;
  readonly download: Locator;
  readonly remove: Locator;
  readonly confirmRemove: Locator;
  readonly getStarted: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Your profile" });
    this.download = page.getByRole("button", { name: "Download as JSON" });
    this.remove = page.getByRole("button", { name: "Delete profile" });
    this.confirmRemove = page.getByRole("button", { name: "Yes, delete it" });
    this.getStarted = page.getByRole("main").getByRole("link", { name: "Get started" });
  }

  async open() {
    await this.page.goto("/profile");
    await expect(this.heading).toBeVisible();
  }

  section(name: string): Locator {
    return this.page.getByRole("region", { name });
  }

  /** Stores `profile` (a raw string or an object) before the app reads it. */
  static async seed(page: Page, profile: unknown) {
    await page.goto("/jobs");
    // Wait for the app, so that it does not read the value on this load.
    await expect(page.getByRole("heading", { level: 1, name: "Newest jobs" })).toBeVisible();
    await page.evaluate(
      ([key, value]) => localStorage.setItem(key, value),
      [PROFILE_KEY, typeof profile === "string" ? profile : JSON.stringify(profile)] as const,
    );
  }
}
