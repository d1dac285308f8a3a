// Page objects: what a test may do on each page, named as a user would.
import { expect, type Locator, type Page, type Route } from "@playwright/test";

/**
 * Holds the requests that match `url` until the returned function is
 * called, then lets them through (or answers them with `answer`): for
 * looking at a page while something is still loading.
 */
export async function holdRequests(
  page: Page,
  url: string,
  answer: (route: Route) => Promise<void> = (route) => route.continue(),
): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(url, async (route) => {
    await held;
    await answer(route);
  });
  return release;
}

/**
 * Opens `path` as a visitor moving inside the app would: from another of
 * its pages, by a link the app's router follows. The server then draws
 * nothing of that page; the app fetches what it shows, so its skeletons,
 * errors and retries can be watched (and its API answers replaced).
 */
export async function openInApp(page: Page, path: string) {
  await page.goto("/terms");
  await page.evaluate((path) => {
    const link = document.createElement("a");
    link.href = path;
    link.textContent = "Go";
    document.getElementById("main")!.append(link);
    link.click();
  }, path);
  await expect(page).toHaveURL(path);
}

export const SHOWCASE = {
  slug: "backend-engineer-personalization-cadence",
  title: "Backend Engineer, Personalization",
  company: "Cadence",
};
export const CLOSED_SLUG = "support-specialist-lumen-bank";

export class JobsListPage {
  readonly heading: Locator;
  readonly items: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Newest jobs" });
    this.items = page.getByRole("list", { name: "Newest jobs" }).getByRole("listitem");
  }

  async open() {
    await this.page.goto("/jobs");
    await expect(this.heading).toBeVisible();
    await expect(this.items.first()).toBeVisible();
  }

  link(title: string): Locator {
    return this.page.getByRole("link", { name: title, exact: true });
  }
}

export class JobPage {
  readonly title: Locator;
  readonly skeleton: Locator;
  readonly header: Locator;
  readonly errorView: Locator;
  readonly retry: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByRole("heading", { level: 1 });
    this.skeleton = page.getByLabel("Loading the job");
    this.header = page.getByRole("article");
    this.errorView = page.getByRole("alert");
    this.retry = page.getByRole("button", { name: "Retry" });
  }

  async open(slug: string) {
    await this.page.goto(`/jobs/${slug}`);
  }

  async openInApp(slug: string) {
    await openInApp(this.page, `/jobs/${slug}`);
  }
}
