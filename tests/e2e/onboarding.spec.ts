import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Request } from "./fixtures";
import {
  BACKEND_TITLES,
  DRAFT_KEY,
  FINISHED_MESSAGE,
  OnboardingFlow,
  PROFILE_KEY,
  ProfilePage,
  STORED_PROFILE,
  expectUncovered,
  fakeTitleSuggestions,
  tabTo,
} from "./onboarding-pages";
import { FAQS, FIRST_FAQ, FIRST_FAQ_ANSWER, QuestionsSection } from "./job-widgets-pages";
import { JobPage, JobsListPage, SHOWCASE } from "./pages";

const JOB_PATH = `/jobs/${SHOWCASE.slug}`;

async function axeViolations(page: import("@playwright/test").Page, include?: string) {
  const builder = new AxeBuilder({ page });
  const results = await (include ? builder.include(include) : builder).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(", ")})`);
}

test("the whole flow by keyboard, resumed after a reload, returns to the job and keeps the profile on this device", async ({
  page,
}) => {
  const requests: Request[] = [];
  page.on("request", (request) => requests.push(request));

  const job = new JobPage(page);
  await job.open(SHOWCASE.slug);
  await expect(job.title).toHaveText(SHOWCASE.title);
  await page.goto(`/onboarding?next=${encodeURIComponent(JOB_PATH)}`);
  const flow = OnboardingFlow.page(page);

  // 1: welcome and consent; both documents are linked.
  await flow.expectStep(1, "Let us find jobs that fit you");
  await expect(flow.root.getByRole("link", { name: /Terms of Service/ })).toHaveAttribute("href", "/terms");
  await expect(flow.root.getByRole("link", { name: /Privacy Policy/ })).toHaveAttribute("href", "/privacy");
  await expect(flow.back).toHaveCount(0);
  await expect(flow.skip).toHaveCount(0);
  // Keyboard focus on a control keeps its ring; the next step's heading,
  // focused by script, has none (checked by expectStep).
  await tabTo(page, flow.next);
  await expect(flow.next).toHaveCSS("outline-style", "solid");
  await page.keyboard.press("Enter");

  // 2: roles are required; the message sits by the field.
  await flow.expectStep(2, "Which roles interest you?");
  await expect(flow.skip).toHaveCount(0);
  const roles = flow.combobox("Roles you want");
  await page.keyboard.press("Tab");
  await expect(roles).toBeFocused();
  await expect(flow.root.locator(".chip-input__box")).toHaveCSS("outline-style", "solid");
  await page.keyboard.press("Enter");
  await expect(roles).toHaveAttribute("aria-invalid", "true");
  const rolesError = flow.root.locator("#onboarding-roles-error");
  await expect(rolesError).toContainText("Add at least one role");
  await expect(roles).toHaveAttribute("aria-describedby", /onboarding-roles-error/);
  await expect(roles).toBeFocused();
  await page.keyboard.type("Backend engineer");
  await page.keyboard.press("Enter");
  await expect(flow.chips("Roles you want")).toHaveText(["Backend engineer×"]);
  await expect(roles).toHaveAttribute("aria-invalid", "false");
  await expect(rolesError).toHaveCount(0);
  // Enter in the empty field goes on.
  await page.keyboard.press("Enter");

  // 3: skills, added with Enter or a comma, removed with Backspace.
  await flow.expectStep(3, "Which skills do you bring?");
  const skills = flow.combobox("Your skills");
  await page.keyboard.press("Tab");
  await expect(skills).toBeFocused();
  await page.keyboard.type("Kotlin");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Kafka,");
  await page.keyboard.type("Fortran");
  await page.keyboard.press("Enter");
  await expect(flow.chips("Your skills")).toHaveCount(3);
  await page.keyboard.press("Backspace");
  await expect(flow.chips("Your skills")).toHaveText(["Kotlin×", "Kafka×"]);
  await flow.pressNext();

  // A reload resumes at the same step with the answers kept.
  await flow.expectStep(4, "How experienced are you?");
  await page.reload();
  await flow.expectStep(4, "How experienced are you?");
  await flow.back.focus();
  await page.keyboard.press("Enter");
  await flow.expectStep(3, "Which skills do you bring?");
  await expect(flow.chips("Your skills")).toHaveText(["Kotlin×", "Kafka×"]);
  await flow.pressNext();

  // 4: experience level, a radio group moved through with the arrows.
  await flow.expectStep(4, "How experienced are you?");
  await flow.pressNext();
  await expect(flow.root.getByText("Choose the level closest to yours.")).toBeVisible();
  await expect(flow.root.getByRole("radio", { name: "Intern" })).toBeFocused();
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowDown");
  await expect(flow.root.getByRole("radio", { name: "Senior" })).toBeChecked();
  await expect(flow.root.getByText("Choose the level closest to yours.")).toHaveCount(0);
  await flow.pressNext();

  // 5: where; hybrid would need a city, remote with a region does not.
  await flow.expectStep(5, "Where do you want to work?");
  await expect(flow.skip).toBeVisible();
  await tabTo(page, flow.root.getByRole("checkbox", { name: "Remote" }));
  await page.keyboard.press("Space");
  await tabTo(page, flow.root.getByRole("checkbox", { name: "EMEA" }));
  await page.keyboard.press("Space");
  await expect(flow.root.getByRole("checkbox", { name: "EMEA" })).toBeChecked();
  await flow.pressNext();

  // 6: salary; a wrong amount is explained beside the field.
  await flow.expectStep(6, "What pay do you expect?");
  const amount = flow.root.getByLabel("Amount before tax");
  await page.keyboard.press("Tab");
  await expect(amount).toBeFocused();
  await page.keyboard.type("lots");
  await flow.pressNext();
  await expect(amount).toHaveAttribute("aria-invalid", "true");
  await expect(amount).toBeFocused();
  const readAs = flow.root.locator("#onboarding-salary-amount-read");
  await expect(readAs).toHaveCount(0);
  await expect(flow.root.locator("#onboarding-salary-amount-error")).toHaveText(
    "Write the amount before tax in figures, like 65000, 65.000, 65,000 or 65k.",
  );
  await expect(amount).toHaveAttribute("aria-describedby", "onboarding-salary-amount-hint onboarding-salary-amount-error");
  // German thousands are thousands, and the field says what it read.
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("87.500");
  await expect(amount).toHaveAttribute("aria-invalid", "false");
  await expect(readAs).toHaveText("Read as 87,500 EUR a year.");
  await expect(amount).toHaveAttribute("aria-describedby", "onboarding-salary-amount-read onboarding-salary-amount-hint");
  await expect(amount).toHaveAccessibleDescription(/^Read as 87,500 EUR a year\. For example/);
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("87.5k");
  await expect(readAs).toHaveText("Read as 87,500 EUR a year.");
  const currency = flow.root.getByLabel("Currency");
  await expect(currency.locator("option[value=USD]")).toHaveCount(1);
  await expect(currency).toHaveValue("EUR");
  await flow.pressNext();

  // 7: job-search status, then Finish.
  await flow.expectStep(7, "How is your job search going?");
  await tabTo(page, flow.root.getByRole("radio", { name: "Actively applying" }));
  await page.keyboard.press("ArrowDown");
  await expect(flow.root.getByRole("radio", { name: "Open to the right offer" })).toBeChecked();
  await flow.pressNext("Finish");

  // Back on the job, with the profile stored and the draft gone.
  await expect(page).toHaveURL(new RegExp(`${JOB_PATH}$`));
  await expect(job.title).toHaveText(SHOWCASE.title);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Profile" })).toBeVisible();

  // The score and its reasons, worked out on this device; the gates open.
  const block = page.locator(".match-block");
  await expect(block.locator(".match-block__number")).toHaveText(/^\d{1,3}$/);
  await tabTo(page, block.locator("summary"));
  await page.keyboard.press("Enter");
  await expect(block.getByRole("listitem")).toHaveCount(5);
  await expect(block).toContainText("You have 1 of the 9 skills this job lists");
  const faqs = new QuestionsSection(page, FAQS);
  await faqs.question(FIRST_FAQ).press("Enter");
  await expect(faqs.answer(FIRST_FAQ)).toContainText(FIRST_FAQ_ANSWER);

  const stored = await page.evaluate(([p, d]) => [localStorage.getItem(p), localStorage.getItem(d)], [PROFILE_KEY, DRAFT_KEY]);
  expect(stored[1]).toBeNull();
  const profile = JSON.parse(stored[0]!);
  expect(profile).toMatchObject({
    version: 2,
    roles: ["Backend engineer"],
    skills: ["Kotlin", "Kafka"],
    seniority: "senior",
    work_models: ["remote"],
    remote_regions: ["EMEA"],
    salary: { amount: 87500, currency: "EUR", period: "year" },
    status: "open",
  });
  expect(profile.agreed_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  // Kept after a reload.
  await page.reload();
  const profilePage = new ProfilePage(page);
  await profilePage.open();
  await expect(profilePage.section("Roles")).toContainText("Backend engineer");
  await expect(profilePage.section("Skills")).toContainText("Kotlin");
  await expect(profilePage.section("Experience")).toContainText("Senior");
  await expect(profilePage.section("Where")).toContainText("EMEA");
  await expect(profilePage.section("Salary")).toContainText("87,500 EUR per year");
  await expect(profilePage.section("Job search")).toContainText("Open to the right offer");

  // Deleted, the profile is gone and the gates are back.
  await profilePage.remove.click();
  await profilePage.confirmRemove.click();
  await expect(page.getByRole("status")).toHaveText("Your profile was deleted from this browser.");
  await job.open(SHOWCASE.slug);
  await expect(block).toContainText("Complete your profile to see your match");
  await faqs.question(FIRST_FAQ).press("Enter");
  await expect(faqs.answer(FIRST_FAQ)).toContainText("Join Ascend to see the full answer");
  expect(await page.content()).not.toContain(FIRST_FAQ_ANSWER);

  // No request carried the profile: only two-letter prefixes reach /api/suggest.
  const secrets = [
    "backend engineer",
    "backend%20engineer",
    "backend+engineer",
    "kotlin",
    "kafka",
    "fortran",
    "87500",
    "87,500",
    "87.500",
    "87.5k",
  ];
  for (const request of requests) {
    const carried = `${decodeURIComponent(request.url())} ${request.url()} ${request.postData() ?? ""}`.toLowerCase();
    for (const secret of secrets) {
      expect(carried, `${request.method()} ${request.url()}`).not.toContain(secret);
    }
    expect(request.method(), request.url()).toBe("GET");
    const url = new URL(request.url());
    if (url.pathname === "/api/suggest") expect(url.searchParams.get("q")!.length).toBeLessThanOrEqual(2);
  }
  expect(requests.some((r) => r.url().includes("/api/currency-rates"))).toBe(true);
});

test("an unsafe next is ignored and the flow ends on /profile", async ({ page }) => {
  await page.goto("/onboarding?next=//evil.example/");
  const flow = OnboardingFlow.page(page);
  await flow.expectStep(1, "Let us find jobs that fit you");
  await expect(page.getByRole("link", { name: "Not now" })).toHaveAttribute("href", "/jobs");
  await flow.next.click();
  await flow.combobox("Roles you want").fill("Analyst");
  await flow.combobox("Roles you want").press("Enter");
  await flow.next.click();
  await flow.skip.click();
  await flow.root.getByRole("radio", { name: "Junior" }).check();
  await flow.next.click();
  for (const step of [5, 6, 7]) {
    await expect(flow.progress).toHaveAttribute("aria-valuenow", String(step));
    await flow.skip.click();
  }
  await expect(page).toHaveURL(/\/profile$/);
  const profile = new ProfilePage(page);
  await expect(profile.section("Roles")).toContainText("Analyst");
  await expect(profile.section("Salary")).toContainText("Not given");

  // What happens next, said politely; focus at the top of the new page.
  await expect(profile.status).toContainText(FINISHED_MESSAGE);
  await expect(profile.browseJobs).toHaveAttribute("href", "/jobs");
  await expect(profile.heading).toBeFocused();
  await expect(profile.heading).toHaveCSS("outline-style", "none");
  expect(await axeViolations(page)).toEqual([]);
  // Said on arrival only: not again after a reload.
  await page.reload();
  await expect(profile.section("Roles")).toContainText("Analyst");
  await expect(profile.status).toHaveText("");
  await expect(profile.browseJobs).toHaveCount(0);
});

test("finishing from a link on /profile says what happens next, and Browse jobs goes on", async ({ page }) => {
  await page.goto("/profile");
  const profile = new ProfilePage(page);
  await profile.getStarted.click();
  await expect(page).toHaveURL(/\/onboarding\?next=\/profile$/);
  const flow = OnboardingFlow.page(page);
  await flow.next.click();
  await flow.combobox("Roles you want").fill("Analyst");
  await flow.combobox("Roles you want").press("Enter");
  await flow.next.click();
  await flow.skip.click();
  await flow.root.getByRole("radio", { name: "Junior" }).check();
  await flow.next.click();
  for (const step of [5, 6, 7]) {
    await expect(flow.progress).toHaveAttribute("aria-valuenow", String(step));
    await flow.skip.click();
  }
  await expect(page).toHaveURL(/\/profile$/);
  await expect(profile.status).toContainText(FINISHED_MESSAGE);
  await profile.browseJobs.click();
  await expect(page).toHaveURL(/\/jobs$/);
  await expect(page.getByRole("heading", { level: 1, name: "Newest jobs" })).toBeVisible();
});

test("on a phone the role suggestions never cover Back and Next, and the likeliest role comes first", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await fakeTitleSuggestions(page, BACKEND_TITLES);

  // The page: the open list pushes the buttons down.
  await page.goto("/onboarding");
  const flow = OnboardingFlow.page(page);
  await flow.expectStep(1, "Let us find jobs that fit you");
  await flow.next.click();
  await flow.expectStep(2, "Which roles interest you?");
  const roles = flow.combobox("Roles you want");
  await roles.click();
  await page.keyboard.type("Backend");
  const list = flow.suggestions("Roles you want");
  await expect(list).toBeVisible();
  // Whole-word starts first, shorter and more common next, the internship last.
  await expect(list.getByRole("option")).toHaveText([
    "Backend Engineer",
    "Backend Developer",
    "Senior Backend Engineer",
    "Head of Backend Engineering",
    "Backend Engineering Intern",
  ]);
  const listBox = (await list.boundingBox())!;
  for (const button of [flow.back, flow.next]) {
    const box = (await button.boundingBox())!;
    expect(box.y, "the button is below the list").toBeGreaterThanOrEqual(listBox.y + listBox.height);
    await expectUncovered(button);
  }
  await expect(roles).toBeFocused();
  await expect(list).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(flow.chips("Roles you want")).toHaveText(["Backend Engineer×"]);

  // The dialog: its buttons stay in sight while the step scrolls.
  await page.goto("/jobs?onboarding=1");
  const dialog = OnboardingFlow.dialog(page);
  await dialog.expectStep(2, "Which roles interest you?");
  await dialog.combobox("Roles you want").click();
  await page.keyboard.type("Backend");
  const dialogList = dialog.suggestions("Roles you want");
  await expect(dialogList.getByRole("option")).toHaveText([
    "Backend Developer",
    "Senior Backend Engineer",
    "Head of Backend Engineering",
    "Backend Engineering Intern",
  ]);
  for (const button of [dialog.back, dialog.next]) {
    await expect(button).toBeInViewport();
    await expectUncovered(button);
  }
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(dialog.chips("Roles you want")).toHaveText(["Backend Engineer×", "Backend Developer×"]);
});

test("the dialog opens over the page, Esc closes it keeping progress, and it resumes", async ({ page }) => {
  const list = new JobsListPage(page);
  await page.goto("/jobs?onboarding=1");
  const flow = OnboardingFlow.dialog(page);
  await expect(page.getByRole("dialog", { name: "Let us find jobs that fit you" })).toBeVisible();
  await flow.expectStep(1, "Let us find jobs that fit you");
  await expect(list.heading).toBeAttached();
  expect(await axeViolations(page, "dialog")).toEqual([]);

  await flow.pressNext();
  await flow.expectStep(2, "Which roles interest you?");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Site reliability engineer");
  await page.keyboard.press("Enter");
  // Focus stays inside the modal dialog.
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => !!document.activeElement?.closest("dialog"))).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page).toHaveURL(/\/jobs$/);
  await expect(list.heading).toBeVisible();

  await page.goto("/jobs?onboarding=1");
  await flow.expectStep(2, "Which roles interest you?");
  await expect(flow.chips("Roles you want")).toHaveText(["Site reliability engineer×"]);
  expect(await axeViolations(page, "dialog")).toEqual([]);
  await flow.root.getByRole("button", { name: "Close, keeping your answers" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
});

test("on a job page, ?onboarding=1 goes to the onboarding page for that job", async ({ page }) => {
  await page.goto(`${JOB_PATH}?onboarding=1`);
  await expect(page).toHaveURL(new RegExp(`/onboarding\\?next=${JOB_PATH}$`));
  await OnboardingFlow.page(page).expectStep(1, "Let us find jobs that fit you");
});

test("the profile page shows, edits, exports and deletes the profile", async ({ page }) => {
  await ProfilePage.seed(page, STORED_PROFILE);
  const profile = new ProfilePage(page);
  await profile.open();
  await expect(profile.section("Roles")).toContainText("Platform engineer");
  expect(await axeViolations(page)).toEqual([]);

  // Edit one section with the step's own fields.
  await profile.page.getByRole("button", { name: "Edit skills" }).click();
  const skills = page.getByRole("combobox", { name: "Your skills" });
  await skills.fill("Go");
  await skills.press("Enter");
  await page.getByRole("button", { name: "Remove Terraform" }).click();
  await expect(skills).toBeFocused();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(profile.section("Skills")).toContainText("Kubernetes");
  await expect(profile.section("Skills")).toContainText("Go");
  await expect(profile.section("Skills")).not.toContainText("Terraform");

  // A step's validation applies on the page too.
  await page.getByRole("button", { name: "Edit salary" }).click();
  await page.getByLabel("Amount before tax").fill("0");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByLabel("Amount before tax")).toHaveAttribute("aria-invalid", "true");
  await expect(profile.section("Salary")).toContainText("above zero");
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(profile.section("Salary")).toContainText("120,000 EUR per year");

  const downloading = page.waitForEvent("download");
  await profile.download.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("ascend-profile.json");
  const exported = JSON.parse(readFileSync((await download.path())!, "utf8"));
  expect(exported).toMatchObject({ ...STORED_PROFILE, skills: ["Kubernetes", "Go"] });

  await profile.remove.click();
  await expect(profile.confirmRemove).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await profile.confirmRemove.click();
  await expect(page.getByRole("status")).toHaveText("Your profile was deleted from this browser.");
  await expect(profile.getStarted).toHaveAttribute("href", "/onboarding?next=/profile");
  expect(await page.evaluate((key) => localStorage.getItem(key), PROFILE_KEY)).toBeNull();
  await page.reload();
  await expect(profile.getStarted).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Get started" })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test("a version 1 profile is migrated and written back", async ({ page }) => {
  await ProfilePage.seed(page, {
    version: 1,
    agreed_on: "2025-06-01",
    role: "Data engineer",
    skills: ["SQL"],
    seniority: "mid",
    remote: true,
    yearly_salary: 70000,
    currency: "USD",
  });
  const profile = new ProfilePage(page);
  await profile.open();
  await expect(profile.section("Roles")).toContainText("Data engineer");
  await expect(profile.section("Salary")).toContainText("70,000 USD per year");
  const stored = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), PROFILE_KEY))!);
  expect(stored.version).toBe(2);
  expect(stored.roles).toEqual(["Data engineer"]);
});

test("a corrupt stored profile shows a notice once and does not break the app", async ({ page }) => {
  await ProfilePage.seed(page, '{"version":2,"roles":');
  await page.reload();
  const notice = page.getByRole("status").filter({ hasText: "damaged" });
  await expect(notice).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Newest jobs" })).toBeVisible();
  expect(await page.evaluate((key) => localStorage.getItem(key), PROFILE_KEY)).toBeNull();
  expect(await axeViolations(page)).toEqual([]);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Newest jobs" })).toBeVisible();
  await expect(notice).toHaveCount(0);
});

test("a profile deleted in another tab is gone here too", async ({ page, context }) => {
  await ProfilePage.seed(page, STORED_PROFILE);
  const profile = new ProfilePage(page);
  await profile.open();
  await expect(profile.section("Roles")).toContainText("Platform engineer");
  const other = await context.newPage();
  await other.goto("/jobs");
  await other.evaluate((key) => localStorage.removeItem(key), PROFILE_KEY);
  await expect(profile.getStarted).toBeVisible();
  await other.close();
});
