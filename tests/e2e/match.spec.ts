// The match block on the job page: the score is computed on this device
// from the stored profile, with its reasons, and nothing moves when it comes.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "./fixtures";
import { storeProfileBeforeLoad } from "./job-widgets-pages";
import { FITTING } from "./match-pages";
import { SHOWCASE, holdRequests } from "./pages";

function matchBlock(page: Page) {
  return page.locator(".match-block");
}

test("without a profile the block invites the visitor to make one", async ({ page }) => {
  await page.goto(`/jobs/${SHOWCASE.slug}`);
  const block = matchBlock(page);
  await expect(block).toContainText("Complete your profile to see your match");
  await expect(block.getByRole("link", { name: "Complete your profile" })).toHaveAttribute(
    "href",
    `/onboarding?next=/jobs/${SHOWCASE.slug}`,
  );
});

test("a fitting profile scores the showcase job with its reasons, on the device", async ({ page }) => {
  const requests: string[] = [];
  page.on("request", (request) => requests.push(`${request.url()} ${request.postData() ?? ""}`));
  await storeProfileBeforeLoad(page, JSON.stringify(FITTING));
  await page.goto(`/jobs/${SHOWCASE.slug}`);
  const block = matchBlock(page);
  // £60,000 is about €69,900: at the bottom of the €70–90k range.
  await expect(block.locator(".match-block__number")).toHaveText("100");
  await expect(block).toContainText("Strong match");
  await block.getByText("How you match").click();
  await expect(block.getByRole("listitem")).toHaveCount(5);
  await expect(block).toContainText("You have 9 of the 9 skills this job lists.");
  await expect(block).toContainText("It is remote within EMEA, where you can work.");
  await expect(block).toContainText("Based on everything in your profile");
  // The rates came from the server; the profile never went there.
  expect(requests.some((r) => r.includes("/api/currency-rates"))).toBe(true);
  for (const value of ["Recommender", "GBP", "60000", "Backend%20engineer", "Backend engineer"]) {
    expect(requests.filter((r) => r.includes(value)), value).toEqual([]);
  }
  const results = await new AxeBuilder({ page }).include(".match-block").analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test("a profile that fits nothing scores low and says why", async ({ page }) => {
  await storeProfileBeforeLoad(
    page,
    JSON.stringify({ ...FITTING, roles: ["Pastry chef"], skills: ["Baking"], seniority: "intern", work_models: ["on_site"], locations: ["Lyon"], remote_regions: [] }),
  );
  await page.goto(`/jobs/${SHOWCASE.slug}`);
  const block = matchBlock(page);
  await expect(block).toContainText("Weak match");
  await block.getByText("How you match").click();
  await expect(block).toContainText("You have 0 of the 9 skills this job lists");
  await expect(block).toContainText("not a way of working you chose");
});

test("the block keeps its place and size while the score is worked out", async ({ page }) => {
  const release = await holdRequests(page, "**/api/currency-rates");
  await storeProfileBeforeLoad(page, JSON.stringify(FITTING));
  await page.goto(`/jobs/${SHOWCASE.slug}`);
  const block = matchBlock(page);
  await expect(block).toContainText("Working out your match");
  const before = await block.boundingBox();
  const next = await page.locator(".company-side__part").first().boundingBox();
  release();
  await expect(block.locator(".match-block__number")).toBeVisible();
  const after = await block.boundingBox();
  const nextAfter = await page.locator(".company-side__part").first().boundingBox();
  for (const side of ["x", "y", "width", "height"] as const) {
    expect(Math.abs(after![side] - before![side]), side).toBeLessThanOrEqual(1);
  }
  expect(Math.abs(nextAfter!.y - next!.y)).toBeLessThanOrEqual(1);
});
