// The job page's ratings, salary widget and question accordions, on the
// showcase job (every part filled) and on a job with no salary or reviews.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { SHOWCASE } from "./pages";
import {
  FAQS,
  FIRST_FAQ,
  FIRST_FAQ_ANSWER,
  INTERVIEW,
  NO_SALARY,
  PROFILE_KEY,
  QuestionsSection,
  RatingsSection,
  SalarySection,
  storeProfileBeforeLoad,
} from "./job-widgets-pages";

// Amounts are formatted for the reader's locale; pin it so figures are known.
test.use({ locale: "en-US" });

const FIRST_INTERVIEW = "Tell us about a backend service you designed and ran in production.";
const FIRST_INTERVIEW_ANSWER = "Pick one you know end to end.";
// A minimal profile in the stored format (src/profile_data.rs): the app drops
// anything it cannot read as one.
const PROFILE = JSON.stringify({ version: 2, agreed_on: "2026-11-20" });

test("the showcase's ratings are spoken as sentences and drawn as stars", async ({ page, request }) => {
  const api = await (await request.get(`/api/jobs/${SHOWCASE.slug}`)).json();
  const { ratings, ceo } = api.company;
  await page.goto(`/jobs/${SHOWCASE.slug}`);
  const section = new RatingsSection(page, SHOWCASE.company);
  await expect(section.root).toBeVisible();

  await expect(section.overall.getByText("Rated 4.0 out of 5 from 48 reviews", { exact: true })).toHaveCount(1);
  await expect(section.overall.locator(".rating-figure__number")).toHaveText("4.0");
  await expect(section.overall.locator(".stars")).toHaveAttribute("aria-hidden", "true");
  await expect(section.overall.locator(".star")).toHaveCount(5);
  // How full each star is: a fill class, as the page's policy allows no inline style.
  await expect(section.overall.locator(".star").nth(3)).toHaveClass(/(^| )fill-100( |$)/);
  await expect(section.overall.locator(".star").nth(4)).toHaveClass(/(^| )fill-0( |$)/);

  // Rated by enough people (14 of 48), so there is a figure, not "No rating".
  expect(ratings.diversity_inclusion_count).toBeGreaterThanOrEqual(10);
  const dei = ratings.diversity_inclusion.toFixed(1);
  await expect(
    section.diversity.getByText(`Rated ${dei} out of 5 by ${ratings.diversity_inclusion_count} reviewers`, { exact: true }),
  ).toHaveCount(1);
  await expect(section.diversity).not.toContainText("No rating");

  await expect(section.ceo).toContainText(ceo.name);
  await expect(section.ceo).toContainText(`${ratings.ceo_approval_percent}% of reviewers approve of the CEO`);
  await expect(section.ceo.locator(".avatar")).toHaveText("IH");
  await expect(section.ceo.locator(".ceo__bar-fill")).toHaveClass(
    new RegExp(`(^| )fill-${ratings.ceo_approval_percent}( |$)`),
  );
});

test("the salary switch converts between year, month and hour by keyboard", async ({ page }) => {
  await page.goto(`/jobs/${SHOWCASE.slug}`);
  const salary = new SalarySection(page);
  await expect(salary.source).toHaveText("Employer's range");
  await expect(salary.periods).toHaveCount(3);
  await expect(salary.period("Yearly")).toBeChecked();
  await salary.expectFigures("€80,000 / year", "€70,000", "€90,000");
  await expect(salary.root.getByText("Midpoint of the employer's range")).toBeVisible();
  await expect(salary.marker).toHaveClass(/(^| )fill-50( |$)/);
  await expect(salary.assumption).toContainText("40 hours a week for 52 weeks (2,080 hours a year)");

  await salary.period("Yearly").focus();
  await page.keyboard.press("ArrowRight");
  await expect(salary.period("Monthly")).toBeChecked();
  await salary.expectFigures("€6,667 / month", "€5,833", "€7,500");

  await page.keyboard.press("ArrowRight");
  await expect(salary.period("Hourly")).toBeChecked();
  await salary.expectFigures("€38.46 / hour", "€33.65", "€43.27");

  // Clicking works too, and back to a year gives the published figures.
  await salary.root.getByText("Yearly", { exact: true }).click();
  await salary.expectFigures("€80,000 / year", "€70,000", "€90,000");

  // The explanation of the labels is a disclosure, closed at first.
  const explanation = salary.about.getByText("the employer published this pay range");
  await expect(explanation).toBeHidden();
  await salary.about.locator("summary").focus();
  await page.keyboard.press("Enter");
  await expect(explanation).toBeVisible();
  await expect(salary.about).toContainText("Ascend estimate");
});

test.describe("in German", () => {
  test.use({ locale: "de-DE" });

  test("amounts follow the reader's locale", async ({ page }) => {
    await page.goto(`/jobs/${SHOWCASE.slug}`);
    const salary = new SalarySection(page);
    await salary.expectFigures(/^80\.000\s€ \/ year$/, /^70\.000\s€$/, /^90\.000\s€$/);
    await salary.period("Hourly").check();
    await salary.expectFigures(/^38,46\s€ \/ hour$/, /^33,65\s€$/, /^43,27\s€$/);
  });
});

test("a job without salary or reviews says so honestly", async ({ page }) => {
  await page.goto(`/jobs/${NO_SALARY.slug}`);
  const salary = new SalarySection(page);
  await expect(salary.root).toContainText("No salary to show");
  await expect(salary.root).toContainText(`${NO_SALARY.company} has not published a salary for this job`);
  await expect(salary.root).toContainText("too few for an honest estimate");
  await expect(salary.periods).toHaveCount(0);

  const ratings = new RatingsSection(page, NO_SALARY.company);
  await expect(ratings.overall).toContainText("No reviews yet");
  await expect(ratings.overall.locator(".star")).toHaveCount(0);
  await expect(ratings.diversity).toContainText("No rating");
  await expect(ratings.diversity).toContainText("No reviewer has rated diversity and inclusion yet");
  await expect(ratings.diversity).toContainText("once 10 have");
  await expect(ratings.ceo).toHaveCount(0);

  // No questions for this job: both sections are left out.
  await expect(page.getByRole("heading", { name: FAQS })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: INTERVIEW })).toHaveCount(0);
});

test("without a profile, accordions open by keyboard to an invitation, not the answer", async ({ page }) => {
  await page.goto(`/jobs/${SHOWCASE.slug}`);
  const faqs = new QuestionsSection(page, FAQS);
  await expect(faqs.questions).toHaveCount(5);
  const first = faqs.question(FIRST_FAQ);
  await expect(first).toHaveAttribute("aria-expanded", "false");
  await expect(faqs.answer(FIRST_FAQ)).toHaveCount(0);

  await first.focus();
  await page.keyboard.press("Enter");
  await expect(first).toHaveAttribute("aria-expanded", "true");
  const answer = faqs.answer(FIRST_FAQ);
  await expect(answer).toBeVisible();
  await expect(answer).toContainText("Join Ascend to see the full answer");
  expect(await page.content()).not.toContain(FIRST_FAQ_ANSWER);

  // Tab reaches the invitation inside the open answer, then the next question.
  await page.keyboard.press("Tab");
  const join = answer.getByRole("link", { name: "Join Ascend to see the full answer" });
  await expect(join).toBeFocused();
  await expect(join).toHaveAttribute("href", `/onboarding?next=/jobs/${SHOWCASE.slug}`);
  await page.keyboard.press("Tab");
  await expect(faqs.question("Is the role fully remote?")).toBeFocused();

  await first.focus();
  await page.keyboard.press("Space");
  await expect(first).toHaveAttribute("aria-expanded", "false");
  await expect(faqs.answer(FIRST_FAQ)).toHaveCount(0);

  // The invitation goes to onboarding, saying where to come back to.
  await first.press("Enter");
  await join.click();
  await expect(page).toHaveURL(new RegExp(`/onboarding\\?next=/jobs/${SHOWCASE.slug}$`));
});

test("with a profile, the answers show", async ({ page }) => {
  await storeProfileBeforeLoad(page, PROFILE);
  await page.goto(`/jobs/${SHOWCASE.slug}`);
  const interview = new QuestionsSection(page, INTERVIEW);
  await expect(interview.questions).toHaveCount(8);
  await interview.question(FIRST_INTERVIEW).press("Enter");
  await expect(interview.answer(FIRST_INTERVIEW)).toContainText(FIRST_INTERVIEW_ANSWER);
  await expect(interview.answer(FIRST_INTERVIEW).getByRole("link")).toHaveCount(0);

  const faqs = new QuestionsSection(page, FAQS);
  await faqs.question(FIRST_FAQ).click();
  await expect(faqs.answer(FIRST_FAQ)).toContainText(FIRST_FAQ_ANSWER);
});

test("a stored value that is not JSON counts as no profile and is removed", async ({ page }) => {
  await storeProfileBeforeLoad(page, "{not json");
  await page.goto(`/jobs/${SHOWCASE.slug}`);
  const faqs = new QuestionsSection(page, FAQS);
  await faqs.question(FIRST_FAQ).click();
  await expect(faqs.answer(FIRST_FAQ)).toContainText("Join Ascend to see the full answer");
  expect(await page.evaluate((key) => localStorage.getItem(key), PROFILE_KEY)).toBeNull();
});

test("JSON without a numeric version is not a profile", async ({ page }) => {
  await storeProfileBeforeLoad(page, JSON.stringify({ version: "1" }));
  await page.goto(`/jobs/${SHOWCASE.slug}`);
  const faqs = new QuestionsSection(page, FAQS);
  await faqs.question(FIRST_FAQ).click();
  await expect(faqs.answer(FIRST_FAQ)).toContainText("Join Ascend to see the full answer");
});

test("a profile saved or removed in another tab changes the gates", async ({ page, context }) => {
  await page.goto(`/jobs/${SHOWCASE.slug}`);
  const faqs = new QuestionsSection(page, FAQS);
  await faqs.question(FIRST_FAQ).click();
  await expect(faqs.answer(FIRST_FAQ)).toContainText("Join Ascend to see the full answer");

  const other = await context.newPage();
  await other.goto("/jobs");
  await other.evaluate(([key, value]) => localStorage.setItem(key, value), [PROFILE_KEY, PROFILE]);
  await expect(faqs.answer(FIRST_FAQ)).toContainText(FIRST_FAQ_ANSWER);

  await other.evaluate((key) => localStorage.removeItem(key), PROFILE_KEY);
  await expect(faqs.answer(FIRST_FAQ)).toContainText("Join Ascend to see the full answer");
  await expect(faqs.answer(FIRST_FAQ)).not.toContainText(FIRST_FAQ_ANSWER);
});

for (const profile of [false, true]) {
  test(`axe finds no violations with every question open (${profile ? "with" : "without"} a profile)`, async ({ page }) => {
    if (profile) await storeProfileBeforeLoad(page, PROFILE);
    await page.goto(`/jobs/${SHOWCASE.slug}`);
    await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
    await new QuestionsSection(page, FAQS).openAll();
    await new QuestionsSection(page, INTERVIEW).openAll();
    await new SalarySection(page).about.locator("summary").click();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(", ")})`)).toEqual([]);
  });
}

test("axe finds no violations on the job without a salary", async ({ page }) => {
  await page.goto(`/jobs/${NO_SALARY.slug}`);
  await expect(new SalarySection(page).root).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
