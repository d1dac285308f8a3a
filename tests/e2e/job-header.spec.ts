import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "./fixtures";
import { JobTop, NO_SALARY, SavedJobsPage, SHOWCASE_APPLY_URL } from "./job-header-pages";
import { JobsListPage, SHOWCASE, holdRequests, openInApp } from "./pages";

/** Serves the job's real JSON with some fields replaced, to a page that
 * asks the API for it: one opened with `openInApp`. */
async function patchJob(page: Page, slug: string, patch: Record<string, unknown>) {
  await page.route(`**/api/jobs/${slug}`, async (route) => {
    const response = await route.fetch();
    const job = await response.json();
    await route.fulfill({ response, json: { ...job, ...patch } });
  });
}

test.describe("breadcrumb", () => {
  test("leads back to the jobs list and names the job", async ({ page }) => {
    const job = new JobTop(page);
    await job.open(SHOWCASE.slug);
    const current = job.breadcrumb.locator("[aria-current=page]");
    await expect(current).toHaveText(SHOWCASE.title);
    await job.breadcrumb.getByRole("link", { name: "Jobs" }).click();
    await expect(page).toHaveURL(/\/jobs$/);
    await expect(new JobsListPage(page).heading).toBeVisible();
  });

  test("keeps one line with a very long title, which ends in an ellipsis", async ({ page }) => {
    // Longer than the breadcrumb row is wide, even across a 1280 px frame.
    const long =
      "Principal Staff Distributed Systems Backend Engineer for Personalization, Recommendations and Search Relevance, " +
      "Machine Learning Platform, Experimentation Infrastructure and Developer Productivity in Europe";
    await patchJob(page, SHOWCASE.slug, { title: long });
    const job = new JobTop(page);
    await job.openInApp(SHOWCASE.slug);
    const box = await job.breadcrumb.boundingBox();
    expect(box!.height).toBeLessThanOrEqual(25);
    const current = job.breadcrumb.locator("[aria-current=page]");
    const clipped = await current.evaluate((el) => el.scrollWidth > el.clientWidth);
    expect(clipped).toBe(true);
    await expect(current).toHaveAttribute("title", long);
    // The card's title is the whole title for assistive technology.
    await expect(job.title).toHaveText(long);
  });
});

test.describe("header", () => {
  test("shows the logo, title, company, facts and posting date", async ({ page }) => {
    const job = new JobTop(page);
    await job.open(SHOWCASE.slug);
    await expect(job.title).toHaveText(SHOWCASE.title);
    // Cadence has no logo: its initial on a colour, hidden from screen readers.
    const logo = job.card.locator(".avatar");
    await expect(logo).toHaveText("C");
    await expect(logo).toHaveAttribute("aria-hidden", "true");
    await expect(job.companyLink(SHOWCASE.company)).toHaveAttribute("href", "/companies/cadence");
    await expect(job.facts.getByRole("listitem")).toHaveText(["Remote in EMEA", "Full-time", "Posted 9 days ago"]);
    const time = job.facts.locator("time");
    await expect(time).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}$/);
    await expect(time).toHaveAttribute("title", /^\d{1,2} [A-Z][a-z]+ \d{4}$/);
  });

  test("names the work model when the location does not", async ({ page }) => {
    const job = new JobTop(page);
    await job.open(NO_SALARY.slug);
    await expect(job.facts.getByRole("listitem")).toHaveText(["Rotterdam, Netherlands", "On-site", "Part-time", "Posted 2 days ago"]);
  });

  test("Apply opens the employer's page in a new tab", async ({ page }) => {
    const job = new JobTop(page);
    await job.open(SHOWCASE.slug);
    await expect(job.apply).toHaveAttribute("href", SHOWCASE_APPLY_URL);
    await expect(job.apply).toHaveAttribute("target", "_blank");
    await expect(job.apply).toHaveAttribute("rel", "noopener noreferrer");
    await expect(job.apply).toHaveAccessibleName("Apply (opens in a new tab)");
  });

  test("a job without an application link says how to apply", async ({ page }) => {
    const job = new JobTop(page);
    await job.open(NO_SALARY.slug);
    await expect(job.title).toHaveText(NO_SALARY.title);
    await expect(job.apply).toHaveCount(0);
    await expect(job.card).toContainText("No application link: apply on the Northwind Robotics website");
    const website = job.card.getByRole("link", { name: "Northwind Robotics website (opens in a new tab)" });
    await expect(website).toHaveAttribute("href", NO_SALARY.website);
    await expect(website).toHaveAttribute("target", "_blank");
    await expect(job.companyLink(NO_SALARY.company)).toHaveAttribute("href", "/companies/northwind-robotics");
  });

  test("an unsafe apply link is never rendered as a link", async ({ page }) => {
    await patchJob(page, SHOWCASE.slug, { apply_url: "javascript:alert(1)" });
    const job = new JobTop(page);
    await job.openInApp(SHOWCASE.slug);
    await expect(job.apply).toHaveCount(0);
    await expect(page.locator('a[href^="javascript"]')).toHaveCount(0);
    await expect(job.card).toContainText("No application link");
  });
});

test.describe("save", () => {
  test("Save keeps the job, /saved lists it, Remove forgets it", async ({ page }) => {
    const job = new JobTop(page);
    await job.open(SHOWCASE.slug);
    await expect(job.save).toHaveAttribute("aria-pressed", "false");
    await job.save.click();
    await expect(job.save).toHaveAttribute("aria-pressed", "true");
    await expect(job.status).toContainText("Saved on this device");

    await page.reload();
    await expect(job.save).toHaveAttribute("aria-pressed", "true");

    const saved = new SavedJobsPage(page);
    await saved.navLink.click();
    await expect(page).toHaveURL(/\/saved$/);
    await expect(saved.items).toHaveCount(1);
    const link = saved.items.getByRole("link", { name: SHOWCASE.title });
    await expect(link).toHaveAttribute("href", `/jobs/${SHOWCASE.slug}`);
    await expect(saved.items).toContainText(SHOWCASE.company);
    await expect(saved.items).toContainText("Remote in EMEA");

    await saved.remove(SHOWCASE.title, SHOWCASE.company).click();
    await expect(saved.list).toHaveCount(0);
    await expect(saved.empty).toBeVisible();
    await expect(saved.empty).toContainText("press Save");
    await expect(saved.status).toHaveText(`Removed ${SHOWCASE.title} from your saved jobs.`);
    await expect(saved.heading).toBeFocused();
    expect(await page.evaluate(() => localStorage.getItem("ascend.saved-jobs"))).toBeNull();

    await job.open(SHOWCASE.slug);
    await expect(job.save).toHaveAttribute("aria-pressed", "false");
  });

  test("/saved opens from a saved link without fetching anything", async ({ page }) => {
    const job = new JobTop(page);
    await job.open(SHOWCASE.slug);
    await job.save.click();
    await expect(job.save).toHaveAttribute("aria-pressed", "true");

    const apiCalls: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname.startsWith("/api/")) apiCalls.push(request.url());
    });
    const saved = new SavedJobsPage(page);
    await saved.open();
    await expect(saved.items).toHaveCount(1);
    expect(apiCalls).toEqual([]);
  });

  test("another tab sees the change at once", async ({ page, context }) => {
    const job = new JobTop(page);
    await job.open(SHOWCASE.slug);
    const other = await context.newPage();
    const saved = new SavedJobsPage(other);
    await saved.open();
    await expect(saved.empty).toBeVisible();

    await job.save.click();
    await expect(saved.items).toHaveCount(1);
    await saved.remove(SHOWCASE.title, SHOWCASE.company).click();
    await expect(job.save).toHaveAttribute("aria-pressed", "false");
  });

  test("a corrupt stored list is dropped, not a crash", async ({ page }) => {
    await page.addInitScript(() => {
      if (!sessionStorage.getItem("seeded")) {
        sessionStorage.setItem("seeded", "1");
        localStorage.setItem("ascend.saved-jobs", "{not json");
      }
    });
    const saved = new SavedJobsPage(page);
    await saved.open();
    await expect(saved.empty).toBeVisible();
    expect(await page.evaluate(() => localStorage.getItem("ascend.saved-jobs"))).toBeNull();

    const job = new JobTop(page);
    await job.open(SHOWCASE.slug);
    await job.save.click();
    await expect(job.save).toHaveAttribute("aria-pressed", "true");
  });
});

test.describe("share", () => {
  test("without a share sheet, Share copies the link and says so", async ({ page, context, baseURL }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
    await page.addInitScript(() => {
      delete (Navigator.prototype as { share?: unknown }).share;
    });
    const job = new JobTop(page);
    await job.open(SHOWCASE.slug);
    await job.share.click();
    await expect(job.status).toHaveText("Link copied");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${baseURL}/jobs/${SHOWCASE.slug}`);
    // The confirmation goes away by itself.
    await expect(job.status).toHaveText("", { timeout: 10_000 });
  });

  test("when copying fails, Share says so", async ({ page }) => {
    await page.addInitScript(() => {
      delete (Navigator.prototype as { share?: unknown }).share;
      Object.defineProperty(Navigator.prototype, "clipboard", {
        get: () => ({ writeText: () => Promise.reject(new DOMException("Denied", "NotAllowedError")) }),
      });
    });
    const job = new JobTop(page);
    await job.open(SHOWCASE.slug);
    await job.share.click();
    await expect(job.status).toHaveText("Could not copy the link. Copy it from the address bar instead.");
  });

  test("with a share sheet, Share hands it the title and link", async ({ page, baseURL }) => {
    await page.addInitScript(() => {
      (window as unknown as { shared: unknown[] }).shared = [];
      Object.defineProperty(Navigator.prototype, "share", {
        configurable: true,
        value: (data: unknown) => {
          (window as unknown as { shared: unknown[] }).shared.push(data);
          return Promise.resolve();
        },
      });
    });
    const job = new JobTop(page);
    await job.open(SHOWCASE.slug);
    await job.share.click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { shared: unknown[] }).shared))
      .toEqual([{ title: `${SHOWCASE.title} at ${SHOWCASE.company}`, url: `${baseURL}/jobs/${SHOWCASE.slug}` }]);
    await expect(job.status).toHaveText("");
  });
});

test.describe("pager", () => {
  test("moves between the company's open jobs, and back", async ({ page }) => {
    const job = new JobTop(page);
    await job.open(SHOWCASE.slug);
    await expect(job.pager).toHaveAccessibleName(`Jobs at ${SHOWCASE.company}`);
    const [position, total] = await job.pagerPosition();
    expect(total).toBeGreaterThanOrEqual(2);
    // The showcase is first or last: one end links on, the other is disabled.
    const [forward, back] = position === 1 ? (["Next job", "Previous job"] as const) : (["Previous job", "Next job"] as const);
    const disabled = job.pagerEnd(back);
    await expect(disabled).toHaveAttribute("aria-disabled", "true");
    expect(await disabled.evaluate((el) => el.tagName)).not.toBe("A");

    await job.pagerEnd(forward).click();
    await expect(page).not.toHaveURL(new RegExp(`${SHOWCASE.slug}$`));
    await expect(job.title).not.toHaveText(SHOWCASE.title);
    const [moved] = await job.pagerPosition();
    expect(moved).toBe(position === 1 ? 2 : position - 1);

    await job.pagerEnd(back).click();
    await expect(page).toHaveURL(new RegExp(`/jobs/${SHOWCASE.slug}$`));
    await expect(job.title).toHaveText(SHOWCASE.title);
  });

  test("is left out for a company's only open job", async ({ page }) => {
    await patchJob(page, SHOWCASE.slug, { pager: { position: 1, total: 1, previous: null, next: null } });
    const job = new JobTop(page);
    await job.openInApp(SHOWCASE.slug);
    await expect(job.pager).toHaveCount(0);
    await expect(page.getByText(/^Job 1 of 1/)).toHaveCount(0);
  });
});

test.describe("summary and description", () => {
  test("the summary and the description's sections are shown for reading", async ({ page }) => {
    const job = new JobTop(page);
    await job.open(SHOWCASE.slug);
    await expect(job.summary).toContainText("A mid-level backend role building Cadence's recommendation services");
    await expect(job.description.getByRole("heading", { level: 3 })).toHaveText([
      "What you will do",
      "Who you are",
      "Where you will be",
    ]);
    expect(await job.description.getByRole("listitem").count()).toBeGreaterThanOrEqual(10);
    // A comfortable measure: lines of at most about 75 characters.
    const paragraph = job.description.locator("p").first();
    const { width, fontSize } = await paragraph.evaluate((el) => ({
      width: el.getBoundingClientRect().width,
      fontSize: parseFloat(getComputedStyle(el).fontSize),
    }));
    expect(width / fontSize).toBeLessThanOrEqual(40);
  });

  test("a job without a summary has no summary block", async ({ page }) => {
    const job = new JobTop(page);
    await job.open(NO_SALARY.slug);
    await expect(job.description).toContainText("Lighthouse Keeper");
    await expect(job.summary).toHaveCount(0);
  });

  test("hostile HTML from the API is cut down to the allowlist", async ({ page }) => {
    await patchJob(page, SHOWCASE.slug, {
      description_html:
        '<h1>Big</h1><p onclick="window.pwned=1">Hello<img src=x onerror="window.pwned=2"></p>' +
        '<script>window.pwned=3</script><a href="javascript:window.pwned=4">trap</a> ' +
        '<a href="https://cadence.example/team" style="position:fixed">team</a>' +
        "<div><span>kept text</span></div><iframe srcdoc=\"<script>parent.pwned=5</script>\"></iframe>",
    });
    const job = new JobTop(page);
    await job.openInApp(SHOWCASE.slug);
    await expect(job.description).toContainText("kept text");
    const body = job.description.locator(".job-description__body");
    // Leptos leaves an empty comment as a marker; the rest is the allowlist's.
    expect(await body.evaluate((el) => el.innerHTML.replace(/<!---->/g, ""))).toBe(
      '<h2>Big</h2><p>Hello</p>trap <a href="https://cadence.example/team" rel="nofollow noopener noreferrer" target="_blank">team</a>kept text ',
    );
    // Whatever the page loads has loaded (an <img src=x> would have asked
    // for it, and run its onerror): none of it ran.
    await page.waitForLoadState("networkidle");
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  });
});

test("the keyboard reaches every control in order", async ({ page }) => {
  const job = new JobTop(page);
  await job.open(SHOWCASE.slug);
  const [position] = await job.pagerPosition();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main")).toBeFocused();

  const order = [
    job.breadcrumb.getByRole("link", { name: "Jobs" }),
    job.companyLink(SHOWCASE.company),
    job.apply,
    job.save,
    job.share,
  ];
  for (const target of order) {
    await page.keyboard.press("Tab");
    await expect(target).toBeFocused();
  }
  // Space toggles Save; Shift+Tab goes back to it.
  await page.keyboard.press("Shift+Tab");
  await expect(job.save).toBeFocused();
  await page.keyboard.press("Space");
  await expect(job.save).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  const forward = job.pagerEnd(position === 1 ? "Next job" : "Previous job");
  await expect(forward).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(job.title).not.toHaveText(SHOWCASE.title);
});

test("the header card keeps its box from skeleton to job", async ({ page }) => {
  for (const slug of [SHOWCASE.slug, NO_SALARY.slug]) {
    const release = await holdRequests(page, `**/api/jobs/${slug}`);
    const job = new JobTop(page);
    await openInApp(page, `/jobs/${slug}`);
    await expect(job.skeleton).toBeVisible();
    const before = await job.skeleton.boundingBox();
    release();
    await expect(job.title).toBeVisible();
    const after = await job.card.boundingBox();
    for (const side of ["x", "y", "width", "height"] as const) {
      expect(Math.abs(after![side] - before![side]), `${slug}: ${side}`).toBeLessThanOrEqual(1);
    }
    await page.unroute(`**/api/jobs/${slug}`);
  }
});

test.describe("accessibility", () => {
  for (const path of [`/jobs/${SHOWCASE.slug}`, `/jobs/${NO_SALARY.slug}`, "/saved"]) {
    test(`axe finds no violations on ${path}`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    });
  }

  test("axe finds no violations on /saved with a saved job, or on a pressed Save", async ({ page }) => {
    const job = new JobTop(page);
    await job.open(SHOWCASE.slug);
    await job.save.click();
    await expect(job.status).not.toHaveText("");
    let results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    const saved = new SavedJobsPage(page);
    await saved.open();
    await expect(saved.items).toHaveCount(1);
    results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
