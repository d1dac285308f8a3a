import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { CLOSED_SLUG, JobPage, JobsListPage, SHOWCASE, holdRequests, openInApp } from "./pages";

test("the list links to a job, whose page shows it", async ({ page }) => {
  const list = new JobsListPage(page);
  await list.open();
  expect(await list.items.count()).toBeGreaterThanOrEqual(5);
  const link = list.items.first().getByRole("link");
  const title = (await link.textContent())!.trim();
  const href = (await link.getAttribute("href"))!;
  await link.click();

  await expect(page).toHaveURL(new RegExp(`${href}$`));
  const job = new JobPage(page);
  await expect(job.title).toHaveText(title);
  await expect(job.header.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}$/);
});

test("the showcase job's page shows its company, place and title", async ({ page }) => {
  const job = new JobPage(page);
  await job.open(SHOWCASE.slug);
  await expect(job.title).toHaveText(SHOWCASE.title);
  await expect(job.header).toContainText(SHOWCASE.company);
  await expect(job.header).toContainText("Remote in EMEA");
  await expect(page).toHaveTitle(`${SHOWCASE.title} at ${SHOWCASE.company} · Ascend`);
});

test("a failing API shows the error view, and Retry recovers", async ({ page }) => {
  let failing = true;
  await page.route(`**/api/jobs/${SHOWCASE.slug}`, (route) =>
    failing
      ? route.fulfill({
          status: 503,
          contentType: "application/json",
          body: JSON.stringify({ error: { code: "unavailable", message: "Ascend is resting. Try again soon." } }),
        })
      : route.continue(),
  );
  const job = new JobPage(page);
  await job.openInApp(SHOWCASE.slug);
  await expect(job.errorView).toContainText("Ascend is resting. Try again soon.");

  failing = false;
  await job.retry.click();
  await expect(job.title).toHaveText(SHOWCASE.title);
  await expect(job.errorView).toHaveCount(0);
});

test("an unreachable API also offers Retry", async ({ page }) => {
  await page.route("**/api/jobs", (route) => route.abort("connectionrefused"));
  // The list reached inside the app asks the API (the server drew none).
  await openInApp(page, "/jobs");
  await expect(page.getByRole("alert")).toContainText("could not reach Ascend");
  await page.unroute("**/api/jobs");
  await page.getByRole("button", { name: "Retry" }).click();
  await expect(new JobsListPage(page).items.first()).toBeVisible();
});

test("the skeleton holds the job header's place while it loads", async ({ page }) => {
  const release = await holdRequests(page, `**/api/jobs/${SHOWCASE.slug}`);
  const job = new JobPage(page);
  await job.openInApp(SHOWCASE.slug);
  await expect(job.skeleton).toBeVisible();
  const before = await job.skeleton.boundingBox();

  release();
  await expect(job.title).toHaveText(SHOWCASE.title);
  const after = await job.header.boundingBox();
  expect(before).not.toBeNull();
  expect(after).not.toBeNull();
  expect(Math.abs(after!.height - before!.height)).toBeLessThanOrEqual(1);
  expect(Math.abs(after!.y - before!.y)).toBeLessThanOrEqual(1);
});

test("leaving a page aborts its request in flight", async ({ page }) => {
  const list = new JobsListPage(page);
  await list.open();
  const link = list.items.first().getByRole("link");
  const slug = (await link.getAttribute("href"))!.split("/").pop()!;
  await page.route(`**/api/jobs/${slug}`, () => {
    // Never answered: only an abort ends this request.
  });
  const aborted = page.waitForEvent("requestfailed", (r) => r.url().endsWith(`/api/jobs/${slug}`));
  await link.click();
  await expect(new JobPage(page).skeleton).toBeVisible();

  await page.getByRole("link", { name: "Ascend" }).click();
  const request = await aborted;
  expect(request.failure()?.errorText).toContain("ERR_ABORTED");
  await expect(list.heading).toBeVisible();
});

test("an unknown job and an unknown route get the not-found page", async ({ page }) => {
  for (const path of ["/jobs/no-such-job", "/no/such/page"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("We could not find that page");
    await expect(page.getByRole("link", { name: "Browse the newest jobs" })).toBeVisible();
  }
});

test("a closed job says so", async ({ page }) => {
  await page.goto(`/jobs/${CLOSED_SLUG}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This job is closed");
});

test("the home page goes to the list", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/jobs$/);
  await expect(new JobsListPage(page).heading).toBeVisible();
});

test("the keyboard reaches the content first, then each job", async ({ page }) => {
  await new JobsListPage(page).open();
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main")).toBeFocused();
  // Tab moves on from the main landmark to the two orders, then the first
  // job's link.
  const order = page.getByRole("navigation", { name: "Order of jobs" });
  await page.keyboard.press("Tab");
  await expect(order.getByRole("link", { name: "Newest" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(order.getByRole("link", { name: "For you" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.locator(".job-item a").first()).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(new JobPage(page).title).toBeVisible();
});

for (const path of ["/jobs", `/jobs/${SHOWCASE.slug}`, "/jobs/no-such-job", `/jobs/${CLOSED_SLUG}`]) {
  test(`axe finds no violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
}
