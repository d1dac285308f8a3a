// The server draws the top of a job page into its HTML (server/src/first_paint.rs)
// so the job shows before the wasm has loaded; the app then swaps in its own
// drawing. Both must have the same boxes and words, or the page would jump.
import { expect, test, type Page } from "@playwright/test";
import { NO_SALARY } from "./job-header-pages";
import { SHOWCASE } from "./pages";

const FIRST_PAINT = "#ascend-first-paint";

/// What is measured, each the first match under the root.
const PARTS = [
  ".site-header .brand",
  ".site-header nav a[href='/jobs']",
  ".job-breadcrumb",
  ".job-header",
  ".job-header__logo",
  "#job-title",
  ".job-header__company",
  ".job-header__facts",
  ".job-action--apply, .job-header__no-apply",
  ".job-action--save",
  ".job-action--share",
  ".job-pager",
  ".job-summary",
  ".job-summary__text",
];

type Part = { part: string; box: number[] | null; text: string | null };

async function measure(page: Page, root: string): Promise<Part[]> {
  return page.evaluate(
    ([root, parts]) =>
      parts.map((part) => {
        const element = document.querySelector(`${root} ${part}`.trim());
        const rect = element?.getBoundingClientRect();
        return {
          part,
          box: rect ? [rect.x, rect.y, rect.width, rect.height].map(Math.round) : null,
          text: element?.textContent ?? null,
        };
      }),
    [root, PARTS] as const,
  );
}

/// The server's copy alone: the page with its wasm refused, so no app runs.
async function serverCopy(page: Page, slug: string): Promise<Part[]> {
  await page.route("**/*.wasm", (route) => route.abort());
  await page.goto(`/jobs/${slug}`);
  await expect(page.locator(FIRST_PAINT)).toBeVisible();
  const parts = await measure(page, FIRST_PAINT);
  await page.unroute("**/*.wasm");
  return parts;
}

/// The app's drawing, once it has replaced the server's copy.
async function appCopy(page: Page, slug: string): Promise<Part[]> {
  await page.goto(`/jobs/${slug}`);
  await expect(page.locator(FIRST_PAINT)).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  return measure(page, "");
}

for (const job of [SHOWCASE, NO_SALARY]) {
  test(`the server's first paint of ${job.slug} has the app's boxes and words`, async ({ page }) => {
    const server = await serverCopy(page, job.slug);
    const app = await appCopy(page, job.slug);
    // Every part the app draws, the server drew, in the same place.
    for (const [index, drawn] of app.entries()) {
      expect(server[index], drawn.part).toEqual(drawn);
    }
    expect(app.filter((part) => part.box).length).toBeGreaterThanOrEqual(10);
  });
}

test("the first paint shows the job without the app, and nothing in it takes focus or clicks", async ({ page }) => {
  await page.route("**/*.wasm", (route) => route.abort());
  await page.goto(`/jobs/${SHOWCASE.slug}`);
  const copy = page.locator(FIRST_PAINT);
  await expect(copy.locator("h1")).toHaveText(SHOWCASE.title);
  await expect(copy.locator(".job-summary__text")).toBeVisible();
  // Inert, so its buttons are not offered before the app makes them work:
  // the keyboard skips the whole copy.
  await expect(copy).toHaveAttribute("inert", "");
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
});

test("once the app has drawn the job, there is one page: the server's copy is gone", async ({ page }) => {
  await page.goto(`/jobs/${SHOWCASE.slug}`);
  await expect(page.getByRole("button", { name: "Save" })).toBeVisible();
  await expect(page.locator(FIRST_PAINT)).toHaveCount(0);
  await expect(page.locator("h1")).toHaveCount(1);
  await expect(page.locator("main")).toHaveCount(1);
});
