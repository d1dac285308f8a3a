// The job widget partners embed: a partner's page on a second loopback
// origin holds two widgets, a third added later and one far down; a third
// origin plays the attacker. Every expectation about jobs comes from the
// API's own answer.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext } from "./fixtures";
import {
  ASCEND,
  DYNAMIC_LIMIT,
  EmbedDocsPage,
  HOSTILE_PAGE,
  LIST_LIMIT,
  PARTNER_COMPANY,
  PartnerPage,
  SHOWCASE_SLUG,
  Site,
  Widget,
  partnerPage,
} from "./embed-pages";

let partner: Site;
let hostile: Site;

test.beforeAll(async () => {
  hostile = await Site.start({ "/hostile.html": HOSTILE_PAGE });
  partner = await Site.start({ "/partner.html": partnerPage(ASCEND, hostile.origin) });
});

test.afterAll(async () => {
  await partner.stop();
  await hostile.stop();
});

async function titles(request: APIRequestContext, query: string): Promise<{ title: string; slug: string }[]> {
  const response = await request.get(`${ASCEND}/api/jobs?sort=newest&${query}`);
  expect(response.ok()).toBe(true);
  const body = await response.json();
  return body.jobs.map((job: { title: string; slug: string }) => ({ title: job.title, slug: job.slug }));
}

/** The iframe is exactly as tall as the widget's document, which does not scroll. */
async function expectFitted(host: PartnerPage, placeholder: string) {
  const widget = new Widget(await host.frame(placeholder));
  await expect
    .poll(async () => {
      const { scroll, client } = await widget.sizes();
      const outer = await host.frameHeight(placeholder);
      return { fits: scroll === client, matches: Math.abs(outer - client) < 1 };
    })
    .toEqual({ fits: true, matches: true });
}

test("each widget shows the jobs the API gives for its settings", async ({ page, request }) => {
  const host = new PartnerPage(page, partner.origin);
  await host.open();

  const expectedList = await titles(request, `company=${PARTNER_COMPANY}&limit=${LIST_LIMIT}`);
  expect(expectedList.length).toBeGreaterThan(0);
  const list = new Widget(await host.frame("list-widget"));
  await expect(list.cardTitles()).toHaveText(expectedList.map((j) => new RegExp(`^${escape(j.title)}`)));
  for (const [i, job] of expectedList.entries()) {
    await expect(list.cardTitles().nth(i)).toHaveAttribute("href", `${ASCEND}/jobs/${job.slug}`);
    await expect(list.cardTitles().nth(i)).toHaveAttribute("target", "_blank");
    await expect(list.cardTitles().nth(i)).toHaveAttribute("rel", /noopener/);
  }

  const detail = await (await request.get(`${ASCEND}/api/jobs/${SHOWCASE_SLUG}`)).json();
  const single = new Widget(await host.frame("job-widget"));
  await expect(single.cardTitles()).toHaveText(new RegExp(`^${escape(detail.title)}`));
  await expect(single.frame.locator(".embed-card__salary-figure")).toBeVisible();
  await expect(single.frame.getByRole("link", { name: /^Apply/ })).toHaveAttribute("href", detail.apply_url);

  await host.addRemoteWidget();
  const expectedRemote = await titles(request, `remote=true&limit=${DYNAMIC_LIMIT}`);
  const remote = new Widget(await host.frame("dynamic-widget"));
  await expect(remote.cardTitles()).toHaveText(expectedRemote.map((j) => new RegExp(`^${escape(j.title)}`)));

  // The far widget waits until the reader scrolls near it.
  await expect(host.iframe("far-widget")).toHaveCount(0);
  await page.locator("#far-widget").scrollIntoViewIfNeeded();
  await expect(host.iframe("far-widget")).toHaveCount(1);
  await expect(host.iframe("far-widget")).toHaveAttribute("title", "Open jobs from Ascend");
});

test("a card's date is never cut: a long place gives way instead", async ({ page }) => {
  const host = new PartnerPage(page, partner.origin);
  await host.open();
  await host.addRemoteWidget();
  for (const placeholder of ["list-widget", "dynamic-widget"]) {
    const widget = new Widget(await host.frame(placeholder));
    await expect(widget.cards().first()).toBeVisible();
    const dates = widget.frame.locator(".embed-card__meta time");
    expect(await dates.count()).toBeGreaterThan(0);
    const cut = await dates.evaluateAll((times) =>
      times
        .filter((time) => {
          const row = time.parentElement!.getBoundingClientRect();
          const box = time.getBoundingClientRect();
          return time.scrollWidth > time.clientWidth + 1 || box.right > row.right + 0.5;
        })
        .map((time) => time.textContent),
    );
    expect(cut, placeholder).toEqual([]);
  }
});

test("each iframe is as tall as its content, also after the page resizes", async ({ page }) => {
  const host = new PartnerPage(page, partner.origin);
  await host.open();
  await host.addRemoteWidget();
  for (const placeholder of ["list-widget", "job-widget", "dynamic-widget"]) {
    const widget = new Widget(await host.frame(placeholder));
    await expect(widget.cards().first()).toBeVisible();
    await expectFitted(host, placeholder);
  }
  // Narrower or wider, the cards reflow and the frames follow.
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: size.width > 600 ? 390 : 1280, height: size.height });
  for (const placeholder of ["list-widget", "job-widget", "dynamic-widget"]) {
    await expectFitted(host, placeholder);
  }
});

test("a click opens the job's page on Ascend in a new tab", async ({ page, request }) => {
  const host = new PartnerPage(page, partner.origin);
  await host.open();
  const [first] = await titles(request, `company=${PARTNER_COMPANY}&limit=${LIST_LIMIT}`);
  const list = new Widget(await host.frame("list-widget"));
  const [popup] = await Promise.all([page.waitForEvent("popup"), list.cardTitles().first().click()]);
  await expect(popup).toHaveURL(`${ASCEND}/jobs/${first.slug}`);
  await expect(popup.getByRole("heading", { level: 1, name: first.title })).toBeVisible();
  // The host page stays where it was.
  await expect(page).toHaveURL(`${partner.origin}/partner.html`);
});

test("messages from the wrong origin or the wrong source resize nothing", async ({ page }) => {
  const host = new PartnerPage(page, partner.origin);
  await host.open();
  const placeholders = ["list-widget", "job-widget"];
  for (const placeholder of placeholders) {
    await expect(new Widget(await host.frame(placeholder)).cards().first()).toBeVisible();
    await expectFitted(host, placeholder);
  }
  const before = await Promise.all(placeholders.map((p) => host.frameHeight(p)));

  await host.postFakeHeightFromHost();
  await host.postFakeHeightFromThirdOrigin();
  await host.watchMessagesFrom("rogue-frame");
  await host.addRogueAscendFrame(ASCEND);
  // The rogue widget loads and reports its (much taller) height; the
  // loader, listening since before, has had that message too.
  const rogue = page.frameLocator("#rogue-frame");
  await expect(rogue.locator(".embed-card").first()).toBeVisible();
  await expect
    .poll(async () => {
      await host.nudgeFrame("rogue-frame");
      return host.reported("rogue-frame");
    })
    .toBe(true);

  const after = await Promise.all(placeholders.map((p) => host.frameHeight(p)));
  expect(after).toEqual(before);
  expect(after).not.toContain(4321);
  for (const placeholder of placeholders) await expectFitted(host, placeholder);
});

test("with the API down the widget says so and the host page still works", async ({ page, context }) => {
  await context.route(`${ASCEND}/api/**`, (route) => route.abort("connectionrefused"));
  const host = new PartnerPage(page, partner.origin);
  await host.open();
  const list = new Widget(await host.frame("list-widget"));
  await expect(list.state("error")).toBeVisible();
  await expect(list.frame.getByRole("alert")).toContainText("Jobs could not be loaded");
  await expect(list.frame.getByRole("button", { name: "Try again" })).toBeVisible();
  const single = new Widget(await host.frame("job-widget"));
  await expect(single.state("error")).toBeVisible();
  await expectFitted(host, "list-widget");

  // The host page's own content and script are untouched.
  await expect(page.getByRole("heading", { name: "Our open jobs" })).toBeVisible();
  await host.hostButton.click();
  await host.hostButton.click();
  await expect(host.hostCount).toHaveText("2");

  // Once the API answers again, Try again loads the jobs.
  await context.unroute(`${ASCEND}/api/**`);
  await list.frame.getByRole("button", { name: "Try again" }).click();
  await expect(list.cards().first()).toBeVisible();
});

test("bad settings are named in the widget", async ({ page }) => {
  await page.goto("/widget/?limit=50");
  await expect(page.getByRole("alert")).toContainText("data-limit must be a whole number from 1 to 20");
  await page.goto("/widget/?accent=red;background:url(x)");
  await expect(page.getByRole("alert")).toContainText("data-accent must be a hex colour");
});

/** The `frame-ancestors` directive of a response's page policy. */
function framing(headers: Record<string, string>): string[] {
  return (headers["content-security-policy"] ?? "")
    .split(";")
    .map((directive) => directive.trim())
    .filter((directive) => directive.startsWith("frame-ancestors"));
}

test("only the widget may be framed by other sites", async ({ request }) => {
  const widget = await request.get(`${ASCEND}/widget/?company=${PARTNER_COMPANY}`);
  expect(widget.ok()).toBe(true);
  expect(framing(widget.headers())).toEqual(["frame-ancestors *"]);
  expect(widget.headers()["x-frame-options"]).toBeUndefined();
  for (const path of ["/jobs", "/embed", `/jobs/${SHOWCASE_SLUG}`, "/embed.js"]) {
    const response = await request.get(`${ASCEND}${path}`);
    expect(response.ok(), path).toBe(true);
    expect(framing(response.headers()), path).toEqual(["frame-ancestors 'self'"]);
    expect(response.headers()["x-frame-options"], path).toBe("SAMEORIGIN");
  }
  const loader = await request.get(`${ASCEND}/embed.js`);
  expect(loader.headers()["cache-control"]).toBe("public, max-age=300");
});

test("the docs page's builder updates the snippet and the preview", async ({ page, request }) => {
  const docs = new EmbedDocsPage(page);
  await docs.open();
  await expect(docs.snippet).toContainText(`data-company="${PARTNER_COMPANY}"`);
  await expect(docs.snippet).toContainText(`<script src="${ASCEND}/embed.js" async></script>`);
  await expect(page.getByText(`script-src ${ASCEND};`)).toBeVisible();

  await docs.field("Search words").fill("engineer");
  await docs.field("How many jobs").fill("2");
  await expect(docs.snippet).toContainText('data-q="engineer"');
  await expect(docs.snippet).toContainText('data-limit="2"');
  await expect(docs.preview).toHaveAttribute("src", /q=engineer/);
  const expected = await titles(request, `company=${PARTNER_COMPANY}&q=engineer&limit=2`);
  await expect(docs.previewFrame().locator(".embed-card__title a")).toHaveText(
    expected.map((j) => new RegExp(`^${escape(j.title)}`)),
  );

  // Refused values are explained at their field, and the snippet waits.
  for (const count of ["0", "25"]) {
    await docs.field("How many jobs").fill(count);
    await expect(docs.field("How many jobs")).toHaveAttribute("aria-invalid", "true");
    await expect(docs.field("How many jobs")).toHaveAccessibleDescription(
      new RegExp(`From 1 to 20\\. A list shows from 1 to 20 jobs, so “${count}” cannot be used`),
    );
    await expect(docs.problem).toHaveText("One setting needs fixing: see the field marked above.");
    await expect(docs.snippet).toContainText('data-limit="2"');
  }
  await docs.field("How many jobs").fill("2");
  await expect(docs.field("How many jobs")).not.toHaveAttribute("aria-invalid", "true");
  await docs.field("Accent colour").fill("red");
  await expect(docs.field("Accent colour")).toHaveAccessibleDescription(/“red” is not a hex colour: write # and three or six hex digits/);
  await expect(docs.snippet).not.toContainText("data-accent");
  await docs.field("Accent colour").fill("#0A7C4A");
  await expect(docs.snippet).toContainText('data-accent="#0a7c4a"');
  await expect(docs.problem).toBeEmpty();

  await page.getByRole("radio", { name: "One job" }).check();
  await expect(docs.snippet).toContainText(`data-ascend-job="${SHOWCASE_SLUG}"`);
  await expect(docs.problem).toBeEmpty();
  await expect(docs.previewFrame().getByRole("link", { name: /^Apply/ })).toBeVisible();
  // The preview is sized to the widget, not scrolled.
  await expect
    .poll(async () => {
      const outer = await docs.preview.evaluate((el) => el.getBoundingClientRect().height);
      const inner = await docs.previewFrame().locator("html").evaluate((el) => el.scrollHeight);
      return Math.abs(outer - inner) < 1;
    })
    .toBe(true);
});

test("the docs page and a partner's widgets have no axe violations", async ({ page }) => {
  const docs = new EmbedDocsPage(page);
  await docs.open();
  await expect(docs.previewFrame().locator(".embed-card__title a").first()).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(described(results.violations)).toEqual([]);

  const host = new PartnerPage(page, partner.origin);
  await host.open();
  await expect(new Widget(await host.frame("list-widget")).cards().first()).toBeVisible();
  await expect(new Widget(await host.frame("job-widget")).cards().first()).toBeVisible();
  const widgets = await new AxeBuilder({ page }).include("#list-widget").include("#job-widget").analyze();
  expect(described(widgets.violations)).toEqual([]);
});

/** Each violation with the elements it was found on, for a useful failure. */
function described(violations: { id: string; nodes: { target: unknown[] }[] }[]): string[] {
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
