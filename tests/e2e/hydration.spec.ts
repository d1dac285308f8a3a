// The server draws every page a visitor can land on with the app's own
// components, and the browser adopts that HTML instead of drawing it again
// (hydration). So: the page without its wasm is the page; once the wasm has
// run, the very same elements are still there, with the same attributes,
// words and boxes; and the head has each of its tags once.
import { expect, holdApp, test, withoutApp, type Page } from "./fixtures";
import { NO_SALARY } from "./job-header-pages";
import { SHOWCASE } from "./pages";

/// The other end of Cadence's pager from the showcase job: its newest job.
const CADENCE_FIRST = "data-engineer-listening-insights-cadence";

const JOB_PARTS = [
  ".site-header",
  ".job-breadcrumb",
  ".job-header",
  ".job-header .avatar",
  "#job-title",
  ".job-header__company",
  ".job-header__facts",
  ".job-action--apply, .job-header__no-apply",
  ".job-action--save",
  ".job-action--share",
  ".job-pager",
  ".job-summary",
  ".job-description",
  // Adopted after the rest, each in a task of its own (src/hydration.rs).
  ".company-ratings",
  ".salary",
  "#faqs",
  ".company-side",
  ".apply-bar",
  ".site-footer",
];
const COMPANY_PARTS = [
  ".site-header",
  "#main h1",
  "#main .avatar",
  // Adopted after the rest.
  ".company-page__jobs",
  ".company-page__jobs .job-item",
  ".company-ratings",
  ".company-page__facts",
  ".site-footer",
];
const TEXT_PARTS = [".site-header", "#main", ".site-footer"];

const PAGES: Array<{ path: string; parts: string[]; why: string }> = [
  { path: `/jobs/${SHOWCASE.slug}`, parts: JOB_PARTS, why: "initials for a logo, an apply link, the pager's last job" },
  { path: `/jobs/${CADENCE_FIRST}`, parts: JOB_PARTS, why: "no summary, the pager's first job" },
  { path: `/jobs/${NO_SALARY.slug}`, parts: JOB_PARTS, why: "a company logo, no salary, apply on the company's website" },
  { path: "/companies/northwind-robotics", parts: COMPANY_PARTS, why: "a company with a logo" },
  { path: "/companies/cadence", parts: COMPANY_PARTS, why: "a company with initials" },
  { path: "/terms", parts: TEXT_PARTS, why: "a text page" },
  { path: "/privacy", parts: TEXT_PARTS, why: "a text page" },
];

type Drawn = { part: string; html: string; box: number[] } | { part: string; missing: true };

/// Each part's markup (attributes and words, descendants included) and box.
/// The elements themselves are kept on `window`, to be compared after.
async function drawn(page: Page, parts: string[]): Promise<Drawn[]> {
  return page.evaluate((parts) => {
    const kept = parts.map((part) => document.querySelector(part));
    (window as any).__serverElements = kept;
    return kept.map((element, index) => {
      const part = parts[index];
      if (!element) return { part, missing: true as const };
      const rect = element.getBoundingClientRect();
      return { part, html: element.outerHTML, box: [rect.x, rect.y, rect.width, rect.height].map(Math.round) };
    });
  }, parts);
}

for (const { path, parts, why } of PAGES) {
  test(`${path} (${why}): the app adopts the server's elements, attributes and boxes`, async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));

    const start = await holdApp(page);
    await page.goto(path);
    await page.evaluate(() => document.fonts.ready);
    const server = await drawn(page, parts);
    // A job without a summary or a company with one job lacks those parts;
    // the rest are there before the wasm arrives.
    expect(server.filter((part) => !("missing" in part)).length).toBeGreaterThanOrEqual(Math.min(parts.length, 9));

    start();
    await page.locator("html[data-app-ready]").waitFor({ state: "attached" });
    await page.waitForLoadState("networkidle");
    const same = await page.evaluate(
      (parts) => parts.map((part, i) => document.querySelector(part) === (window as any).__serverElements[i]),
      parts,
    );
    expect(same, "the same elements, not new ones").toEqual(parts.map(() => true));
    const app = await drawn(page, parts);
    for (const [index, part] of app.entries()) {
      expect(part, part.part).toEqual(server[index]);
    }
    expect(errors).toEqual([]);
  });
}

test("a job page without its wasm is the whole page, and its links lead on", async ({ page }) => {
  await withoutApp(page);
  await page.goto(`/jobs/${NO_SALARY.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(NO_SALARY.title);
  const card = page.getByRole("article");
  await expect(card.locator("img.avatar")).toHaveAttribute("src", "/logos/northwind-robotics.svg");
  await expect(card.getByRole("link", { name: `${NO_SALARY.company} website (opens in a new tab)` })).toHaveAttribute("href", NO_SALARY.website);
  await card.getByRole("link", { name: NO_SALARY.company, exact: true }).click();
  await expect(page).toHaveURL(/\/companies\/northwind-robotics$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(NO_SALARY.company);
});

test("the pager offers a link at one end and a disabled control at the other", async ({ page }) => {
  await page.goto(`/jobs/${SHOWCASE.slug}`);
  const pager = page.getByRole("navigation", { name: "Jobs at Cadence" });
  await expect(pager).toContainText("Job 2 of 2 at Cadence");
  await expect(pager.getByRole("link", { name: "Next job" })).toHaveAttribute("aria-disabled", "true");
  await pager.getByRole("link", { name: "Previous job" }).click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${CADENCE_FIRST}$`));
  await expect(pager).toContainText("Job 1 of 2 at Cadence");
  await expect(pager.getByRole("link", { name: "Previous job" })).toHaveAttribute("aria-disabled", "true");
  await expect(pager.getByRole("link", { name: "Next job" })).toHaveAttribute("href", `/jobs/${SHOWCASE.slug}`);
});

for (const path of ["/jobs", "/companies/cadence", "/embed", "/terms", "/privacy", `/jobs/${SHOWCASE.slug}`, "/no-such-page"]) {
  test(`${path} carries each head tag once after the app has started`, async ({ page }) => {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    const head = page.locator("head");
    await expect(head.locator("title")).toHaveCount(1);
    // A page that is not there describes nothing; every other page once.
    await expect(head.locator('meta[name="description"]')).toHaveCount(path === "/no-such-page" ? 0 : 1);
    await expect(head.locator('meta[name="viewport"]')).toHaveCount(1);
    expect(await head.locator('link[rel="canonical"]').count()).toBeLessThanOrEqual(1);
    const keys = await head
      .locator("meta[name], meta[property]")
      .evaluateAll((tags) => tags.map((tag) => tag.getAttribute("name") ?? tag.getAttribute("property")));
    expect(keys.filter((key, index) => keys.indexOf(key) !== index), "no meta tag twice").toEqual([]);
  });
}
