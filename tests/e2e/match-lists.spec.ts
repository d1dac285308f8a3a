// Match scores beyond the job page: pills on /jobs items and similar-jobs
// cards, and the "For you" order that ranks /jobs by them, all on the device.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { storeProfileBeforeLoad } from "./job-widgets-pages";
import { FITTING, JobsList, badgeScore, expectNothingPrivate, watchRequests } from "./match-pages";
import { SHOWCASE, holdRequests } from "./pages";
import { SimilarJobs } from "./similar-jobs-page";

test("without a profile lists show no scores and For you invites one", async ({ page }) => {
  const jobs = new JobsList(page);
  await page.goto("/jobs");
  await expect(jobs.items.first()).toBeVisible();
  await expect(page.locator(".match-badge")).toHaveCount(0);
  await expect(jobs.newest).toHaveAttribute("aria-current", "page");
  await expect(jobs.forYou).not.toHaveAttribute("aria-current");
  await jobs.forYou.click();
  await expect(page).toHaveURL(/\/jobs\?order=for-you$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jobs for you");
  await expect(page.getByRole("link", { name: "Set up your profile" })).toHaveAttribute(
    "href",
    "/onboarding?next=/jobs%3Forder%3Dfor-you",
  );
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test("a card's score is the score its job page gives", async ({ page }) => {
  const requests = watchRequests(page);
  await storeProfileBeforeLoad(page, JSON.stringify(FITTING));
  await page.goto(`/jobs/${SHOWCASE.slug}`);
  const similar = new SimilarJobs(page);
  await similar.section.scrollIntoViewIfNeeded();
  await similar.loaded();
  const card = similar.cards.first();
  const score = await badgeScore(card);
  await expect(card.locator(".visually-hidden")).toHaveText(new RegExp(`^Match score ${score} out of 100: \\w+ match$`));
  await similar.link(card).click();
  await expect(page.locator(".match-block__number")).toHaveText(String(score));
  expectNothingPrivate(requests);
});

test("list items score each job, and For you ranks the best match first", async ({ page }) => {
  const requests = watchRequests(page);
  await storeProfileBeforeLoad(page, JSON.stringify(FITTING));
  const jobs = new JobsList(page);
  await page.goto("/jobs");
  await expect(jobs.items).toHaveCount(20);
  const newest = await jobs.scores();
  expect(newest.every((s) => s >= 0 && s <= 100)).toBe(true);

  await jobs.forYou.click();
  await expect(jobs.forYou).toHaveAttribute("aria-current", "page");
  await expect(jobs.newest).not.toHaveAttribute("aria-current");
  await expect(jobs.items).toHaveCount(20);
  const ranked = await jobs.scores();
  expect(ranked).toEqual([...ranked].sort((a, b) => b - a));
  // Ranked among more jobs than the newest 20, it can only do better.
  expect(ranked[0]).toBeGreaterThanOrEqual(Math.max(...newest));
  expect(ranked[0]).toBeGreaterThan(ranked[ranked.length - 1]);

  // The first item's score holds on its page.
  const first = jobs.items.first();
  const href = await jobs.slug(first);
  await first.getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.locator(".match-block__number")).toHaveText(String(ranked[0]));

  await page.goBack();
  await expect(page).toHaveURL(/order=for-you/);
  await expect(jobs.items).toHaveCount(20);
  expectNothingPrivate(requests);
  expect(requests.filter((r) => r.includes("/api/jobs?")).every((r) => !r.includes("q="))).toBe(true);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test("list items keep their size while the scores are worked out", async ({ page }) => {
  const release = await holdRequests(page, "**/api/currency-rates");
  await storeProfileBeforeLoad(page, JSON.stringify(FITTING));
  const jobs = new JobsList(page);
  await page.goto("/jobs");
  await expect(jobs.items).toHaveCount(20);
  await expect(jobs.items.first().locator(".match-badge--pending")).toBeVisible();
  const before = await Promise.all((await jobs.items.all()).slice(0, 5).map((i) => i.boundingBox()));
  release();
  await expect(page.locator(".match-badge--pending")).toHaveCount(0);
  const after = await Promise.all((await jobs.items.all()).slice(0, 5).map((i) => i.boundingBox()));
  after.forEach((box, i) => {
    expect(Math.abs(box!.y - before[i]!.y), `item ${i} y`).toBeLessThanOrEqual(1);
    expect(Math.abs(box!.height - before[i]!.height), `item ${i} height`).toBeLessThanOrEqual(1);
  });
});
