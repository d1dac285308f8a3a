import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator } from "./fixtures";
import { JobPage, SHOWCASE, holdRequests } from "./pages";
import { SIMILAR_API, SimilarJobs } from "./similar-jobs-page";

async function openShowcase(page: import("@playwright/test").Page) {
  const job = new JobPage(page);
  await job.open(SHOWCASE.slug);
  await expect(job.title).toHaveText(SHOWCASE.title);
  const similar = new SimilarJobs(page);
  await similar.loaded();
  return similar;
}

test("similar jobs load after the job, as cards that are not the job itself", async ({ page }) => {
  const requested = page.waitForRequest((r) => r.url().includes(`/api/jobs/${SHOWCASE.slug}/similar`));
  const similar = await openShowcase(page);
  expect(new URL((await requested).url()).searchParams.get("limit")).toBe("12");

  const count = await similar.cards.count();
  expect(count).toBeGreaterThanOrEqual(4);
  for (let i = 0; i < count; i++) {
    const card = similar.cards.nth(i);
    const link = similar.link(card);
    await expect(link).toHaveAttribute("href", /^\/jobs\/[a-z0-9-]+$/);
    expect(await link.getAttribute("href")).not.toBe(`/jobs/${SHOWCASE.slug}`);
    await expect(link).not.toBeEmpty();
    await expect(card.locator(".job-card__company-name")).not.toBeEmpty();
    await expect(card.locator(".job-card__place")).not.toBeEmpty();
    await expect(card.locator("time")).toHaveText(/^Posted /);
    // One tab stop per card: the title's link, which covers the card.
    await expect(card.locator("a, button")).toHaveCount(1);
  }
  const first = similar.cards.first();
  const [cardBox, linkArea] = await Promise.all([
    first.boundingBox(),
    similar.link(first).evaluate((el) => {
      const after = getComputedStyle(el, "::after");
      return { position: after.position, content: after.content };
    }),
  ]);
  expect(cardBox!.height).toBeGreaterThan(200);
  expect(linkArea).toEqual({ position: "absolute", content: '""' });
});

test("a few tags, then how many more, said in words", async ({ page }) => {
  const similar = await openShowcase(page);
  const more = similar.list.locator(".job-card__tag--more").first();
  await expect(more).toBeVisible();
  const shown = (await more.locator("[aria-hidden=true]").textContent())!;
  const n = Number(shown.replace("+", ""));
  expect(n).toBeGreaterThan(0);
  await expect(more).toContainText(`and ${n} more`);
  // At most three tags before it, as many as fit two rows whole: none is
  // cut mid-word.
  const tags = more.locator("xpath=..").getByRole("listitem");
  const count = await tags.count();
  expect(count).toBeGreaterThanOrEqual(2);
  expect(count).toBeLessThanOrEqual(4);
  const cut = await tags.evaluateAll((items) =>
    items.filter((item) => item.scrollWidth > item.clientWidth + 1).map((item) => item.textContent),
  );
  expect(cut).toEqual([]);
});

test("next scrolls a page of cards and stops at the end; previous goes back to the start", async ({ page }) => {
  // A dozen pages each way, scroll by scroll.
  test.slow();
  const similar = await openShowcase(page);
  await expect(similar.previous).toHaveAttribute("aria-disabled", "true");
  await expect(similar.next).toHaveAttribute("aria-disabled", "false");

  // The first card cut off at the right edge is the one a page brings in whole.
  const count = await similar.cards.count();
  let cutOff: Locator | null = null;
  for (let i = 0; i < count && !cutOff; i++) {
    if ((await similar.overhang(similar.cards.nth(i))) > 0) cutOff = similar.cards.nth(i);
  }
  expect(cutOff).not.toBeNull();

  await similar.next.click();
  const afterOne = await similar.settledScroll();
  expect(afterOne.left).toBeGreaterThan(0);
  expect(await similar.overhang(cutOff!)).toBeLessThanOrEqual(1);
  await expect(similar.previous).toHaveAttribute("aria-disabled", "false");

  // The rest of the way without animation, to keep a dozen pages quick.
  await page.emulateMedia({ reducedMotion: "reduce" });
  for (let i = 0; i < 20 && (await similar.next.getAttribute("aria-disabled")) === "false"; i++) {
    await similar.next.click();
    await similar.settledScroll();
  }
  await expect(similar.next).toHaveAttribute("aria-disabled", "true");
  const end = await similar.settledScroll();
  expect(end.left).toBeGreaterThanOrEqual(end.max - 1);
  expect(await similar.overhang(similar.cards.last())).toBeLessThanOrEqual(1);
  // A disabled button keeps focus and does nothing.
  await expect(similar.next).toBeFocused();
  await page.keyboard.press("Enter");
  expect((await similar.settledScroll()).left).toBe(end.left);

  for (let i = 0; i < 20 && (await similar.previous.getAttribute("aria-disabled")) === "false"; i++) {
    await similar.previous.click();
    await similar.settledScroll();
  }
  await expect(similar.previous).toHaveAttribute("aria-disabled", "true");
  await expect(similar.next).toHaveAttribute("aria-disabled", "false");
  expect((await similar.settledScroll()).left).toBeLessThanOrEqual(1);
});

test("the buttons follow a scroll made some other way", async ({ page }) => {
  const similar = await openShowcase(page);
  await similar.list.evaluate((el) => el.scrollTo({ left: el.scrollWidth, behavior: "instant" }));
  await expect(similar.next).toHaveAttribute("aria-disabled", "true");
  await expect(similar.previous).toHaveAttribute("aria-disabled", "false");
});

test("Tab goes through the cards in order, and each comes into view whole", async ({ page }) => {
  test.slow();
  const similar = await openShowcase(page);
  await similar.next.focus();
  const count = await similar.cards.count();
  for (let i = 0; i < count; i++) {
    await page.keyboard.press("Tab");
    const card = similar.cards.nth(i);
    await expect(similar.link(card)).toBeFocused();
    await expect.poll(() => similar.overhang(card), { message: `card ${i + 1} in view` }).toBeLessThanOrEqual(1);
    await expect(card).toBeInViewport();
  }
  // And back, with Shift+Tab.
  for (let i = count - 2; i >= 0; i--) {
    await page.keyboard.press("Shift+Tab");
    const card = similar.cards.nth(i);
    await expect(similar.link(card)).toBeFocused();
    await expect.poll(() => similar.overhang(card)).toBeLessThanOrEqual(1);
  }
});

test("clicking anywhere on a card opens that job, with its own similar jobs", async ({ page }) => {
  const similar = await openShowcase(page);
  const card = similar.cards.nth(1);
  const link = similar.link(card);
  const href = (await link.getAttribute("href"))!;
  const title = (await link.textContent())!.trim();
  await card.scrollIntoViewIfNeeded();
  // Below the title, on the place line: the link's cover takes the click.
  const box = (await card.locator(".job-card__place").boundingBox())!;
  await page.mouse.click(box.x + 5, box.y + box.height / 2);

  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(new JobPage(page).title).toHaveText(title);
  // The new job is read from its top, not from where the card was.
  await expect(new JobPage(page).title).toBeInViewport();
  await similar.loaded();
  const hrefs = await similar.cards.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  expect(hrefs).not.toContain(href);
});

test("a failure shows a small note with Retry, and the job stays", async ({ page }) => {
  let failing = true;
  await page.route(SIMILAR_API, (route) =>
    failing
      ? route.fulfill({
          status: 503,
          contentType: "application/json",
          body: JSON.stringify({ error: { code: "unavailable", message: "Ascend is resting." } }),
        })
      : route.continue(),
  );
  const job = new JobPage(page);
  await job.open(SHOWCASE.slug);
  const similar = new SimilarJobs(page);
  await expect(similar.message).toContainText("Similar jobs did not load. Ascend is resting.");
  await expect(similar.section.getByRole("status")).toBeVisible();
  await expect(job.title).toHaveText(SHOWCASE.title);
  await expect(job.errorView).toHaveCount(0);
  await expect(similar.next).toHaveCount(0);

  failing = false;
  await similar.retry.click();
  await similar.loaded();
  await expect(similar.message).toHaveCount(0);
});

test("with no similar jobs the row says so, in the same space", async ({ page }) => {
  const release = await holdRequests(page, SIMILAR_API, (route) =>
    route.fulfill({ contentType: "application/json", body: JSON.stringify({ jobs: [] }) }),
  );
  await new JobPage(page).open(SHOWCASE.slug);
  const similar = new SimilarJobs(page);
  await expect(similar.loading).toBeVisible();
  const before = (await similar.section.boundingBox())!;

  release();
  await expect(similar.message).toContainText("No similar open jobs right now.");
  await expect(similar.section.getByRole("link", { name: "Browse all jobs" })).toHaveAttribute("href", "/jobs");
  const after = (await similar.section.boundingBox())!;
  expect(Math.abs(after.height - before.height)).toBeLessThanOrEqual(1);
});

test("nothing moves when the carousel arrives", async ({ page }) => {
  const release = await holdRequests(page, SIMILAR_API);
  const job = new JobPage(page);
  await job.open(SHOWCASE.slug);
  await expect(job.title).toHaveText(SHOWCASE.title);
  const similar = new SimilarJobs(page);
  await expect(similar.loading).toBeVisible();
  // The job itself is shown while similar jobs are still on their way.
  await expect(job.header).toBeVisible();

  const boxes = () =>
    page.evaluate(() =>
      [".job-page__main", ".job-page__side", ".similar", ".similar__heading", ".site-footer"].map((selector) => {
        const r = document.querySelector(selector)!.getBoundingClientRect();
        return { selector, x: r.x, y: r.y + window.scrollY, width: r.width, height: r.height };
      }),
    );
  const before = await boxes();
  const trackBefore = (await similar.loading.boundingBox())!;

  release();
  await similar.loaded();
  const after = await boxes();
  for (let i = 0; i < before.length; i++) {
    // The heading's box narrows to make room for the buttons; its text stays put.
    const keys = before[i].selector === ".similar__heading" ? (["x", "y", "height"] as const) : (["x", "y", "width", "height"] as const);
    for (const key of keys) {
      expect(Math.abs(after[i][key] - before[i][key]), `${before[i].selector} ${key}`).toBeLessThanOrEqual(1);
    }
  }
  const trackAfter = (await similar.list.boundingBox())!;
  expect(Math.abs(trackAfter.height - trackBefore.height)).toBeLessThanOrEqual(1);
  expect(Math.abs(trackAfter.y - trackBefore.y)).toBeLessThanOrEqual(1);
});

test("reduced motion turns smooth scrolling off", async ({ page }) => {
  const similar = await openShowcase(page);
  expect(await similar.list.evaluate((el) => getComputedStyle(el).scrollBehavior)).toBe("smooth");
  await page.emulateMedia({ reducedMotion: "reduce" });
  expect(await similar.list.evaluate((el) => getComputedStyle(el).scrollBehavior)).toBe("auto");
});

test("phones show a card and a bit of the next; desktops three and more", async ({ page }) => {
  const similar = await openShowcase(page);
  const [track, card] = await Promise.all([similar.list.boundingBox(), similar.cards.first().boundingBox()]);
  const visible = (track!.width - 12) / card!.width;
  const width = page.viewportSize()!.width;
  if (width < 600) {
    expect(visible).toBeGreaterThan(1.1);
    expect(visible).toBeLessThan(1.4);
  } else if (width >= 960) {
    expect(visible).toBeGreaterThan(3);
    expect(visible).toBeLessThan(4);
  }
});

test("axe finds no violations in the carousel, loaded or failed", async ({ page }) => {
  const similar = await openShowcase(page);
  await similar.next.click();
  await similar.settledScroll();
  const loaded = await new AxeBuilder({ page }).include(".similar").analyze();
  expect(loaded.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await page.route(SIMILAR_API, (route) => route.abort("connectionrefused"));
  await page.reload();
  await expect(similar.retry).toBeVisible();
  const failed = await new AxeBuilder({ page }).include(".similar").analyze();
  expect(failed.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
