import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { CompanyPage, CompanySide, Footer, Newsletter, tabTo } from "./company-pages";
import { JobPage, SHOWCASE, holdRequests, openInApp } from "./pages";

const JOB_PATH = `/jobs/${SHOWCASE.slug}`;

test("the sidebar on the showcase job shows the company and the job's facts", async ({ page }) => {
  await new JobPage(page).open(SHOWCASE.slug);
  const side = new CompanySide(page);
  await expect(side.name).toHaveText("Cadence");
  await expect(side.openJobs).toHaveAttribute("href", "/companies/cadence");

  await expect(side.matchBlock).toContainText("Complete your profile to see your match");
  await expect(side.matchLink).toHaveAttribute("href", `/onboarding?next=${JOB_PATH}`);

  await expect(side.badges.getByRole("listitem")).toHaveText([
    "Remote friendly",
    "Global team",
    "Builds its own tech",
    "Parental leave leader",
  ]);
  await expect(side.cultureValues.getByRole("listitem")).toHaveCount(7);
  await expect(side.cultureValues).toContainText("Candid feedback");

  await expect(side.fact("Funding")).toHaveText("Public");
  await expect(side.fact("Seniority")).toHaveText("Mid-level");
  await expect(side.fact("Team size")).toHaveText("5,001–10,000 people");
  await expect(side.fact("Employment type")).toHaveText("Full-time, remote");
  // The date itself under "Date posted" (not "Posted 9 days ago" again):
  // the showcase was posted nine days before the day of seeding.
  const posted = new Date();
  posted.setUTCDate(posted.getUTCDate() - 9);
  const iso = posted.toISOString().slice(0, 10);
  const long = posted.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  await expect(side.fact("Date posted")).toHaveText(long);
  await expect(side.fact("Date posted").locator("time")).toHaveAttribute("datetime", iso);
  await expect(side.fact("Headquarters")).toHaveText("Gothenburg, Sweden");
  await expect(side.fact("Founded")).toHaveText("2009");
  const website = side.fact("Website").getByRole("link");
  await expect(website).toHaveAttribute("href", "https://cadence.example");
  await expect(website).toHaveAttribute("target", "_blank");
  await expect(website).toHaveAttribute("rel", /noopener/);
});

test("a company without the optional facts leaves them out rather than blank", async ({ page }) => {
  await page.goto("/jobs/lighthouse-keeper-northwind-robotics");
  const side = new CompanySide(page);
  await expect(side.name).toHaveText("Northwind Robotics");
  for (const term of ["Funding", "Seniority", "Team size", "Headquarters", "Founded"]) {
    await expect(side.fact(term)).toHaveCount(0);
  }
  await expect(side.badges).toHaveCount(0);
  await expect(side.fact("Employment type")).toHaveText("Part-time, on-site");
  await expect(side.fact("Website").getByRole("link")).toHaveText(/^northwind-robotics\.example/);
});

test("benefits are grouped by kind and the rest unfold by keyboard", async ({ page }) => {
  await new JobPage(page).open(SHOWCASE.slug);
  const side = new CompanySide(page);
  const items = side.benefits.getByRole("listitem");
  await expect(items).toHaveCount(4);
  await expect(side.benefits.getByRole("heading", { level: 4 })).toHaveText(["Health", "Leave"]);
  await expect(side.showAllBenefits).toHaveText("Show all 11");
  await expect(side.showAllBenefits).toHaveAttribute("aria-expanded", "false");

  await tabTo(page, side.showAllBenefits);
  await page.keyboard.press("Enter");
  await expect(items).toHaveCount(11);
  await expect(side.benefits.getByRole("heading", { level: 4 })).toHaveText([
    "Health",
    "Leave",
    "Pay and equity",
    "Time off",
    "Learning",
  ]);
  await expect(side.showAllBenefits).toHaveAttribute("aria-expanded", "true");
  await expect(side.showAllBenefits).toHaveText("Show fewer");
  await page.keyboard.press("Space");
  await expect(items).toHaveCount(4);
});

test("the open-jobs link leads by keyboard to the company page, which lists them", async ({ page }) => {
  await new JobPage(page).open(SHOWCASE.slug);
  const side = new CompanySide(page);
  const count = Number((await side.openJobs.textContent())!.match(/\d+/)![0]);
  expect(count).toBeGreaterThanOrEqual(1);

  await tabTo(page, side.openJobs);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/companies\/cadence$/);
  const company = new CompanyPage(page);
  await expect(company.heading).toHaveText("Cadence");
  await expect(page).toHaveTitle("Cadence · Ascend");
  await expect(company.jobs).toHaveCount(count);
  await expect(page.getByRole("link", { name: SHOWCASE.title, exact: true })).toHaveAttribute("href", JOB_PATH);
  // Its ratings are the job page's: stars, spoken as one sentence.
  const ratings = page.getByRole("region", { name: "How employees rate Cadence" });
  await expect(ratings).toContainText("Rated 4.0 out of 5 from 48 reviews");
  await expect(ratings.locator(".stars").first()).toHaveAttribute("aria-hidden", "true");

  await tabTo(page, page.getByRole("link", { name: SHOWCASE.title, exact: true }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${JOB_PATH}$`));
});

test("an unknown company gets the not-found page", async ({ page }) => {
  await new CompanyPage(page).open("no-such-company");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We could not find that page");
});

test("the company skeleton holds the header's place while it loads", async ({ page }) => {
  const release = await holdRequests(page, "**/api/companies/cadence");
  const company = new CompanyPage(page);
  // Reached inside the app, the page fetches the company and shows its skeleton.
  await openInApp(page, "/companies/cadence");
  await expect(company.skeleton).toBeVisible();
  const header = page.locator(".company-page__header");
  const before = await header.boundingBox();

  release();
  await expect(company.heading).toHaveText("Cadence");
  const after = await header.boundingBox();
  expect(before).not.toBeNull();
  expect(after).not.toBeNull();
  expect(Math.abs(after!.height - before!.height)).toBeLessThanOrEqual(1);
  expect(Math.abs(after!.y - before!.y)).toBeLessThanOrEqual(1);
});

test("the newsletter rejects a bad address beside the field, without asking the server", async ({ page }) => {
  const posts: string[] = [];
  page.on("request", (r) => r.method() === "POST" && posts.push(r.url()));
  await new JobPage(page).open(SHOWCASE.slug);
  const news = new Newsletter(page);

  await news.subscribeByKeyboard("ada@example");
  await expect(news.email).toHaveAttribute("aria-invalid", "true");
  expect(await news.fieldMessage()).toBe("That does not look like an email address.");
  await expect(news.email).toBeFocused();

  await news.subscribeByKeyboard("");
  expect(await news.fieldMessage()).toBe("Enter your email address.");
  expect(posts).toEqual([]);

  // Typing a good address clears the mark.
  await page.keyboard.type("ada@example.com");
  await expect(news.email).not.toHaveAttribute("aria-invalid", "true");
  await expect(news.email).not.toHaveAttribute("aria-describedby", /.+/);
});

test("the newsletter accepts a good address and says so", async ({ page }, testInfo) => {
  await new JobPage(page).open(SHOWCASE.slug);
  const news = new Newsletter(page);
  const address = `ada.${testInfo.project.name}@example.com`;
  const answer = page.waitForResponse((r) => r.url().endsWith("/api/subscriptions") && r.request().method() === "POST");

  await news.subscribeByKeyboard(address);
  const response = await answer;
  expect(response.status()).toBe(201);
  expect(response.request().postDataJSON()).toEqual({ email: address, topics: ["engineering", "remote"] });
  await expect(news.status).toHaveText(`You are subscribed: ${address} will get new engineering and remote jobs.`);
  await expect(news.alert).toHaveCount(0);
  await expect(news.email).not.toHaveAttribute("aria-invalid", "true");
});

test("the newsletter shows sending, then an alert when the API fails", async ({ page }) => {
  const release = await holdRequests(page, "**/api/subscriptions", (route) =>
    route.fulfill({
      status: 503,
      contentType: "application/json",
      body: JSON.stringify({ error: { code: "unavailable", message: "Ascend is resting. Try again soon." } }),
    }),
  );
  await new JobPage(page).open(SHOWCASE.slug);
  const news = new Newsletter(page);

  await news.subscribeByKeyboard("ada@example.com");
  await expect(news.submit).toHaveText("Signing you up…");
  await expect(news.submit).toBeDisabled();
  release();
  await expect(news.alert).toHaveText("We could not sign you up. Ascend is resting. Try again soon.");
  await expect(news.submit).toBeEnabled();
  await expect(news.submit).toHaveText("Subscribe");
  await expect(news.status).toHaveText("");
});

test("the newsletter puts the server's field message beside the field", async ({ page }) => {
  await page.route("**/api/subscriptions", (route) =>
    route.fulfill({
      status: 422,
      contentType: "application/json",
      body: JSON.stringify({
        error: {
          code: "validation_failed",
          message: "We do not send to that domain.",
          field: "email",
          fields: [{ field: "email", message: "We do not send to that domain." }],
        },
      }),
    }),
  );
  await new JobPage(page).open(SHOWCASE.slug);
  const news = new Newsletter(page);
  await news.subscribeByKeyboard("ada@example.com");
  await expect(news.email).toHaveAttribute("aria-invalid", "true");
  expect(await news.fieldMessage()).toBe("We do not send to that domain.");
  await expect(news.alert).toHaveCount(0);
});

test("a rate-limited sign-up shows the server's message as an alert", async ({ page }) => {
  await page.route("**/api/subscriptions", (route) =>
    route.fulfill({
      status: 429,
      headers: { "Retry-After": "42" },
      contentType: "application/json",
      body: JSON.stringify({ error: { code: "too_many_requests", message: "Too many requests. Try again in 42 seconds." } }),
    }),
  );
  await new JobPage(page).open(SHOWCASE.slug);
  const news = new Newsletter(page);
  await news.subscribeByKeyboard("ada@example.com");
  await expect(news.alert).toContainText("Too many requests. Try again in 42 seconds.");
});

test("the footer links reach the terms and the privacy policy by keyboard", async ({ page }) => {
  await new JobPage(page).open(SHOWCASE.slug);
  await expect(new CompanySide(page).name).toBeVisible();
  const footer = new Footer(page);

  await tabTo(page, footer.terms);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/terms$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Terms of Service");
  await expect(page).toHaveTitle("Terms of Service · Ascend");

  await tabTo(page, footer.privacy);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/privacy$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Privacy Policy");
  await expect(page.getByRole("main")).toContainText("Your profile stays in your browser");
});

for (const path of [JOB_PATH, "/companies/cadence", "/terms", "/privacy"]) {
  test(`axe finds no violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
}
