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

/** What /profile says on arriving from finishing onboarding. */
export const FINISHED_MESSAGE =
  "Your profile is saved on this device. Job pages now show how well each job matches you.";

/** Suggestions `GET /api/suggest?q=ba` answers with in the tests that fake it, most common first. */
export const BACKEND_TITLES = [
  "Backend Engineering Intern",
  "Senior Backend Engineer",
  "Backend Engineer",
  "Head of Backend Engineering",
  "Backend Developer",
];

/** Answers every `GET /api/suggest` with `titles`, as the server would for "ba". */
export async function fakeTitleSuggestions(page: Page, titles: string[]) {
  await page.route(
    (url) => url.pathname === "/api/suggest",
    (route) => route.fulfill({ json: { titles, skills: [], companies: [], locations: [] } }),
  );
}

/** Whether the point at the middle of `target` hits it, so nothing covers it there. */
export async function expectUncovered(target: Locator) {
  await target.scrollIntoViewIfNeeded();
  const hit = await target.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return !!top && el.contains(top);
  });
  expect(hit, "nothing covers it").toBe(true);
}

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

  /** The step is shown, its heading focused (by script) and drawn without a focus ring. */
  async expectStep(number: number, heading: string) {
    await expect(this.progress).toHaveAttribute("aria-valuenow", String(number));
    await expect(this.root.getByText(`Step ${number} of 7`)).toBeVisible();
    await expect(this.heading).toHaveText(heading);
    await expect(this.heading).toBeFocused();
    await expect(this.heading).toHaveCSS("outline-style", "none");
  }

  /** The suggestions listed under the chip input labelled `name`. */
  suggestions(name: string): Locator {
    return this.root.getByRole("listbox", { name: `Suggested ${name.toLowerCase()}` });
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
  readonly status: Locator;
  readonly browseJobs: Locator;
  readonly download: Locator;
  readonly remove: Locator;
  readonly confirmRemove: Locator;
  readonly getStarted: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Your profile" });
    this.status = page.getByRole("main").getByRole("status");
    this.browseJobs = this.status.getByRole("link", { name: "Browse jobs" });
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
